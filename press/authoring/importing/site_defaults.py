"""The front matter an old site's settings give the posts that do not set it.

Pelican's `DEFAULT_METADATA` and `AUTHOR`, Jekyll's `defaults:` (read as
Jekyll 4's FrontmatterDefaults reads them): a post the old site kept as a
draft stays one here, and a post it showed by another author keeps its author.
Only what this blog reads of a post is written (draft, author, tags, cover,
old address). A post's own field wins: for the draft flag, the author and the
cover, under any of their spellings; tags add up, so each tag key stands alone.
"""

from __future__ import annotations

import functools
from pathlib import Path

import yaml

from .old_site import OldSite

# The keys written, each with the keys that set the same thing.
SAME_MEANING = (
    ("draft", "published", "status"),
    ("author", "authors"),
    ("image", "cover", "cover_image"),
    ("image_alt",),
    ("tags",),
    ("category",),
    ("categories",),
    ("permalink",),  # Jekyll's old address, placeholders filled by the build
)
CARRIED = {key: spellings for spellings in SAME_MEANING for key in spellings}
# Jekyll's old singular scope types, read as the plural ones.
JEKYLL_TYPES = {"post": "posts", "page": "pages", "draft": "drafts"}


def pelican_defaults(settings: dict) -> dict:
    """Return Pelican's defaults: `AUTHOR` as the author, then `DEFAULT_METADATA`."""
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


def scope_path(scope: dict) -> str:
    """Return a scope's path as Jekyll compares it ('' when it has none)."""
    path = scope.get("path")
    return path.strip("/") if isinstance(path, str) else ""


def in_scope(scope: dict, where: str, kind: str, root: Path) -> bool:
    """Tell whether a scope covers the post at `where` (from the site's root)."""
    if "type" in scope and JEKYLL_TYPES.get(scope["type"], scope["type"]) != kind:
        return False
    path = scope_path(scope)
    if "*" not in path:
        return where.startswith(path)  # Jekyll 4 compares the text, not folders
    return any(where.startswith(match) for match in globbed(root, path))


@functools.cache
def globbed(root: Path, pattern: str) -> tuple[str, ...]:
    """Return what a scope's glob names under the site's root (none if malformed)."""
    try:
        return tuple(match.relative_to(root).as_posix() for match in root.glob(pattern))
    except ValueError:  # a pattern Python's glob refuses, like `a**`
        return ()


def precedes(old: dict | None, new: dict) -> bool:
    """Tell whether a scope's values win over those of `old` (Jekyll's rule)."""
    if old is None:
        return True
    if len(scope_path(new)) != len(scope_path(old)):
        return len(scope_path(new)) > len(scope_path(old))
    return "type" in new or "type" not in old


def merged(low: dict, high: dict) -> dict:
    """Merge two value sets, `high` winning, nested mappings merged as Jekyll does."""
    result = dict(low)
    for key, value in high.items():
        both = isinstance(value, dict) and isinstance(result.get(key), dict)
        result[key] = merged(result[key], value) if both else value
    return result


def jekyll_defaults(settings: dict, where: str, root: Path) -> dict:
    """Return what Jekyll's `defaults:` give the post at `where`."""
    kind = "drafts" if where.startswith("_drafts/") else "posts"
    found: dict = {}
    winner = None
    rules = settings.get("defaults")
    for rule in rules if isinstance(rules, list) else []:
        if not (isinstance(rule, dict) and isinstance(rule.get("values"), dict)):
            continue  # Jekyll skips a rule without values
        scope = rule.get("scope") if isinstance(rule.get("scope"), dict) else {}
        if not in_scope(scope, where, kind, root):
            continue
        values = {str(key).lower(): value for key, value in rule["values"].items()}
        if precedes(winner, scope):
            found, winner = merged(found, values), scope
        else:
            found = merged(values, found)
    return found


def defaults_for(site: OldSite, file: Path) -> dict:
    """Return the fields the old site's settings give the post in `file`."""
    if site.generator == "pelican":
        return pelican_defaults(site.settings)
    if site.generator == "jekyll" and file.is_relative_to(site.root):
        where = file.relative_to(site.root).as_posix()
        return jekyll_defaults(site.settings, where, site.root)
    return {}


def written_value(key: str, value):
    """Return a default as this blog reads it: an author mapping gives its name."""
    if key == "author" and isinstance(value, dict) and "name" in value:
        return value["name"]
    return value


def carried(defaults: dict, fields: dict, settings: dict) -> dict:
    """Return the defaults to write: those this blog reads, the post not setting them.

    The author this blog (its `settings`) gives every post goes without saying.
    """
    written = {str(key).lower() for key in fields}
    if written_value("author", defaults.get("author")) == settings.get("AUTHOR"):
        written.add("author")
    found = {}
    for key, value in defaults.items():
        if key in CARRIED and written.isdisjoint(CARRIED[key]) and value is not None:
            found[key] = written_value(key, value)
            written.add(key)
    return found


def lines(fields: dict) -> list[str]:
    """Return front matter lines (YAML, as PyYAML writes it) holding `fields`."""
    return [
        yaml.safe_dump({key: value}, allow_unicode=True, width=10**6).rstrip("\n")
        for key, value in fields.items()
    ]
