"""The `<img>` elements of a post's HTML, found by an HTML parser, with their place.

A picture is rewritten where it stands and nothing else in the page moves: the
parser (the standard library's, which reads comments, scripts and attribute
quoting as browsers do) gives each `<img>` start tag's span, and the span of
the paragraph when the picture stands alone in it, so the rest of the HTML is
kept byte for byte.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser


@dataclass(frozen=True)
class ImgTag:
    """One `<img>`: its attributes (unescaped), its span, and its paragraph's."""

    attributes: dict[str, str]
    start: int
    end: int
    alone_in: tuple[int, int] | None  # the `<p>…</p>` span when nothing else is in it
    in_picture: bool = False  # inside a `<picture>` the author wrote


@dataclass(frozen=True)
class Event:
    """A start tag, an end tag or some text, with where it lies in the HTML."""

    kind: str
    tag: str
    start: int
    end: int
    attributes: dict[str, str]


class EventParser(HTMLParser):
    """List the tags and the non-blank text of an HTML fragment, with their spans."""

    def __init__(self, text: str):
        """Read `text` at once."""
        super().__init__(convert_charrefs=True)
        self.text = text
        self.line_starts = [0]
        for number, character in enumerate(text):
            if character == "\n":
                self.line_starts.append(number + 1)
        self.events: list[Event] = []
        self.feed(text)
        self.close()

    def place(self) -> int:
        """Return where the parser's current item starts in the text."""
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag, attrs):
        """Keep a start tag and its span."""
        start = self.place()
        end = start + len(self.get_starttag_text() or "")
        values = {name: value or "" for name, value in attrs}
        self.events.append(Event("start", tag, start, end, values))

    def handle_startendtag(self, tag, attrs):
        """Keep `<img/>` as a start tag (it is void either way)."""
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        """Keep an end tag and its span."""
        start = self.place()
        end = self.text.find(">", start) + 1 or len(self.text)
        self.events.append(Event("end", tag, start, end, {}))

    def handle_data(self, data):
        """Keep text that is not blank: it keeps a picture from standing alone."""
        if data.strip():
            start = self.place()
            self.events.append(Event("text", "", start, start + len(data), {}))


def img_tags(html: str) -> list[ImgTag]:
    """Return every `<img>` of `html` in order, with its span and its paragraph's."""
    if "<img" not in html.lower():
        return []
    events = EventParser(html).events
    found = []
    pictures = 0  # how many `<picture>` elements are open
    for index, event in enumerate(events):
        if event.tag == "picture":
            pictures += 1 if event.kind == "start" else -1
        if event.kind != "start" or event.tag != "img":
            continue
        before = events[index - 1] if index else None
        after = events[index + 1] if index + 1 < len(events) else None
        alone = (
            before is not None
            and after is not None
            and (before.kind, before.tag) == ("start", "p")
            and (after.kind, after.tag) == ("end", "p")
        )
        span = (before.start, after.end) if alone else None
        tag = ImgTag(event.attributes, event.start, event.end, span, pictures > 0)
        found.append(tag)
    return found


def replace_spans(html: str, replacements: list[tuple[int, int, str]]) -> str:
    """Return `html` with each (start, end) span replaced, spans in order."""
    parts, last = [], 0
    for start, end, markup in replacements:
        parts.append(html[last:start])
        parts.append(markup)
        last = end
    parts.append(html[last:])
    return "".join(parts)
