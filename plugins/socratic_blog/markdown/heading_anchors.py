"""Python-Markdown extension: each heading links to itself, for a reader to copy.

The link is empty: the stylesheet draws its "#" and shows it while the heading
is hovered or the link has focus, and its `aria-label` names it for screen
readers ("Link to this section: Why tests"). Being empty, it adds no words to
the text, the description, the reading time or the search index.
"""

from __future__ import annotations

import html
import xml.etree.ElementTree as etree

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

HEADINGS = {f"h{level}" for level in range(1, 7)}
NAME = "Link to this section: {}"


def heading_names(tokens: list[dict]) -> dict[str, str]:
    """Map each heading's id to its plain text, from the toc's nested tokens."""
    names = {}
    for token in tokens:
        names[token["id"]] = html.unescape(token["name"])
        names.update(heading_names(token["children"]))
    return names


class HeadingAnchors(Treeprocessor):
    """Append a named link to its own section to every heading with an id."""

    def run(self, root) -> None:
        """Add the links, named after the headings as the contents name them."""
        names = heading_names(getattr(self.md, "toc_tokens", []))
        for heading in root.iter():
            anchor = heading.get("id")
            if heading.tag in HEADINGS and anchor in names:
                link = etree.SubElement(heading, "a", {"class": "heading-anchor"})
                link.set("href", f"#{anchor}")
                link.set("aria-label", NAME.format(names[anchor]))


class HeadingAnchorsExtension(Extension):
    """Give every heading a link a reader can copy."""

    def extendMarkdown(self, md):
        """Register after the toc extension (5) has given the headings ids."""
        md.treeprocessors.register(HeadingAnchors(md), "heading_anchors", 4)


def makeExtension(**kwargs):
    """Return the extension (Python-Markdown's entry point)."""
    return HeadingAnchorsExtension(**kwargs)
