"""Notice when a watched source changes: woken by the kernel, checked by stat.

The files' stat is the truth (a snapshot compared with the last one); the
kernel's notifications (inotify, through watchfiles) say when and where to
look, so a change is seen within milliseconds instead of at the next poll:
woken, the watcher stats again only the files and folders the kernel named
(walking all of a big blog's takes a tenth of a second). The poll takes a
whole snapshot now and then, in case the kernel missed one.
"""

from __future__ import annotations

import os
import stat
import threading
from collections.abc import Callable
from pathlib import Path

import watchfiles

# Editor swap and backup files come and go while the author types.
SKIPPED_SUFFIXES = ("~", ".swp", ".swx", ".tmp")
SKIPPED_FOLDERS = {"__pycache__", ".git"}
# How long the kernel's notifications must go quiet before waking (milliseconds).
QUIET_MS = 10
# More paths named at once than this (a checkout): a whole snapshot is quicker.
MOST_NAMED = 200


def skipped(name: str) -> bool:
    """Tell whether a file is an editor's or a tool's, not a source."""
    return name.startswith((".", "#")) or name.endswith(SKIPPED_SUFFIXES)


def skipped_folder(name: str) -> bool:
    """Tell whether a folder is a tool's, or hidden (Pelican ignores `**/.*`)."""
    return name in SKIPPED_FOLDERS or name.startswith(".")


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
        # The paths the kernel named since the last look.
        self.reported: set[str] = set()
        self.lock = threading.Lock()

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
                for batch in changes:
                    with self.lock:
                        self.reported.update(path for _, path in batch)
                    wake()
            except Exception as error:  # polling still finds every change
                lost(error)

        threading.Thread(target=watching, daemon=True, name="source-watch").start()
        return True

    def snapshot(self) -> dict[str, tuple[int, int]]:
        """Stat every watched file: path -> (modification time, size)."""
        found: dict[str, tuple[int, int]] = {}
        for source in self.sources:
            look(str(source), found, top=True)
        return found

    def since(self, earlier: dict[str, tuple[int, int]]) -> list[str]:
        """List the files changed, added or removed since `earlier`."""
        now = self.seen  # replaced, never changed, by the loop's checks
        return sorted(
            path
            for path in earlier.keys() | now.keys()
            if earlier.get(path) != now.get(path)
        )

    def changed(self, woken: bool = False) -> bool:
        """Tell whether any file was added, changed or removed since the last call.

        `woken` (by the kernel): only the paths it named are looked at again;
        none named, nothing changed. Otherwise every watched file is.
        """
        with self.lock:
            reported, self.reported = self.reported, set()
        if woken and not reported:
            return False
        now = self.looked_again(reported) if woken else None
        if now is None:
            now = self.snapshot()
        different = now != self.seen
        self.seen = now
        return different

    def looked_again(self, paths: set[str]) -> dict[str, tuple[int, int]] | None:
        """Return the last snapshot with `paths` looked at again (None: can't tell).

        A path outside the watched ones, or reached through a link to a folder
        (which a snapshot does not follow), takes a whole snapshot.
        """
        if len(paths) > MOST_NAMED:
            return None
        roots = [str(source) for source in self.sources]
        tops, hidden = set(), set()
        for path in paths:
            root = next((root for root in roots if within(path, root)), None)
            if root is None or through_link(path, root):
                return None
            if path == root:
                tops.add(path)
            folders = path[len(root) :].split(os.sep)[1:-1]
            if any(skipped_folder(folder) for folder in folders):
                hidden.add(path)  # a snapshot does not look in there
        now = {
            name: stamp
            for name, stamp in self.seen.items()
            if not named_or_under(name, paths)
        }
        for path in paths - hidden:
            look(path, now, top=path in tops)
        return now


def within(path: str, folder: str) -> bool:
    """Tell whether `path` is `folder` or lies under it."""
    return path == folder or path.startswith(folder + os.sep)


def named_or_under(name: str, paths: set[str]) -> bool:
    """Tell whether `name`, or a folder it lies in, is one of `paths`."""
    while name not in paths:
        parent = os.path.dirname(name)
        if parent == name:
            return False
        name = parent
    return True


def through_link(path: str, root: str) -> bool:
    """Tell whether a folder between `root` and `path` is a link."""
    folder = os.path.dirname(path)
    while within(folder, root) and folder != root:
        if os.path.islink(folder):
            return True
        folder = os.path.dirname(folder)
    return False


def look(path: str, found: dict[str, tuple[int, int]], top: bool = False) -> None:
    """Stat the file at `path`, or every file under the folder, as a snapshot does.

    A watched root is looked at whatever it is; under it, editors' files,
    skipped folders and links to folders are left out, as os.walk leaves them.
    """
    name = os.path.basename(path)
    try:
        status = os.stat(path) if top else os.lstat(path)
    except OSError:  # gone
        return
    if stat.S_ISDIR(status.st_mode):
        if top or not skipped_folder(name):
            walk(path, found)
        return
    if not top and skipped(name):
        return
    try:
        status = os.stat(path)  # a link to a file counts as the file
    except OSError:
        return
    if not stat.S_ISDIR(status.st_mode):
        found[path] = (status.st_mtime_ns, status.st_size)


def walk(folder: str, found: dict[str, tuple[int, int]]) -> None:
    """Stat every file under `folder`, skipped folders and editors' files left out."""
    for parent, folders, files in os.walk(folder):
        folders[:] = [name for name in folders if not skipped_folder(name)]
        for name in files:
            if skipped(name):
                continue
            path = os.path.join(parent, name)
            try:
                status = os.stat(path)
            except OSError:  # deleted while we looked
                continue
            found[path] = (status.st_mtime_ns, status.st_size)
