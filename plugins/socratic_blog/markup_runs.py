"""HTML split by a real parser into runs of text and pieces of markup, bytes kept.

Joining the runs' `raw` gives back the HTML exactly, so a caller can change
one tag (typography shields it, the body guard removes it) and leave every
other byte as it was. The reader splits a post's body twice in a row (the
body guard, then typography) and mostly changes nothing in between, so the
last few splits are kept.
"""

from __future__ import annotations

import functools
from html.parser import HTMLParser
from typing import NamedTuple

# Splits kept: the body, its summary, the title and a few contents entries.
KEPT_SPLITS = 16


class Run(NamedTuple):
    """A stretch of HTML: text, or one tag, comment or declaration."""

    raw: str
    kind: str  # "text", "start", "end" or "other" (comment, declaration…)
    tag: str = ""  # the element's lower-case name, for start and end tags
    attrs: tuple[tuple[str, str | None], ...] = ()

    @property
    def markup(self) -> bool:
        """Tell whether the run is markup rather than text."""
        return self.kind != "text"


class RunFinder(HTMLParser):
    """Note where each run starts, as the parser meets it."""

    # Only a <script>'s content is read as text: a <style>'s is read as markup,
    # as a browser reads it inside <svg> or <math>, so nothing hides in it.
    CDATA_CONTENT_ELEMENTS = ("script",)

    def __init__(self, html: str):
        """Parse `html` whole; character references stay text as written."""
        super().__init__(convert_charrefs=True)
        self.line_starts = line_starts(html)
        # Where each run starts → what it is; the start is text until told.
        self.found: dict[int, tuple] = {0: ("text", "", ())}
        self.in_text = True
        self.feed(html)
        self.close()

    def note(self, kind: str, tag: str = "", attrs=()) -> None:
        """Record a run starting where the parser stands."""
        line, column = self.getpos()
        self.found[self.line_starts[line - 1] + column] = (kind, tag, tuple(attrs))
        self.in_text = False

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
        """Note text, where it follows markup: text runs on until markup."""
        if not self.in_text:
            self.note("text")
            self.in_text = True

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


@functools.lru_cache(maxsize=KEPT_SPLITS)
def markup_runs(html: str) -> tuple[Run, ...]:
    """Split `html` into runs whose `raw` texts join back into `html`."""
    found = RunFinder(html).found
    starts = sorted(found)
    ends = [*starts[1:], len(html)]
    return tuple(
        Run(html[start:end], *found[start])
        for start, end in zip(starts, ends, strict=True)
        if end > start
    )
