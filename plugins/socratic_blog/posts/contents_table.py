"""A post's table of contents: its section headings, when it has enough of them."""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import Markup

MIN_HEADINGS = 3
# The contents list shows sections (h2) and their subsections (h3).
DEEPEST_LEVEL = 3


@dataclass(frozen=True)
class Section:
    """One entry of the contents: a heading's anchor, its title, its subsections."""

    anchor: str
    title: Markup
    subsections: tuple[Section, ...] = ()


def count_headings(tokens: list[dict]) -> int:
    """Count the headings in Python-Markdown's `toc_tokens`, at every level."""
    return sum(1 + count_headings(token["children"]) for token in tokens)


def heading_title(token: dict, typeset: Callable[[str], str]) -> Markup:
    """Return a heading's text as escaped HTML, typographic like the heading itself."""
    # Quotes stay characters: typogrify curls "'" but not "&#39;".
    text = html.escape(Markup(token["name"]).unescape(), quote=False)
    return Markup(typeset(text))


def sections(tokens: list[dict], typeset: Callable[[str], str]) -> tuple[Section, ...]:
    """Turn `toc_tokens` into sections, down to DEEPEST_LEVEL."""
    return tuple(
        Section(
            token["id"],
            heading_title(token, typeset),
            sections(token["children"], typeset),
        )
        for token in tokens
        if token["level"] <= DEEPEST_LEVEL
    )


def table_of_contents(
    tokens: list[dict], typeset: Callable[[str], str]
) -> tuple[Section, ...]:
    """Return the post's contents, or nothing when it has under MIN_HEADINGS.

    `typeset` is the reader's typography, so entries read like their headings.
    """
    if count_headings(tokens) < MIN_HEADINGS:
        return ()
    return sections(tokens, typeset)
