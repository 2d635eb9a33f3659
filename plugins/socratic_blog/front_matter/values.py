"""Turn one front matter value into what a field needs: text, words, a date."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import dateutil.parser

from socratic_blog.errors import ContentError

SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DATE_FIX = "write it as YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS+01:00"
YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")
# The zone names Ruby's Time.parse knows (Jekyll dates), as UTC offsets in hours.
ZONE_NAMES = {
    name: hours * 3600
    for name, hours in {
        "UTC": 0,
        "UT": 0,
        "GMT": 0,
        "Z": 0,
        "EST": -5,
        "EDT": -4,
        "CST": -6,
        "CDT": -5,
        "MST": -7,
        "MDT": -6,
        "PST": -8,
        "PDT": -7,
    }.items()
}


def to_datetime(value, key: str, path: Path, line: int | None) -> datetime.datetime:
    """Turn a YAML date, an ISO 8601 string or another generator's date form.

    Jekyll (Ruby's Time.parse), Hugo and Pelican accept more than ISO 8601:
    `October 21, 2021`, `2016-03-22 14:00 EDT`, `Mon, 02 Jan 2006 15:04:05
    -0700`. Those are read as they do, with dateutil (which Pelican itself
    uses); a text without a four-digit year is not guessed at.
    """
    if isinstance(value, datetime.datetime):
        return value
    if isinstance(value, datetime.date):
        return datetime.datetime(value.year, value.month, value.day)
    written = str(value).strip()
    try:
        return datetime.datetime.fromisoformat(written)
    except ValueError:
        pass
    if YEAR.search(written):
        try:
            return dateutil.parser.parse(written, tzinfos=ZONE_NAMES)
        except (ValueError, OverflowError):
            pass
    raise ContentError(path, f"{key} '{value}' is not a date", DATE_FIX, line)


def to_tags(value, path: Path, line: int | None) -> list[str]:
    """Accept a YAML list of tags or one comma-separated string."""
    if value is None:
        return []
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, list) or any(isinstance(t, dict | list) for t in value):
        raise ContentError(
            path,
            "tags must be a list of words",
            "write 'tags:' then one '  - tag' line per tag",
            line,
        )
    return [str(tag).strip() for tag in value if str(tag).strip()]


def to_text(value, key: str, path: Path, line: int | None) -> str:
    """Accept a scalar field as stripped text."""
    if isinstance(value, dict | list):
        raise ContentError(
            path,
            f"{key} must be plain text, not a list or mapping",
            f"write '{key}: \"...\"' on one line",
            line,
        )
    return "" if value is None else str(value).strip()


def to_slug(value, path: Path, line: int | None) -> str:
    """Accept a slug made of lowercase letters, digits and single hyphens."""
    slug = to_text(value, "slug", path, line)
    if not SLUG_PATTERN.match(slug):
        raise ContentError(
            path,
            f"slug '{slug}' is not a URL slug",
            "use lowercase letters, digits and hyphens, like 'job-offer-tips'",
            line,
        )
    return slug


def to_flag(value, key: str, path: Path, line: int | None) -> bool:
    """Accept a YAML boolean."""
    if not isinstance(value, bool):
        raise ContentError(
            path, f"{key} must be true or false", f"write '{key}: true'", line
        )
    return value


def to_words(value, key: str, path: Path, line: int | None) -> list[str]:
    """Accept one word or a YAML list of words (author names, addresses)."""
    if value is None:
        return []
    if not isinstance(value, list):
        value = [value]
    if any(isinstance(item, dict | list) for item in value):
        raise ContentError(
            path,
            f"{key} must be one value or a list of values",
            f"write '{key}:' then one '  - value' line per value",
            line,
        )
    return [str(item).strip() for item in value if str(item).strip()]
