"""Python-Markdown extension: GitHub alerts, `> [!NOTE]` and its four siblings.

A block quote whose first line is `[!NOTE]`, `[!TIP]`, `[!IMPORTANT]`,
`[!WARNING]` or `[!CAUTION]` becomes a callout of the same family as the
```information fence: a `role="note"` box with an icon hidden from assistive
technology, a title, and the rest of the quote as its body.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

from .callout import ICON

MARKER = re.compile(
    r"\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\][ \t]*(?:\n|$)", re.IGNORECASE
)
STROKES = (
    'fill="none" stroke="currentColor" stroke-width="2" '
    'stroke-linecap="round" stroke-linejoin="round"'
)


def icon(*paths: str) -> str:
    """Return a 20-pixel line icon drawn with `paths`, like the callout's own."""
    drawing = "".join(f'<path d="{path}" {STROKES}/>' for path in paths)
    return (
        '<svg class="callout-icon" aria-hidden="true" focusable="false" '
        f'viewBox="0 0 24 24" width="20" height="20">{drawing}</svg>'
    )


# Each kind: its title and its icon (an information sign for the note).
KINDS = {
    "note": ("Note", ICON),
    "tip": ("Tip", icon("M9 18h6M10 21h4", "M8.5 14.5a6 6 0 1 1 7 0V16h-7z")),
    "important": ("Important", icon("M4 4h16v12H9l-5 4z", "M12 7v4M12 13.5v.5")),
    "warning": ("Warning", icon("M12 3 2 20h20z", "M12 9v5M12 16.5v.5")),
    "caution": (
        "Caution",
        icon("M8 3h8l5 5v8l-5 5H8l-5-5V8z", "M12 7.5v5M12 15.5v.5"),
    ),
}


class Alerts(Treeprocessor):
    """Turn each block quote that starts with an alert marker into a callout."""

    def run(self, root) -> None:
        """Rewrite the marked quotes in place, before their text is parsed."""
        for quote in list(root.iter("blockquote")):
            first = quote[0] if len(quote) and not (quote.text or "").strip() else None
            if first is None or first.tag != "p":
                continue
            marker = MARKER.match(first.text or "")
            if marker is not None:
                first.text = first.text[marker.end() :]
                become_callout(quote, marker.group(1).lower())


def become_callout(quote: etree.Element, kind: str) -> None:
    """Turn `quote` into `<div class="callout callout-KIND">` with title and body."""
    title, drawing = KINDS[kind]
    body = etree.Element("div", {"class": "callout-body"})
    body.extend(quote)
    if not body[0].text and not len(body[0]):
        # The marker stood alone in its paragraph.
        drop_first(body)
    tail = quote.tail
    quote.clear()
    quote.tag, quote.tail = "div", tail
    quote.set("class", f"callout callout-{kind}")
    quote.set("role", "note")
    heading = etree.SubElement(quote, "p", {"class": "callout-title"})
    svg = etree.fromstring(drawing)
    svg.tail = title
    heading.append(svg)
    quote.append(body)


def drop_first(body: etree.Element) -> None:
    """Remove the body's first child, keeping whatever text followed it."""
    first = body[0]
    body.remove(first)
    if first.tail and first.tail.strip():
        body.text = first.tail


class AlertsExtension(Extension):
    """Render GitHub's alerts as the site's callouts."""

    def extendMarkdown(self, md):
        """Register before the inline patterns (20), after footnotes (50)."""
        md.treeprocessors.register(Alerts(md), "alerts", 25)


def makeExtension(**kwargs):
    """Return the extension (Python-Markdown's entry point)."""
    return AlertsExtension(**kwargs)
