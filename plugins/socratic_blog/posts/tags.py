"""Tags from front matter: plain-text names with a URL slug made from the text.

A slug keeps the "+" and "#" that name a language ("C", "C++" and "C#" get
three pages); names that still share a slug, like "CV" and "cv", stop the
build rather than merge into one page under whichever spelling came first.
"""

from __future__ import annotations

import html
from pathlib import Path

from pelican.urlwrappers import Tag
from pelican.utils import slugify

from socratic_blog.errors import ContentError, display_path

# Applied before the settings' substitutions, which drop punctuation.
SPELLED_OUT = [(r"(?<=[\w+])\+", "-plus"), (r"(?<=\w)#", "-sharp")]


def make_tag(name: str, settings: dict, path: Path, line: int | None) -> Tag:
    """Return a Tag whose slug comes from its text, never from markup in it."""
    tag = Tag(name, settings)
    substitutions = SPELLED_OUT + (
        settings.get("TAG_REGEX_SUBSTITUTIONS")
        or settings.get("SLUG_REGEX_SUBSTITUTIONS", [])
    )
    # Pelican's slugify strips HTML tags first; escaping keeps '<b>' as text.
    slug = slugify(
        html.escape(name),
        regex_subs=substitutions,
        preserve_case=settings.get("SLUGIFY_PRESERVE_CASE", False),
        use_unicode=settings.get("SLUGIFY_USE_UNICODE", False),
    )
    if not slug:
        raise ContentError(
            path,
            f"tag '{name}' has no letters or digits to build its URL from",
            "rename the tag",
            line,
        )
    tag.slug = slug
    return tag


def claim_tag_names(tags: list[Tag], source: str, names: dict) -> None:
    """Record each tag's spelling per slug; stop at a second spelling of one slug.

    `names` maps a slug to the first (name, file) seen with it in this build.
    """
    for tag in tags:
        first_name, first_source = names.setdefault(tag.slug, (tag.name, source))
        if first_name != tag.name:
            raise ContentError(
                source,
                f"tag '{tag.name}' would share the page /{tag.url} with tag "
                f"'{first_name}' of {display_path(first_source)}",
                "spell the tag the same way in both posts",
            )
