"""Every front matter key a post may carry: what it means here, and how it is read.

`FIELDS` is the one table: the blog's own keys, the spellings posts bring from
Jekyll, Hugo (PaperMod), Pelican and dev.to, the old addresses that get a
redirect page, and the keys refused because Pelican would act on them. `read`
turns a post's raw fields into the blog's meanings; any other key is warned
about (naming the nearest known one) and never reaches Pelican.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from . import front_matter as fm
from .errors import ContentError

OWN = "the blog's own"
SPELLING = "other generators' spellings"
OLD_ADDRESS = "old addresses"
REFUSED = "refused"
# Meanings several keys add to, instead of setting once.
ADDITIVE = ("tags", "old_addresses")
COVER_KEYS = {"image": "image", "alt": "image_alt"}
# PaperMod cover settings this theme has no use for: dropped without a word.
COVER_IGNORED = {"relative", "hidden", "hiddeninlist", "hiddeninsingle"}
STATUSES = {"draft": True, "published": False}


@dataclass
class Where:
    """The key being read, where it is, and the site it is read for."""

    key: str
    path: Path
    line: int | None
    settings: dict
    warnings: list[str] = field(default_factory=list)

    def error(self, problem: str, fix: str) -> ContentError:
        """Return a mistake at this key's line."""
        return ContentError(self.path, problem, fix, self.line)

    def warn(self, problem: str, fix: str) -> None:
        """Note a one-line warning at this key's line; the build goes on."""
        self.warnings.append(str(self.error(problem, fix)))


Reader = Callable[[object, Where], dict]


@dataclass(frozen=True)
class Key:
    """One accepted (or refused) key: its group, its meaning, how it is read."""

    group: str
    meaning: str
    read: Reader


def text(meaning: str) -> Reader:
    """Read plain text into `meaning`."""
    return lambda value, at: {meaning: fm.to_text(value, at.key, at.path, at.line)}


def date(meaning: str) -> Reader:
    """Read a date or a date and time into `meaning`."""
    return lambda value, at: {meaning: fm.to_datetime(value, at.key, at.path, at.line)}


def tags(value, at: Where) -> dict:
    """Read a list of tags (or one comma-separated line)."""
    return {"tags": fm.to_tags(value, at.path, at.line)}


def slug(value, at: Where) -> dict:
    """Read a URL slug."""
    return {"slug": fm.to_slug(value, at.path, at.line)}


def draft(value, at: Where) -> dict:
    """Read `draft: true`."""
    return {"draft": fm.to_flag(value, at.key, at.path, at.line)}


def published(value, at: Where) -> dict:
    """Read Jekyll's and dev.to's `published: false` as a draft."""
    return {"draft": not fm.to_flag(value, at.key, at.path, at.line)}


def status(value, at: Where) -> dict:
    """Read Pelican's `status: draft` or `status: published`."""
    if isinstance(value, str) and value.strip().lower() in STATUSES:
        return {"draft": STATUSES[value.strip().lower()]}
    written = (
        "has no value" if value is None else f"'{value}' is not one this blog knows"
    )
    raise at.error(
        f"status {written}",
        "write 'draft: true' for a draft, or remove the line to publish",
    )


def excerpt(value, at: Where) -> dict:
    """Read Jekyll's excerpt: the description, or the summary if one is given."""
    return {"excerpt": fm.to_text(value, at.key, at.path, at.line)}


def cover(value, at: Where) -> dict:
    """Read PaperMod's `cover: {image, alt}` (or a plain `cover: file.png`)."""
    if not isinstance(value, dict):
        return {"image": fm.to_text(value, at.key, at.path, at.line)}
    found = {}
    for written, inner in value.items():
        name = str(written).lower()
        if name in COVER_KEYS:
            key = f"{at.key}.{name}"
            found[COVER_KEYS[name]] = fm.to_text(inner, key, at.path, at.line)
        elif name not in COVER_IGNORED:
            at.warn(
                f"'cover: {name}:' is not used by this blog and is ignored",
                "remove it, or move its text into the post",
            )
    return found


def canonical(value, at: Where) -> dict:
    """Read the address of the original of a cross-posted guide."""
    address = fm.to_text(value, at.key, at.path, at.line)
    parts = urlsplit(address)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise at.error(
            f"canonical_url '{address}' is not a web address",
            "write the original's full address, like 'https://example.org/post/'",
        )
    return {"canonical": address}


