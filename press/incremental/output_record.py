"""The record of what the last good build wrote: each file's render key and stat.

A build reuses a file of output/ (hard-links it into its staging folder)
when the file's new key equals the recorded one and the file is still the one
that build wrote (same inode, size and modification time). The record lives
beside the content cache, never in the output.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from socratic_blog.api import write_text_whole

from .content_cache import RECORD_PREFIX

VERSION = 1


def record_path(settings: dict, output: Path) -> Path:
    """Name the record of `output` (one per output folder) in the cache's folder."""
    named = hashlib.sha256(str(output).encode()).hexdigest()[:12]
    return Path(settings["CACHE_PATH"]) / f"{RECORD_PREFIX}{named}.json"


def stamp(path: Path) -> list[int]:
    """Return what tells a file apart from any rewrite of it."""
    status = path.stat()
    return [status.st_ino, status.st_size, status.st_mtime_ns]


@dataclass
class WrittenRecord:
    """Files under the output by relative path: [key, inode, size, mtime]."""

    files: dict[str, list] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path) -> WrittenRecord:
        """Read a record; a missing or unreadable one holds nothing."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        if not isinstance(data, dict) or data.get("version") != VERSION:
            return cls()
        return cls(data.get("files") or {})

    def save(self, path: Path) -> None:
        """Write the record whole, or leave the old one."""
        text = json.dumps({"version": VERSION, "files": self.files}, sort_keys=True)
        write_text_whole(path, text)

    def holds(self, output: Path, name: str, key: str) -> bool:
        """Tell whether output/`name` is the file a build wrote for `key`."""
        entry = self.files.get(name)
        if entry is None or entry[0] != key:
            return False
        try:
            return stamp(output / name) == entry[1:]
        except OSError:
            return False

    @classmethod
    def of(cls, output: Path, keys: dict[str, str]) -> WrittenRecord:
        """Record the files now under `output` with the keys they were written for."""
        files = {}
        for name, key in keys.items():
            with contextlib.suppress(OSError):
                files[name] = [key, *stamp(output / name)]
        return cls(files)
