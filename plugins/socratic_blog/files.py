"""Files written whole, shared by hard links, and folders hashed: each once.

The plugin's caches, the build's staging folder and its records all need the
same three things, written here once and reached by `press` through the door.
"""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

# Why a hard link can fail where a copy works: another disk, a file system without
# links, a file with too many links already.
NOT_LINKABLE = {errno.EXDEV, errno.EPERM, errno.EMLINK, errno.ENOTSUP}


def write_whole(path: Path, make: Callable[[Path], None]) -> None:
    """Make `path` by `make(partial)` under a temporary name beside it, then rename.

    A build stopped meanwhile never leaves half a file under the real name.
    The temporary name starts with the real one, so code that skips a file by
    its name skips its partial copies too.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, partial = tempfile.mkstemp(dir=path.parent, prefix=f"{path.name}.")
    os.close(handle)
    try:
        make(Path(partial))
        os.replace(partial, path)
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise


def write_text_whole(path: Path, text: str) -> None:
    """Write `text` to `path` (UTF-8) whole, or leave the old file."""
    write_whole(path, lambda partial: partial.write_text(text, encoding="utf-8"))


def hard_link(source: Path, target: Path) -> None:
    """Hard-link `source` at `target`, replacing what is there in one rename."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.{os.getpid()}.link")
    try:
        os.link(source, partial)
    except FileExistsError:  # left by a build that was killed here
        partial.unlink()
        os.link(source, partial)
    partial.replace(target)


def share(source: Path, target: Path) -> bool:
    """Hard-link `source` at `target`; False where that fails (nothing changed)."""
    try:
        hard_link(source, target)
    except OSError:
        return False
    return True


def link_or_copy(source: Path, target: Path) -> None:
    """Hard-link `source` at `target` (replacing what is there), else copy it."""
    if target.exists() and target.samefile(source):  # posts may share a cover
        return
    try:
        hard_link(source, target)
    except OSError as error:
        if error.errno not in NOT_LINKABLE:
            raise
        target.unlink(missing_ok=True)
        shutil.copyfile(source, target)


def folder_digest(folder: Path, wanted: Callable[[Path], bool] | None = None) -> str:
    """Hash a folder's files (those `wanted` accepts): their paths and bytes, sorted.

    Links to folders are not followed, as `os.walk` does not follow them.
    """
    digest = hashlib.sha256()
    found = [
        os.path.join(root, name) for root, _, names in os.walk(folder) for name in names
    ]
    found.sort(key=lambda text: text.split(os.sep))  # as paths sort: part by part
    for text in found:
        path = Path(text)
        if (wanted is not None and not wanted(path)) or not path.is_file():
            continue
        for part in (path.relative_to(folder).as_posix().encode(), path.read_bytes()):
            digest.update(part)
            digest.update(b"\0")
    return digest.hexdigest()


def file_digest(path: Path) -> str:
    """Hash a file's bytes, read in chunks (a file may be large)."""
    with path.open("rb") as file:
        return hashlib.file_digest(file, "sha256").hexdigest()
