"""Every front matter key a post may carry: what it means here, and how it is read.

`FIELDS` is the one table: the blog's own keys, the spellings posts bring from
Jekyll, Hugo (PaperMod), Pelican and dev.to, the old addresses that get a
redirect page, and the keys refused because Pelican would act on them. `read`
turns a post's raw fields into the blog's meanings; any other key is warned
about (naming the nearest known one) and never reaches Pelican.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from socratic_blog.errors import ContentError

from .fields import (
    Reader,
    Where,
    author,
    authors,
    canonical,
    categories,
    cover,
    date,
    draft,
    excerpt,
    lang,
    old_address,
    published,
    refused,
    slug,
    status,
    tags,
    text,
    translation_of,
)

if TYPE_CHECKING:  # front_matter reads TEXT_KEYS from here
    from .parse import FrontMatter

OWN = "the blog's own"
SPELLING = "other generators' spellings"
OLD_ADDRESS = "old addresses"
REFUSED = "refused"
# Meanings several keys add to, instead of setting once.
ADDITIVE = ("tags", "old_addresses")


@dataclass(frozen=True)
class Key:
    """One accepted (or refused) key: its group, its meaning, how it is read."""

    group: str
    meaning: str
    read: Reader
    # True when YAML's own types count (dates, true/false); else read as typed.
    typed: bool = False


FIELDS: dict[str, Key] = {
    "title": Key(OWN, "the title", text("title")),
    "date": Key(OWN, "the publication date", date("date"), typed=True),
    "modified": Key(
        OWN, "the date of the last real change", date("modified"), typed=True
    ),
    "author": Key(OWN, "the author's name", author),
    "image": Key(
        OWN, "the cover: a file beside the post, or /path from content/", text("image")
    ),
    "image_alt": Key(
        OWN, "the cover's alt text (default: the title)", text("image_alt")
    ),
    "description": Key(
        OWN, "what search results and link previews show", text("description")
    ),
    "summary": Key(OWN, "what the lists show (Markdown)", text("summary")),
    "tags": Key(OWN, "the tags: a list, or one comma-separated line", tags),
    "slug": Key(OWN, "the URL slug (default: the folder's name)", slug),
    "draft": Key(
        OWN, "true makes a draft, written only by the preview", draft, typed=True
    ),
    "lang": Key(
        OWN,
        "the language, one of LANGUAGES (default: DEFAULT_LANG, or the file's)",
        lang,
    ),
    "translation_of": Key(
        OWN, "the slug of the post this one translates", translation_of
    ),
    "categories": Key(SPELLING, "tags (Jekyll, Hugo)", categories),
    "category": Key(SPELLING, "a tag (Pelican, Jekyll)", tags),
    "lastmod": Key(SPELLING, "modified (Hugo)", date("modified"), typed=True),
    "updated": Key(SPELLING, "modified", date("modified"), typed=True),
    "last_modified_at": Key(
        SPELLING, "modified (Jekyll)", date("modified"), typed=True
    ),
    "excerpt": Key(
        SPELLING, "description; summary when description is set (Jekyll)", excerpt
    ),
    "published": Key(
        SPELLING, "false makes a draft (Jekyll, dev.to)", published, typed=True
    ),
    "status": Key(SPELLING, "draft or published; nothing else (Pelican)", status),
    "cover": Key(SPELLING, "image and image_alt (PaperMod: image, alt)", cover),
    "cover_image": Key(SPELLING, "image (dev.to)", text("image")),
    "canonical_url": Key(
        SPELLING, "the original's address, for a cross-posted guide", canonical
    ),
    "authors": Key(
        SPELLING, "the authors: a list, or names split at commas (Pelican)", authors
    ),
    "aliases": Key(OLD_ADDRESS, "old addresses, redirected (Hugo)", old_address),
    "redirect_from": Key(
        OLD_ADDRESS, "old addresses, redirected (Jekyll)", old_address
    ),
    "url": Key(OLD_ADDRESS, "the old address, redirected (Hugo)", old_address),
    "permalink": Key(
        OLD_ADDRESS,
        "the old address, redirected; :placeholders filled (Jekyll)",
        old_address,
    ),
    "save_as": Key(
        REFUSED,
        "Pelican's output file",
        refused("remove it; the post is written at posts/<slug>/"),
    ),
    "template": Key(
        REFUSED,
        "Pelican's template",
        refused("remove it; every post uses the theme's post layout"),
    ),
    "translation": Key(
        REFUSED,
        "Pelican's translation link",
        refused("write 'translation_of: <slug>' naming the post it translates"),
    ),
    "override_url": Key(
        REFUSED,
        "Pelican's URL override",
        refused("remove it; to keep an old address working, write 'aliases:'"),
    ),
}

# Keys whose values are the words the author typed: `title: No` is "No".
TEXT_KEYS = frozenset(key for key, spec in FIELDS.items() if not spec.typed)


def nearest_key(key: str) -> str:
    """Return the known key closest in spelling to `key`."""
    return difflib.get_close_matches(key, FIELDS, n=1, cutoff=0)[0]


@dataclass
class Fields:
    """A post's front matter in the blog's meanings, with lines and findings."""

    path: Path
    values: dict = field(default_factory=dict)
    keys: dict[str, str] = field(default_factory=dict)
    errors: list[ContentError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def read_fields(matter: FrontMatter, path: Path, settings: dict) -> Fields:
    """Read every field into its meaning; collect every mistake and warning."""
    found = Fields(path, errors=list(matter.problems))
    for key, value in matter.fields.items():
        at = Where(key, path, matter.line_of(key), settings)
        spec = FIELDS.get(key)
        if spec is None:
            at.warn(
                f"unknown front matter key '{key}' (nearest known key:"
                f" '{nearest_key(key)}')",
                "it is ignored; rename it or remove it",
            )
        else:
            try:
                meanings = spec.read(value, at)
            except ContentError as error:
                found.errors.append(error)
                meanings = {}
            settle(found, meanings, key, matter)
        found.warnings.extend(at.warnings)
    place_excerpt(found, matter)
    return found


def settle(found: Fields, meanings: dict, key: str, matter: FrontMatter) -> None:
    """Record what one key set, refusing a meaning two keys both set."""
    for meaning, value in meanings.items():
        if meaning in ADDITIVE:
            found.values.setdefault(meaning, []).extend(value)
        elif meaning in found.values:
            other = found.keys[meaning]
            found.errors.append(
                ContentError(
                    found.path,
                    f"'{key}' (line {matter.line_of(key)}) and '{other}'"
                    f" (line {matter.line_of(other)}) both set the {meaning}",
                    "keep one of them",
                    matter.line_of(key),
                )
            )
            continue
        else:
            found.values[meaning] = value
        found.keys.setdefault(meaning, key)


def place_excerpt(found: Fields, matter: FrontMatter) -> None:
    """Make the excerpt the description, else the summary, else a mistake."""
    if "excerpt" not in found.values:
        return
    excerpt_text = found.values.pop("excerpt")
    key = found.keys.pop("excerpt")
    meaning = "description" if "description" not in found.values else "summary"
    settle(found, {meaning: excerpt_text}, key, matter)
