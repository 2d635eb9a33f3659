"""Output reuse: what one build shares with the live output, by hard links.

A page, feed or static file whose render key equals the one the record holds
for output/'s copy, or whose fresh bytes equal that copy's, is not written:
output/'s file is shared, hard-linked into the staging folder, so it keeps
its inode and modification time.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Protocol

from socratic_blog.api import folder_digest, share

from .fingerprints import RememberedFields
from .output_record import WrittenRecord


class FirstPages(Protocol):
    """The pages a build does first, alone, and who is told once they are placed."""

    def wanted(self, own: dict) -> bool:
        """Tell whether the page with these own variables comes first."""

    def placed(self, names: list[str]) -> None:
        """Hear that these pages are in staging, the build so far without error."""


class OutputReuse:
    """What one build shares between its writer and its static files."""

    def __init__(self, output: Path, record: WrittenRecord, base: str):
        """Know the live output, what wrote it, and this build's base key."""
        self.output = output
        self.record = record
        self.base = base
        self.keys: dict[str, str] = {}
        self.rendered = 0
        self.reused = 0
        # What the site model remembers of posts' fields between its builds.
        self.remembered: RememberedFields | None = None
        # The site model's pages kept as output/ has them, not linked (None:
        # a build links every page it keeps into its staging folder).
        self.unlinked: set[str] | None = None
        # The pages the site model shows before the rest of an edit, and the
        # errors the build has logged so far (none: the first pages are shown).
        self.first: FirstPages | None = None
        self.errors: list[str] = []

    def recorded(self, name: str, key: str) -> bool:
        """Note `name`'s key; tell whether output/`name` was written for it."""
        self.keys[name] = key
        return self.record.holds(self.output, name, key)

    def share_if_recorded(self, staged: Path, name: str, key: str) -> bool:
        """Share output/`name` (hard-link it) into staging if written for `key`."""
        return self.recorded(name, key) and share(self.output / name, staged)

    def keep_page_if_recorded(self, staged: Path, name: str, key: str) -> bool:
        """Keep output/'s page `name` if written for `key`: linked, or noted."""
        if self.unlinked is None:
            return self.share_if_recorded(staged, name, key)
        if self.recorded(name, key):
            self.unlinked.add(name)
            return True
        return False

    def share_if_holds(self, staged: Path, name: str, data: bytes) -> bool:
        """Share output/`name` (hard-link it) into staging if it holds just `data`."""
        old = self.output / name
        return holds(old, data) and share(old, staged)


def holds(path: Path, data: bytes) -> bool:
    """Tell whether the file at `path` holds exactly `data`."""
    try:
        return path.stat().st_size == len(data) and path.read_bytes() == data
    except OSError:
        return False


def build_base(settings: dict, cache_key: str) -> str:
    """Hash what shapes every page: the content cache's key and the theme.

    The cache key covers the settings as read, the plugin and the libraries;
    what the plugin adds to the settings follows from those and the theme.
    """
    theme = folder_digest(Path(settings["THEME"]))
    return hashlib.sha256(f"{cache_key}\0{theme}".encode()).hexdigest()
