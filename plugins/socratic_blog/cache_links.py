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
    """Hard-link a cached file to `target` (a new path), else copy it."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(cached, target)
    except OSError as error:
        if error.errno not in NOT_LINKABLE:
            raise
        shutil.copyfile(cached, target)
