"""Turn one front matter value into what a field needs: text, words, a date."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

from socratic_blog.errors import ContentError

SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DATE_FIX = "write it as YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS+01:00"


def to_datetime(value, key: str, path: Path, line: int | None) -> datetime.datetime:
    """Turn a YAML date, datetime or ISO 8601 string into a datetime."""
    if isinstance(value, datetime.datetime):
        return value
    if isinstance(value, datetime.date):
        return datetime.datetime(value.year, value.month, value.day)
    try:
        return datetime.datetime.fromisoformat(str(value).strip())
    except ValueError:
        raise ContentError(
            path, f"{key} '{value}' is not a date", DATE_FIX, line
        ) from None


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
