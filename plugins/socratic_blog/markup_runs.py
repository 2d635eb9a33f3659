"""HTML split by a real parser into runs of text and pieces of markup, bytes kept.

Joining the runs' `raw` gives back the HTML exactly, so a caller can change
one tag (typography shields it, the body guard removes it) and leave every
other byte as it was.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser


@dataclass(frozen=True)
class Run:
    """A stretch of HTML: text, or one tag, comment or declaration."""

    raw: str
    kind: str  # "text", "start", "end" or "other" (comment, declaration…)
    tag: str = ""  # the element's lower-case name, for start and end tags
    attrs: tuple[tuple[str, str | None], ...] = ()
    line: int = 1  # the HTML's line where the run starts

    @property
    def markup(self) -> bool:
        """Tell whether the run is markup rather than text."""
        return self.kind != "text"


class RunFinder(HTMLParser):
    """Note where each run starts, as the parser meets it."""

    def __init__(self, html: str):
        """Parse `html` whole; character references stay text as written."""
        super().__init__(convert_charrefs=False)
        self.line_starts = line_starts(html)
        # Where each run starts → what it is; the start is text until told.
        self.found: dict[int, tuple] = {0: ("text", "", (), 1)}
        self.feed(html)
        self.close()

    def note(self, kind: str, tag: str = "", attrs=()) -> None:
        """Record a run starting where the parser stands."""
        line, column = self.getpos()
        self.found[self.line_starts[line - 1] + column] = (
            kind,
            tag,
            tuple(attrs),
            line,
        )

    def handle_starttag(self, tag, attrs):
        """Note a start tag."""
        self.note("start", tag, attrs)

    def handle_startendtag(self, tag, attrs):
        """Note a self-closing tag."""
        self.note("start", tag, attrs)

    def handle_endtag(self, tag):
        """Note an end tag."""
        self.note("end", tag)

    def handle_data(self, data):
        """Note text."""
        self.note("text")

    handle_entityref = handle_charref = handle_data

    def handle_comment(self, data):
        """Note a comment, declaration or processing instruction."""
        self.note("other")

    handle_decl = handle_pi = unknown_decl = handle_comment


def line_starts(html: str) -> list[int]:
    """Return where each line starts; the parser counts lines by newlines alone."""
    starts = [0]
    at = html.find("\n")
    while at != -1:
        starts.append(at + 1)
        at = html.find("\n", at + 1)
    return starts


def markup_runs(html: str) -> list[Run]:
    """Split `html` into runs whose `raw` texts join back into `html`."""
    found = RunFinder(html).found
    starts = sorted(found)
    ends = [*starts[1:], len(html)]
    return [
        Run(html[start:end], *found[start])
        for start, end in zip(starts, ends, strict=True)
        if end > start
    ]
