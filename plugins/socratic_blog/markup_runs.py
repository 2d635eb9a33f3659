"""HTML split into runs of text and pieces of markup, as html.parser reads it.

Joining the runs' `raw` gives back the HTML exactly, so a caller can change
one tag (typography shields it, the body guard removes it) and leave every
other byte as it was. The reader splits a post's body three times in a row
(the body guard, raw HTML's files, then typography) and mostly changes nothing
in between, so the last few splits are kept.

`html.parser` costs about ten microseconds a tag, and a highlighted code block
is hundreds of tags. HTML made only of plain tags (`<name>`, `</name>`,
`<name attr="value" bare/>`, as Markdown and Pygments write them) is split by
one pattern instead, each distinct tag (and short text) read once: for such
HTML that parser reads exactly the same runs (tests/plugin/test_markup_runs.py
compares them).
Anything else, a comment, an unquoted value, a stray `<`, or an element whose
content the parser reads as text (`<script>`, `<style>`…), goes to the parser.
"""

from __future__ import annotations

import functools
import re
from html import unescape
from html.parser import HTMLParser
from typing import NamedTuple

# Splits kept: the body, its summary, the title and a few contents entries.
KEPT_SPLITS = 16
# Plain tags already read and short texts already met, by their text: a code
# block is a few dozen distinct spans around short tokens (`(`, `def`, a line
# break). Forgotten all at once when there are this many.
KEPT_RUNS = 4096
SHORT_TEXT = 40
# Splits HTML at what could be a tag: `<` up to the next `>` or `<`.
TAG_LIKE = re.compile(r"(<[^<>]*>?)")
# Only the whitespace every version of html.parser reads as whitespace in a tag.
SPACE = r"[ \t\n\r\f]"
PLAIN_TAG = re.compile(
    r"</([a-zA-Z][a-zA-Z0-9]*)>"
    rf"|<([a-zA-Z][a-zA-Z0-9]*)"
    rf'((?:{SPACE}+[a-zA-Z_:][-a-zA-Z0-9_:.]*(?:="[^"<>]*")?)*){SPACE}*(/?)>'
)
PLAIN_ATTRIBUTE = re.compile(r'([^\s="]+)(?:(=)"([^"]*)")?')
# Elements whose content a parser may read as text, not markup: left to it.
TEXT_CONTENT = {"script", "style", "textarea", "title", "xmp", "iframe"}
TEXT_CONTENT |= {"noembed", "noframes", "noscript", "plaintext"}


class Run(NamedTuple):
    """A stretch of HTML: text, or one tag, comment or declaration."""

    raw: str
    kind: str  # "text", "start", "end" or "other" (comment, declaration…)
    tag: str = ""  # the element's lower-case name, for start and end tags
    attrs: tuple[tuple[str, str | None], ...] = ()
    closed: bool = False  # a start tag the parser read as self-closing (`/>`)

    @property
    def markup(self) -> bool:
        """Tell whether the run is markup rather than text."""
        return self.kind != "text"


known_runs: dict[str, Run] = {}


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
        self.found: dict[int, tuple] = {0: ("text", "", (), False)}
        self.in_text = True
        self.feed(html)
        self.close()

    def note(self, kind: str, tag: str = "", attrs=(), closed=False) -> None:
        """Record a run starting where the parser stands."""
        line, column = self.getpos()
        found = (kind, tag, tuple(attrs), closed)
        self.found[self.line_starts[line - 1] + column] = found
        self.in_text = False

    def handle_starttag(self, tag, attrs):
        """Note a start tag."""
        self.note("start", tag, attrs)

    def handle_startendtag(self, tag, attrs):
        """Note a self-closing tag."""
        self.note("start", tag, attrs, closed=True)

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
    runs = plain_runs(html)
    return parsed_runs(html) if runs is None else runs


def plain_runs(html: str) -> tuple[Run, ...] | None:
    """Split HTML made of plain tags alone; None when anything else is in it."""
    parts = TAG_LIKE.split(html)  # text, tag, text, tag… text
    runs = []
    for text, raw in zip(parts[:-1:2], parts[1::2], strict=True):
        if text:
            runs.append(known_runs.get(text) or text_run(text))
        tag = known_runs.get(raw) or plain_tag(raw)
        if tag is None:
            return None
        runs.append(tag)
    if parts[-1]:
        runs.append(text_run(parts[-1]))
    return tuple(runs)


def text_run(text: str) -> Run:
    """Make a run of text, and keep it when it is short."""
    run = Run(text, "text")
    if len(text) < SHORT_TEXT:
        keep(run)
    return run


def plain_tag(raw: str) -> Run | None:
    """Read one plain tag as html.parser reads it, and keep it; None if not one."""
    found = PLAIN_TAG.fullmatch(raw)
    if found is None:
        return None
    end_name, name, attributes, slash = found.groups()
    if end_name:
        tag = Run(raw, "end", end_name.lower())
    elif name.lower() in TEXT_CONTENT:
        return None
    else:
        attrs = tuple(
            (attribute.lower(), unescape(value) if equals else None)
            for attribute, equals, value in PLAIN_ATTRIBUTE.findall(attributes)
        )
        tag = Run(raw, "start", name.lower(), attrs, bool(slash))
    keep(tag)
    return tag


def keep(run: Run) -> None:
    """Keep a run for the next time its text is met (texts hold no `<`, tags do)."""
    if len(known_runs) >= KEPT_RUNS:
        known_runs.clear()
    known_runs[run.raw] = run


def parsed_runs(html: str) -> tuple[Run, ...]:
    """Split any HTML into runs with html.parser."""
    found = RunFinder(html).found
    starts = sorted(found)
    ends = [*starts[1:], len(html)]
    return tuple(
        Run(html[start:end], *found[start])
        for start, end in zip(starts, ends, strict=True)
        if end > start
    )
