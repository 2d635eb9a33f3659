"""A post's dates: `date` required for posts, `modified` on or after it."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

from pelican.utils import SafeDatetime

from socratic_blog.errors import ContentError
from socratic_blog.front_matter.parse import FrontMatter
from socratic_blog.front_matter.schema import Fields


def post_dates(
    found: Fields, matter: FrontMatter, path: Path, required: bool, zone: ZoneInfo
) -> tuple[dict, list[ContentError]]:
    """Check `date` (required for posts) and `modified` (on or after it)."""
    values, keys, errors = found.values, found.keys, []
    dates = {
        meaning: SafeDatetime.fromisoformat(values[meaning].isoformat())
        for meaning in ("date", "modified")
        if meaning in values
    }
    written = "date" in matter.lines
    if not written and required:
        errors.append(
            ContentError(
                path, "the front matter has no date", "add 'date: YYYY-MM-DD'", 1
            )
        )
    if "modified" in dates and "date" in dates and earlier(**dates, zone=zone):
        modified, date = keys["modified"], keys["date"]
        errors.append(
            ContentError(
                path,
                f"{modified} (line {matter.line_of(modified)}) is earlier than"
                f" {date} (line {matter.line_of(date)})",
                f"set '{modified}:' to the day of the last change, on or after"
                f" '{date}:'",
                matter.line_of(modified),
            )
        )
    return dates, errors


def earlier(date, modified, zone: ZoneInfo) -> bool:
    """Tell whether `modified` comes before `date` (naive ones in TIMEZONE)."""
    date, modified = (
        d if d.tzinfo else d.replace(tzinfo=zone) for d in (date, modified)
    )
    return modified < date
