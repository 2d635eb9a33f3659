"""The importer's closed doors: no link out of the old site, no name too long.

A symbolic link in the old site (a post, a bundle file, a picture) that leads
out of it is never followed: its target would become an ordinary file of this
blog, which the build's own symlink guard can no longer see.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from pelican.utils import slugify

# Well under the 255 bytes a file name may have, so `-2` and such still fit.
LONGEST_SLUG = 200
FALLBACK_SLUG = "post"
NOT_IN_SLUG = re.compile(r"[^a-z0-9]+")


def leads_out(file: Path, top: Path) -> bool:
    """Tell whether `file` is (or passes through) a link whose target is outside."""
    try:
        return not file.resolve().is_relative_to(top.resolve())
    except (OSError, RuntimeError):  # a loop of links
        return True


def where_it_leads(file: Path) -> str:
    """Return a link's target as written, for the one-line refusal."""
    try:
        return os.readlink(file) if file.is_symlink() else str(file.resolve())
    except OSError as error:
        return error.strerror or "unreadable"


def cut(slug: str, longest: int = LONGEST_SLUG) -> str:
    """Cut a slug to `longest` bytes of UTF-8, on a character and word boundary."""
    data = slug.encode("utf-8")
    if len(data) <= longest:
        return slug
    return data[:longest].decode("utf-8", errors="ignore").rstrip("-")


def safe_slug(candidates: list[str], settings: dict) -> str:
    """Return the first candidate that slugifies to something, cut to fit."""
    subs = settings.get("SLUG_REGEX_SUBSTITUTIONS", [])
    for candidate in candidates:
        # Pelican keeps `_` in a slug; an address of this blog takes `-` there.
        slugged = NOT_IN_SLUG.sub("-", slugify(candidate or "", regex_subs=subs))
        if slug := cut(slugged.strip("-")):
            return slug
    return FALLBACK_SLUG


def slug_written(value: object) -> str:
    """Return a post's own slug; of one written as a path, its last part.

    Hugo takes `slug = "2015/12/14/name"`; slugify would glue the parts
    ("20151214name"), where the post is named by the last one.
    """
    return value.strip().strip("/").rsplit("/", 1)[-1] if isinstance(value, str) else ""


def taken(folder: Path) -> bool:
    """Tell whether anything, a dangling link included, already has this name."""
    return os.path.lexists(folder)
