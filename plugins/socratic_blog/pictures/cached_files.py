"""Files the build keeps in `.cache/`: made once by name, linked into the output."""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

# Why a hard link can fail where a copy works: another disk, a file system without
# links, a cache file with too many links already.
NOT_LINKABLE = {errno.EXDEV, errno.EPERM, errno.EMLINK, errno.ENOTSUP}


def publish(cached: Path, target: Path) -> None:
    """Hard-link a cached file to `target` (replacing what is there), else copy it."""
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():  # posts that share a cover share its copy
        if target.samefile(cached):
            return
        target.unlink()
    try:
        os.link(cached, target)
    except OSError as error:
        if error.errno not in NOT_LINKABLE:
            raise
        shutil.copyfile(cached, target)


def cached(folder: Path, name: str, make: Callable[[Path], None]) -> tuple[Path, bool]:
    """Return folder/`name`, made by `make(path)` if missing; and whether it was made.

    The file is made under a temporary name and renamed, so a build stopped
    meanwhile never leaves half a file under the real one.
    """
    path = folder / name
    if path.is_file():
        return path, False
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=folder, delete=False) as partial:
        partial.close()
        make(Path(partial.name))
    os.replace(partial.name, path)
    return path, True
