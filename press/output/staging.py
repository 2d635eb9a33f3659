"""Staging folders that share every unchanged file with the output they replace.

A build starts from an empty staging folder and swaps it in whole. The writer
hard-links the pages it need not render from output/ (press.incremental); the
files others write (covers, cards, the search index) are compared with
output/'s after the build, and linked when equal. An unchanged file thus keeps
its inode and modification time, and the build never writes into a file that
output/ shares: a failed build leaves output/ exactly as it was.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from socratic_blog.api import share

# Held locked by the build that writes the folder; the kernel drops the lock
# when that process dies, however it dies (SIGKILL included).
LOCK = ".build-lock"
# Where a build puts the spare it deletes while it renders: beside the staging
# folder, never in it, where the plugins' walks of the site would meet it.
TRASH = "trash"
# A folder younger than this may belong to a build that has not locked it yet.
UNLOCKED_GRACE_SECONDS = 60


def spare_of(output: Path) -> Path:
    """Name where the replaced output waits until the next build deletes it."""
    return output.with_name(f".{output.name}.spare")


def abandoned(folder: Path) -> bool:
    """Tell whether a staging folder belongs to no running build."""
    try:
        with (folder / LOCK).open("rb") as lock:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return False
            return True
    except FileNotFoundError:
        status = folder.stat()
        changed = max(status.st_mtime, status.st_ctime)
        return time.time() - changed > UNLOCKED_GRACE_SECONDS


def remove_abandoned(output: Path) -> list[Path]:
    """Delete the staging, index and trash folders that stopped builds left behind."""
    removed = []
    left = [
        *output.parent.glob(f".{output.name}.*"),
        *output.parent.glob(f".{output.name}-index.*"),
        *output.parent.glob(f".{output.name}-{TRASH}.*"),
    ]
    for folder in left:
        if folder == spare_of(output) or not folder.is_dir():
            continue
        with contextlib.suppress(FileNotFoundError):
            if abandoned(folder):
                shutil.rmtree(folder, ignore_errors=True)
                removed.append(folder)
    return removed


@contextlib.contextmanager
def hold(staging: Path) -> Iterator[None]:
    """Keep `staging` locked while in use, so no build takes it as left behind."""
    with (staging / LOCK).open("wb") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def take_staging(output: Path) -> tuple[Path, Path]:
    """Return an empty staging folder, and the trash holding the last build's spare."""
    remove_abandoned(output)
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}.", dir=output.parent))
    try:
        trash = Path(
            tempfile.mkdtemp(prefix=f".{output.name}-{TRASH}.", dir=output.parent)
        )
    except OSError:
        staging.rmdir()
        raise
    # The glob also finds the spares that earlier versions named by a hash.
    for spare in output.parent.glob(f".{output.name}.spare*"):
        with contextlib.suppress(OSError):
            spare.rename(trash / spare.name)
    return staging, trash


def empty_trash(trash: Path) -> None:
    """Delete the old output set aside in `trash`."""
    shutil.rmtree(trash, ignore_errors=True)


def release(staging: Path) -> None:
    """Remove the build's lock file before the folder goes live."""
    (staging / LOCK).unlink(missing_ok=True)


def share_unchanged(staging: Path, output: Path) -> int:
    """Link each new file whose bytes equal output/'s file; return how many."""
    shared = 0
    for folder, _, files in os.walk(staging):
        live = output / Path(folder).relative_to(staging)
        for name in files:
            if share_if_identical(Path(folder, name), live / name):
                shared += 1
    return shared


def share_if_identical(new: Path, old: Path) -> bool:
    """Share file `old` (hard-link it) in place of `new` when their bytes are equal."""
    try:
        fresh, live = new.stat(), old.stat()
        if fresh.st_ino == live.st_ino or fresh.st_size != live.st_size:
            return fresh.st_ino == live.st_ino
        if new.read_bytes() != old.read_bytes():
            return False
    except OSError:
        return False
    return share(old, new)
