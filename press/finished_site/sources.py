"""The posts a build read: every Markdown file under content/, by stamp and hash.

A build notes them before Pelican reads anything, so a file saved while it
runs counts as edited next time. A stamp that differs is checked by the
file's hash: a checkout or a `touch` that leaves the bytes alone edits nothing.
A post a quick build wrote the page of is compared with what it held then: one
edited back to what the full build read needs its page written again too.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from pathlib import Path

# The sources a saved site can take an edit of: posts and pages in Markdown.
SOURCE_SUFFIX = ".md"
# A source's modification time (ns) and size.
Stamp = tuple[int, int]


def walked(
    root: Path, left_out: str | None = None
) -> Iterator[tuple[str, os.DirEntry]]:
    """Yield each file under `root` with its path there (POSIX), as `os.walk` would.

    Links to folders are not followed; the folder `left_out`, right under
    `root`, is not walked.
    """
    waiting = [("", str(root))]
    while waiting:
        prefix, folder = waiting.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                name = prefix + entry.name
                if not entry.is_dir():
                    yield name, entry
                elif not entry.is_symlink() and name != left_out:
                    waiting.append((f"{name}/", entry.path))


def stamps(content: Path) -> dict[str, Stamp]:
    """Map each Markdown file under `content` (its path there) to its stamp."""
    found: dict[str, Stamp] = {}
    for name, entry in walked(content):
        if name.endswith(SOURCE_SUFFIX) and entry.is_file():
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


def edited(
    read: dict[str, tuple[Stamp, str]], content: Path, built: dict[str, str]
) -> dict[str, str] | None:
    """Map each source whose page shows other bytes than it holds to its bytes' hash.

    `read` holds the sources as the full build read them, `built` the hashes
    of those a quick build wrote pages for since. None when a source came or
    went: that is for a full build.
    """
    now = stamps(content)
    if now.keys() != read.keys():
        return None
    found = {}
    for name, stamp in sorted(now.items()):
        if name in built or tuple(read[name][0]) != stamp:
            held = digest(content / name)
            if held != built.get(name, read[name][1]):
                found[name] = held
    return found