def authors(value, at: Where) -> dict:
    """Read Pelican's `authors:` when it names one author, as this blog has."""
    names = fm.to_words(value, at.key, at.path, at.line)
    if len(names) > 1:
        raise at.error(
            f"authors names {len(names)} people; this blog shows one author a post",
            "write 'author: Name' with one name",
        )
    return {"author": names[0]} if names else {}


def lang(value, at: Where) -> dict:
    """Accept the site's own language; refuse any other (there are no translations)."""
    site = at.settings["DEFAULT_LANG"]
    if fm.to_text(value, at.key, at.path, at.line) == site:
        return {}
    raise at.error(
        f"lang '{value}' is not the site's language ({site}) and this site"
        " has no translations",
        f"remove the line (or write 'lang: {site}')",
    )


def old_address(value, at: Where) -> dict:
    """Keep an old address (or a list of them) for a redirect page."""
    addresses = fm.to_words(value, at.key, at.path, at.line)
    return {"old_addresses": [(address, at.key, at.line) for address in addresses]}


def refused(fix: str) -> Reader:
    """Refuse a key Pelican would act on, with the way to say it here."""

    def read(value, at: Where) -> dict:
        raise at.error(f"'{at.key}:' is not a key this blog accepts", fix)

    return read


FIELDS: dict[str, Key] = {
    "title": Key(OWN, "the title", text("title")),
    "date": Key(OWN, "the publication date", date("date")),
    "modified": Key(OWN, "the date of the last real change", date("modified")),
    "author": Key(OWN, "the author's name", text("author")),
    "image": Key(OWN, "the cover image file", text("image")),
    "image_alt": Key(OWN, "the cover's alt text", text("image_alt")),
    "description": Key(OWN, "the text search results show", text("description")),
    "summary": Key(OWN, "the summary lists show (Markdown)", text("summary")),
    "tags": Key(OWN, "the tags", tags),
    "slug": Key(OWN, "the URL slug", slug),
    "draft": Key(OWN, "true keeps the post out of the site", draft),
    "categories": Key(SPELLING, "tags (Jekyll, Hugo)", tags),
    "category": Key(SPELLING, "a tag (Pelican, Jekyll)", tags),
    "lastmod": Key(SPELLING, "modified (Hugo)", date("modified")),
    "updated": Key(SPELLING, "modified", date("modified")),
    "last_modified_at": Key(SPELLING, "modified (Jekyll)", date("modified")),
    "excerpt": Key(SPELLING, "description, or summary if one is given", excerpt),
    "published": Key(SPELLING, "false makes a draft (Jekyll, dev.to)", published),
    "status": Key(SPELLING, "draft or published (Pelican)", status),
    "cover": Key(SPELLING, "image and image_alt (PaperMod: image, alt)", cover),
    "cover_image": Key(SPELLING, "image (dev.to)", text("image")),
    "canonical_url": Key(
        SPELLING, "the original's address, for a cross-posted guide", canonical
    ),
    "authors": Key(SPELLING, "author, when it names one (Pelican)", authors),
    "lang": Key(SPELLING, "accepted when it is the site's language", lang),
    "aliases": Key(OLD_ADDRESS, "old addresses that redirect (Hugo)", old_address),
    "redirect_from": Key(OLD_ADDRESS, "old addresses (Jekyll)", old_address),
    "url": Key(OLD_ADDRESS, "the address on the old site (Hugo)", old_address),
    "permalink": Key(
        OLD_ADDRESS, "the address on the old site (Jekyll, :placeholders)", old_address
    ),
    "save_as": Key(
        REFUSED,
        "the output file",
        refused("remove it; the post is written at posts/<slug>/"),
    ),
    "template": Key(
        REFUSED,
        "the page template",
        refused("remove it; every post uses the theme's post layout"),
    ),
    "translation": Key(
        REFUSED, "a translation", refused("remove it; this site has no translations")
    ),
    "override_url": Key(
        REFUSED,
        "the post's URL",
        refused("remove it; to keep an old address working, write 'aliases:'"),
    ),
}


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


def read(matter: fm.FrontMatter, path: Path, settings: dict) -> Fields:
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


def settle(found: Fields, meanings: dict, key: str, matter: fm.FrontMatter) -> None:
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


def place_excerpt(found: Fields, matter: fm.FrontMatter) -> None:
    """Make the excerpt the description, else the summary, else a mistake."""
    if "excerpt" not in found.values:
        return
    excerpt_text = found.values.pop("excerpt")
    key = found.keys.pop("excerpt")
    meaning = "description" if "description" not in found.values else "summary"
    settle(found, {meaning: excerpt_text}, key, matter)
