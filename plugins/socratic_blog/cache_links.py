"""Put a file the build keeps in `.cache/` into the output: linked, not copied."""

from __future__ import annotations

import errno
import os
import shutil
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
