"""Staging folders recycled from the output they replace.

A build writes the whole site into a staging folder and swaps it in. On a
journaling file system, creating a thousand folders and files and deleting the
old ones costs more than rendering the pages: overwriting files that already
exist costs a tenth of that. So the output a build replaces is kept as a spare;
the next build writes over it and then deletes every file it did not write
(older than its start marker), so nothing stale survives whatever built the
spare.
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

MARKER = ".build-started"
# Held locked by the build that writes the folder; the kernel drops the lock
# when that process dies, however it dies (SIGKILL included).
LOCK = ".build-lock"
# A folder younger than this may belong to a build that has not locked it yet.
UNLOCKED_GRACE_SECONDS = 60


def spare_of(output: Path) -> Path:
    """Name the spare that the next build may write over."""
    return output.with_name(f".{output.name}.spare")


def recyclable(settings: dict) -> bool:
    """Tell whether the build writes every file, so what it skips is stale.

    Pelican leaves unchanged static files alone with STATIC_CHECK_IF_MODIFIED,
    and unselected files with WRITE_SELECTED: those builds start empty.
    """
    return not (
        settings.get("STATIC_CHECK_IF_MODIFIED") or settings.get("WRITE_SELECTED")
    )


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
    """Delete the staging folders that killed builds left beside `output`."""
    removed = []
    for folder in output.parent.glob(f".{output.name}.*"):
        if folder == spare_of(output) or not folder.is_dir():
            continue
        with contextlib.suppress(FileNotFoundError):
            if abandoned(folder):
                shutil.rmtree(folder, ignore_errors=True)
                removed.append(folder)
    return removed


@contextlib.contextmanager
def hold(staging: Path) -> Iterator[None]:
    """Keep `staging` locked for this build, so no other build takes it as left."""
    with (staging / LOCK).open("wb") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def take_staging(output: Path, recycle: bool = True) -> Path:
    """Return a staging folder: the matching spare if allowed and there, else empty."""
    remove_abandoned(output)
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}.", dir=output.parent))
    # The glob also finds the fingerprint-named spares of earlier versions.
    for spare in output.parent.glob(f".{output.name}.spare*"):
        if recycle and spare == spare_of(output):
            # Losing the race to a concurrent build just means starting empty.
            with contextlib.suppress(OSError):
                staging.rmdir()
                spare.rename(staging)
        else:
            shutil.rmtree(spare, ignore_errors=True)
    staging.mkdir(exist_ok=True)
    return staging


def mark_start(staging: Path) -> int:
    """Drop a marker in `staging`; return its change time (ns) to compare with."""
    marker = staging / MARKER
    marker.write_bytes(b"")
    return marker.stat().st_ctime_ns


def drop_unwritten(staging: Path, started: int) -> None:
    """Delete what this build did not write (changed before `started`), and the marker.

    A file's change time moves on every write, copy or rename and cannot be set
    back (copies keep their source's modification time, not this one).
    """
    (staging / MARKER).unlink(missing_ok=True)
    (staging / LOCK).unlink(missing_ok=True)
    for folder, folders, files in os.walk(staging, topdown=False):
        for name in files:
            path = Path(folder, name)
            if path.lstat().st_ctime_ns < started:
                path.unlink()
        for name in folders:
            with contextlib.suppress(OSError):  # not empty: it holds this build
                Path(folder, name).rmdir()
