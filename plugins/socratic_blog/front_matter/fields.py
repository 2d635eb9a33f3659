"""How each front matter key is read: checked, and turned into the blog's meaning.

Each reader takes the value as YAML gave it and a `Where` (the key, its line,
the site's settings) and returns the meanings it sets, like `{"draft": True}`,
or raises a ContentError naming the line and the fix.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from socratic_blog.errors import ContentError
from socratic_blog.languages.declared import declared as languages

from . import values as fv

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


def text(meaning: str) -> Reader:
    """Read plain text into `meaning`."""
    return lambda value, at: {meaning: fv.to_text(value, at.key, at.path, at.line)}


def date(meaning: str) -> Reader:
    """Read a date or a date and time into `meaning`."""
    return lambda value, at: {meaning: fv.to_datetime(value, at.key, at.path, at.line)}


def tags(value, at: Where) -> dict:
    """Read a list of tags (or one comma-separated line)."""
    return {"tags": fv.to_tags(value, at.path, at.line)}


def categories(value, at: Where) -> dict:
    """Read Jekyll's `categories`: one line is split at spaces, as Jekyll does."""
    words = value.split() if isinstance(value, str) else value
    return {"tags": fv.to_tags(words, at.path, at.line)}


def slug(value, at: Where) -> dict:
    """Read a URL slug."""
    return {"slug": fv.to_slug(value, at.path, at.line)}


def draft(value, at: Where) -> dict:
    """Read `draft: true`."""
    return {"draft": fv.to_flag(value, at.key, at.path, at.line)}


def published(value, at: Where) -> dict:
    """Read Jekyll's and dev.to's `published: false` as a draft."""
    return {"draft": not fv.to_flag(value, at.key, at.path, at.line)}


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
    return {"excerpt": fv.to_text(value, at.key, at.path, at.line)}


def cover(value, at: Where) -> dict:
    """Read PaperMod's `cover: {image, alt}` (or a plain `cover: file.png`)."""
    if not isinstance(value, dict):
        return {"image": fv.to_text(value, at.key, at.path, at.line)}
    found = {}
    for written, inner in value.items():
        name = str(written).lower()
        if name in COVER_KEYS:
            key = f"{at.key}.{name}"
            found[COVER_KEYS[name]] = fv.to_text(inner, key, at.path, at.line)
        elif name not in COVER_IGNORED:
            at.warn(
                f"'cover: {name}:' is not used by this blog and is ignored",
                "remove it, or move its text into the post",
            )
    return found


def canonical(value, at: Where) -> dict:
    """Read the address of the original of a cross-posted guide."""
    address = fv.to_text(value, at.key, at.path, at.line)
    parts = urlsplit(address)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise at.error(
            f"canonical_url '{address}' is not a web address",
            "write the original's full address, like 'https://example.org/post/'",
        )
    return {"canonical": address}


def author(value, at: Where) -> dict:
    """Read the author's name (a YAML list, as Jekyll themes allow, names several)."""
    if isinstance(value, list):
        return authors(value, at)
    return {"author": fv.to_text(value, at.key, at.path, at.line)}


def authors(value, at: Where) -> dict:
    """Read Pelican's `authors:`: a list, or one line of names split at commas."""
    if isinstance(value, str):
        value = value.split(",")
    names = list(dict.fromkeys(fv.to_words(value, at.key, at.path, at.line)))
    if len(names) == 1:
        return {"author": names[0]}
    return {"author": names} if names else {}


def lang(value, at: Where) -> dict:
    """Read the post's language: one of the languages the site declares."""
    code = fv.to_text(value, at.key, at.path, at.line)
    codes = ", ".join(languages(at.settings))
    if code in languages(at.settings):
        return {"lang": code}
    raise at.error(
        f"lang '{code}' is not one of this site's languages ({codes})",
        f"write one of them, or add '{code}' to LANGUAGES in pelicanconf.py",
    )


def translation_of(value, at: Where) -> dict:
    """Read the slug of the post this one translates."""
    return {"translation_of": fv.to_slug(value, at.path, at.line)}


def old_address(value, at: Where) -> dict:
    """Keep an old address (or a list of them) for a redirect page."""
    addresses = fv.to_words(value, at.key, at.path, at.line)
    return {"old_addresses": [(address, at.key, at.line) for address in addresses]}


def refused(fix: str) -> Reader:
    """Refuse a key Pelican would act on, with the way to say it here."""

    def read(value, at: Where) -> dict:
        raise at.error(f"'{at.key}:' is not a key this blog accepts", fix)

    return read
