"""Notice when a watched source changes: woken by the kernel, checked by stat.

The files' stat is the truth (a snapshot compared with the last one); the
kernel's notifications (inotify, through watchfiles) only say when to look,
so a change is seen within milliseconds instead of at the next poll.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path

import watchfiles

# Editor swap and backup files come and go while the author types.
SKIPPED_SUFFIXES = ("~", ".swp", ".swx", ".tmp")
SKIPPED_FOLDERS = {"__pycache__", ".git"}
# How long the kernel's notifications must go quiet before waking (milliseconds).
QUIET_MS = 10


def skipped(name: str) -> bool:
    """Tell whether a file is an editor's or a tool's, not a source."""
    return name.startswith((".", "#")) or name.endswith(SKIPPED_SUFFIXES)


def relevant(change, path: str) -> bool:
    """Tell whether a notified change may touch a source (a watchfiles filter)."""
    parts = Path(path).parts
    return not skipped(parts[-1]) and SKIPPED_FOLDERS.isdisjoint(parts)


class SourceWatch:
    """The watched files and folders, with what each file's stat was last time."""

    def __init__(self, sources: list[Path]):
        """Watch these files and folders (missing ones may appear later)."""
        self.sources = sources
        self.seen: dict[str, tuple[int, int]] = {}

    def wake_on_change(self, wake: Callable[[], None], lost: Callable) -> bool:
        """Call `wake` (in a thread) on each change the kernel reports; False: can't.

        Should the kernel's watch fail later (too many folders for its limit),
        `lost` is called with the error, and polling alone finds changes.
        """
        existing = [source for source in self.sources if source.exists()]
        if not existing:
            return False

        def watching() -> None:
            changes = watchfiles.watch(
                *existing, watch_filter=relevant, step=QUIET_MS, raise_interrupt=False
            )
            try:
                for _ in changes:
                    wake()
            except Exception as error:  # polling still finds every change
                lost(error)

        threading.Thread(target=watching, daemon=True, name="source-watch").start()
        return True

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

    def since(self, earlier: dict[str, tuple[int, int]]) -> list[str]:
        """List the files changed, added or removed since `earlier`."""
        now = self.seen  # replaced, never changed, by the loop's checks
        return sorted(
            path
            for path in earlier.keys() | now.keys()
            if earlier.get(path) != now.get(path)
        )

    def changed(self) -> bool:
        """Tell whether any file was added, changed or removed since the last call."""
        now = self.snapshot()
        different = now != self.seen
        self.seen = now
        return different
