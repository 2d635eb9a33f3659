"""What one build shares with the live output: its record, its keys, its links."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from .output_record import WrittenRecord


class Keeper:
    """What one build shares between its writer and its static files."""

    def __init__(self, output: Path, record: WrittenRecord, base: str):
        """Know the live output, what wrote it, and this build's base key."""
        self.output = output
        self.record = record
        self.base = base
        self.keys: dict[str, str] = {}
        self.rendered = 0
        self.kept = 0

    def keep(self, staged: Path, name: str, key: str) -> bool:
        """Link output/`name` into the staging folder if it was written for `key`."""
        self.keys[name] = key
        if not self.record.holds(self.output, name, key):
            return False
        return link_over(self.output / name, staged)

    def same_bytes(self, staged: Path, name: str, data: bytes) -> bool:
        """Link output/`name` when it holds exactly `data` already."""
        old = self.output / name
        try:
            if old.stat().st_size != len(data) or old.read_bytes() != data:
                return False
        except OSError:
            return False
        return link_over(old, staged)


def link_over(source: Path, target: Path) -> bool:
    """Hard-link `source` at `target` (replacing it); False where links fail."""
    try:
        try:
            os.link(source, target)
        except FileNotFoundError:
            if not source.exists():
                return False
            target.parent.mkdir(parents=True, exist_ok=True)
            os.link(source, target)
        except FileExistsError:
            target.unlink()
            os.link(source, target)
    except OSError:
        return False
    return True


def build_base(settings: dict, fingerprint: str) -> str:
    """Hash what shapes every page: the content cache's fingerprint and the theme.

    The fingerprint covers the settings as read, the plugin and the libraries;
    what the plugin adds to the settings follows from those and the theme.
    """
    digest = hashlib.sha256(fingerprint.encode())
    theme = Path(settings["THEME"])
    for path in sorted(theme.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(theme).as_posix().encode() + b"\0")
            digest.update(path.read_bytes())
    return digest.hexdigest()
