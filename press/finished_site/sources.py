"""The posts a build read: every Markdown file under content/, by stamp and hash.

A build notes them before Pelican reads anything, so a file saved while it
runs counts as edited next time. A stamp that differs is checked by the
file's hash: a checkout or a `touch` that leaves the bytes alone edits nothing.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

# The sources a saved site can take an edit of: posts and pages in Markdown.
SOURCE_SUFFIX = ".md"
# A source's modification time (ns) and size, then the hash of its bytes.
Stamp = tuple[int, int]


def stamps(content: Path) -> dict[str, Stamp]:
    """Map each Markdown file under `content` (its path there) to its stamp."""
    found: dict[str, Stamp] = {}
    waiting = [("", str(content))]
    while waiting:
        prefix, folder = waiting.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                name = prefix + entry.name
                if entry.is_dir(follow_symlinks=False):
                    waiting.append((f"{name}/", entry.path))
                elif name.endswith(SOURCE_SUFFIX) and entry.is_file():
                    status = entry.stat()
                    found[name] = (status.st_mtime_ns, status.st_size)
    return found


def digest(path: Path) -> str:
    """Hash a source's bytes."""
    return hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()


def read_sources(content: Path) -> dict[str, tuple[Stamp, str]]:
    """Map each Markdown file under `content` to its stamp and the hash of its bytes."""
    return {
        name: (stamp, digest(content / name)) for name, stamp in stamps(content).items()
    }


def edited(read: dict[str, tuple[Stamp, str]], content: Path) -> list[str] | None:
    """Return the sources edited since `read` (paths under `content`), sorted.

    None when a source came or went: that is for a full build.
    """
    now = stamps(content)
    if now.keys() != read.keys():
        return None
    return sorted(
        name
        for name, stamp in now.items()
        if tuple(read[name][0]) != stamp and digest(content / name) != read[name][1]
    )
