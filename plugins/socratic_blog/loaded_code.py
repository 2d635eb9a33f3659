"""The plugin's code as this process loads it: hashed once, before it is imported.

The content cache is named by this hash (press/incremental/content_cache.py), so
readings are filed under the code that made them: a plugin edited while a build
starts can never leave old readings under the new code's name.
"""

from __future__ import annotations

import hashlib
from pathlib import Path


def package_digest(folder: Path) -> str:
    """Hash a package's source files: their paths and bytes, in a stable order."""
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*.py")):
        for part in (path.relative_to(folder).as_posix().encode(), path.read_bytes()):
            digest.update(part)
            digest.update(b"\0")
    return digest.hexdigest()


LOADED = package_digest(Path(__file__).parent)
