"""A post's table of contents: its section headings, when it has enough of them."""

from __future__ import annotations

import html
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


def heading_title(token: dict, settings: dict) -> Markup:
    """Return a heading's text as escaped HTML, typographic like the heading itself."""
    # Quotes stay characters: typogrify curls "'" but not "&#39;".
    text = html.escape(Markup(token["name"]).unescape(), quote=False)
    if not settings.get("TYPOGRIFY"):
        return Markup(text)
    from typogrify.filters import typogrify  # noqa: PLC0415 - optional, as in Pelican

    omitted = dict.fromkeys(settings.get("TYPOGRIFY_OMIT_FILTERS", []), False)
    ignored = settings.get("TYPOGRIFY_IGNORE_TAGS", [])
    return Markup(typogrify(text, ignored, **omitted))


def sections(tokens: list[dict], settings: dict) -> tuple[Section, ...]:
    """Turn `toc_tokens` into sections, down to DEEPEST_LEVEL."""
    return tuple(
        Section(
            token["id"],
            heading_title(token, settings),
            sections(token["children"], settings),
        )
        for token in tokens
        if token["level"] <= DEEPEST_LEVEL
    )


def table_of_contents(tokens: list[dict], settings: dict) -> tuple[Section, ...]:
    """Return the post's contents, or nothing when it has under MIN_HEADINGS."""
    if count_headings(tokens) < MIN_HEADINGS:
        return ()
    return sections(tokens, settings)
