"""The languages a site declares (LANGUAGES), read once with their defaults.

The default language (DEFAULT_LANG) keeps the site's addresses; every other
one lives under /<lang>/. A site that sets no LANGUAGES has one language,
DEFAULT_LANG, and builds as it did before languages existed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from socratic_blog.errors import ContentError

# English prose is read at about 230 words a minute, the rate this blog used.
DEFAULT_WORDS_PER_MINUTE = 230
# `index.fr.md` beside `index.md`: a translation in the same folder (Hugo's way).
# The languages made from each LANGUAGES dict seen, with the dict itself (so
# its id cannot be reused by another while it is remembered).
KNOWN: dict[tuple[str, int], tuple[dict, dict]] = {}
TRANSLATION_FILE = re.compile(r"^index\.([a-z]{2,3}(?:-[a-z0-9]+)?)\.(?:md|markdown)$")


@dataclass(frozen=True)
class Language:
    """One language of the site: its code, its own name, locale and reading pace."""

    code: str
    name: str
    locale: str
    words_per_minute: int
    subtitle: str | None
    prefix: str


def declared(settings) -> dict[str, Language]:
    """Return the site's languages by code, the default one first.

    Every page asks several times; the answer is made once per LANGUAGES value.
    """
    default = settings["DEFAULT_LANG"]
    written = settings.get("LANGUAGES") or {default: {}}
    key = (default, id(written))
    made = KNOWN.get(key)
    if made is None or made[0] is not written:
        codes = [default, *(code for code in written if code != default)]
        languages = {
            code: language(code, written.get(code, {}), default) for code in codes
        }
        made = KNOWN[key] = (written, languages)
    return made[1]


def language(code: str, fields: dict, default: str) -> Language:
    """Make one Language from its LANGUAGES entry."""
    return Language(
        code=code,
        name=fields.get("name", code),
        locale=fields.get("locale", code),
        words_per_minute=fields.get("words_per_minute", DEFAULT_WORDS_PER_MINUTE),
        subtitle=fields.get("subtitle"),
        prefix="" if code == default else f"{code}/",
    )


def file_language(path: Path) -> str | None:
    """Return the language a file's name gives (`index.fr.md` → fr), or None."""
    match = TRANSLATION_FILE.match(path.name)
    return match.group(1) if match else None


def in_language(path: str, code: str, settings: dict) -> str:
    """Return a site path (a list's URL, a feed) in the folder of language `code`."""
    return f"{declared(settings)[code].prefix}{path}"


def post_language(
    values: dict, line: dict, path: Path, settings: dict, errors: list[ContentError]
) -> dict:
    """Take the language from the front matter or the file's name; check both."""
    named, written = file_language(path), values.get("lang")
    codes = declared(settings)
    if named and named not in codes:
        errors.append(
            ContentError(
                path,
                f"the file name says language '{named}', which is not one of"
                f" this site's languages ({', '.join(codes)})",
                f"rename the file, or add '{named}' to LANGUAGES in pelicanconf.py",
                1,
            )
        )
    elif named and written and named != written:
        errors.append(
            ContentError(
                path,
                f"lang '{written}' contradicts the file name, which says '{named}'",
                "remove the 'lang:' line, or rename the file",
                line.get("lang"),
            )
        )
    found = {"lang": written or named} if written or named else {}
    if slug := values.get("translation_of"):
        found.update(translation_of=slug, translation_of_line=line["translation_of"])
    return found
