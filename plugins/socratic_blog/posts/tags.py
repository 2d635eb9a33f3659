"""Tags from front matter: plain-text names with a URL slug made from the text.

A slug keeps the "+" and "#" that name a language ("C", "C++" and "C#" get
three pages). Names that still share a slug, like "Design" (a category) and
"design" (a tag), are one tag, as Hugo makes them: shown everywhere in the
spelling most posts use (the first in file order on a tie), with one warning
that lists the spellings.
"""

from __future__ import annotations

import copy
import html
from collections import Counter
from pathlib import Path

from pelican.urlwrappers import Tag
from pelican.utils import slugify

from socratic_blog.build_log import every_build_logger
from socratic_blog.errors import ContentError

# Applied before the settings' substitutions, which drop punctuation.
log = every_build_logger(__name__)
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


def spelled(tag: Tag, chosen: dict[str, str]) -> Tag:
    """Return the tag in the chosen spelling, as a copy.

    The cached post keeps the spelling its own file gives: another build may
    choose another.
    """
    name = chosen.get(tag.slug, tag.name)
    if name == tag.name:
        return tag
    renamed = copy.copy(tag)
    renamed.name = name
    return renamed


def merge_tag_spellings(generator) -> None:
    """Give every tag that shares a slug the spelling most posts use; warn once."""
    contents = sorted(
        [*generator.articles, *generator.drafts, *generator.hidden_articles],
        key=lambda content: content.source_path,
    )
    spellings: dict[str, Counter] = {}
    for content in contents:
        for tag in getattr(content, "tags", ()):
            spellings.setdefault(tag.slug, Counter())[tag.name] += 1
    chosen = {
        slug: counts.most_common(1)[0][0]
        for slug, counts in spellings.items()
        if len(counts) > 1
    }
    for content in contents:
        if any(tag.slug in chosen for tag in getattr(content, "tags", ())):
            content.tags = [spelled(tag, chosen) for tag in content.tags]
    for slug, name in chosen.items():
        written = ", ".join(
            f"'{spelling}' ({count} post{'s' * (count != 1)})"
            for spelling, count in spellings[slug].most_common()
        )
        log.warning(
            "the tags %s share the page /tags/%s/ and are shown as '%s';"
            " spell them one way to silence this",
            written,
            slug,
            name,
        )
