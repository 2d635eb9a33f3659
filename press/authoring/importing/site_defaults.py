"""The front matter an old site's settings give the posts that do not set it.

Pelican's `DEFAULT_METADATA` and `AUTHOR`, Jekyll's `defaults:` scoped to
posts: a post the old site kept as a draft stays one here, and a post it
showed by another author keeps its author. Only what this blog reads of a
post is carried (draft, author, tags, cover); a post's own field wins, under
any of its spellings.
"""

from __future__ import annotations

import fnmatch
import json
from pathlib import Path

from .old_site import OldSite

# Each meaning carried, and the keys that spell it (a post setting any wins).
MEANINGS = (
    ("draft", "published", "status"),
    ("author", "authors"),
    ("tags", "category", "categories"),
    ("image", "cover", "cover_image"),
    ("image_alt",),
)
CARRIED = {key: spellings for spellings in MEANINGS for key in spellings}
# The Jekyll scope types that cover posts (none: every file).
POST_TYPES = ("posts", "drafts")


def pelican_defaults(settings: dict) -> dict:
    """Return Pelican's defaults: `DEFAULT_METADATA`, and `AUTHOR` as the author."""
    found = {}
    if isinstance(author := settings.get("AUTHOR"), str) and author.strip():
        found["author"] = author
    metadata = settings.get("DEFAULT_METADATA")
    # Older settings files write pairs: `(('status', 'draft'),)`.
    if isinstance(metadata, list | tuple):
        pairs = [item for item in metadata if isinstance(item, list | tuple)]
        metadata = dict(pair for pair in pairs if len(pair) == 2)
    if isinstance(metadata, dict):
        found |= {str(key).lower(): value for key, value in metadata.items()}
    return found


def in_scope(scope, where: str) -> bool:
    """Tell whether a Jekyll `defaults:` scope covers the post at `where`."""
    if not isinstance(scope, dict):
        return False
    kind = scope.get("type")
    if kind is not None and kind not in POST_TYPES:
        return False
    path = str(scope.get("path") or "").strip("/")
    if "*" in path:
        return fnmatch.fnmatch(where, f"{path}*")
    return not path or where == path or where.startswith(f"{path}/")


def jekyll_defaults(settings: dict, where: str) -> dict:
    """Return what Jekyll's `defaults:` give the post at `where` (later ones win)."""
    found: dict = {}
    rules = settings.get("defaults")
    for rule in rules if isinstance(rules, list) else []:
        if isinstance(rule, dict) and in_scope(rule.get("scope"), where):
            values = rule.get("values")
            if isinstance(values, dict):
                found |= {str(key).lower(): value for key, value in values.items()}
    return found


def defaults_for(site: OldSite, file: Path) -> dict:
    """Return the fields the old site's settings give the post in `file`."""
    if site.generator == "pelican":
        return pelican_defaults(site.settings)
    if site.generator == "jekyll" and file.is_relative_to(site.root):
        return jekyll_defaults(site.settings, file.relative_to(site.root).as_posix())
    return {}


def default_lines(defaults: dict, fields: dict, settings: dict) -> list[str]:
    """Return a line for each carried default the post does not set itself.

    The author this blog (its `settings`) gives every post goes without saying.
    """
    written = {str(key).lower() for key in fields}
    if defaults.get("author") == settings.get("AUTHOR"):
        written.add("author")
    lines = []
    for key, value in defaults.items():
        if key in CARRIED and written.isdisjoint(CARRIED[key]) and value is not None:
            lines.append(f"{key}: {json.dumps(value, ensure_ascii=False, default=str)}")
            written.add(key)
    return lines
