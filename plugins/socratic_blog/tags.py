"""Tags from front matter: plain-text names with a URL slug made from the text."""

from __future__ import annotations

import html
from pathlib import Path

from pelican.urlwrappers import Tag
from pelican.utils import slugify

from .errors import ContentError


def make_tag(name: str, settings: dict, path: Path, line: int | None) -> Tag:
    """Return a Tag whose slug comes from its text, never from markup in it."""
    tag = Tag(name, settings)
    substitutions = settings.get("TAG_REGEX_SUBSTITUTIONS") or settings.get(
        "SLUG_REGEX_SUBSTITUTIONS", []
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
