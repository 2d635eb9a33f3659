"""Notice when a watched source changes, by polling the files' stat."""

from __future__ import annotations

import os
from pathlib import Path

# Editor swap and backup files come and go while the author types.
SKIPPED_SUFFIXES = ("~", ".swp", ".swx", ".tmp")
SKIPPED_FOLDERS = {"__pycache__", ".git"}


def skipped(name: str) -> bool:
    """Tell whether a file is an editor's or a tool's, not a source."""
    return name.startswith((".", "#")) or name.endswith(SKIPPED_SUFFIXES)


class SourceWatch:
    """The watched files and folders, with what each file's stat was last time."""

    def __init__(self, sources: list[Path]):
        """Watch these files and folders (missing ones may appear later)."""
        self.sources = sources
        self.seen: dict[str, tuple[int, int]] = {}

    def snapshot(self) -> dict[str, tuple[int, int]]:
        """Stat every watched file: path -> (modification time, size)."""
        found = {}
        for source in self.sources:
            if source.is_file():
                status = source.stat()
                found[str(source)] = (status.st_mtime_ns, status.st_size)
                continue
            for folder, folders, files in os.walk(source):
                folders[:] = [name for name in folders if name not in SKIPPED_FOLDERS]
                for name in files:
                    if skipped(name):
                        continue
                    path = os.path.join(folder, name)
                    try:
                        status = os.stat(path)
                    except OSError:  # deleted while we looked
                        continue
                    found[path] = (status.st_mtime_ns, status.st_size)
        return found

    def changed(self) -> bool:
        """Tell whether any file was added, changed or removed since the last call."""
        now = self.snapshot()
        different = now != self.seen
        self.seen = now
        return different
