"""The plugin's code as this process loads it: hashed once, before it is imported.

The content cache is named by this hash (press/incremental/content_cache.py), so
readings are filed under the code that made them: a plugin edited while a build
starts can never leave old readings under the new code's name.
"""

from __future__ import annotations

from pathlib import Path

from .files import folder_digest


def is_source(path: Path) -> bool:
    """Tell whether a file of the package is Python source."""
    return path.suffix == ".py"


LOADED = folder_digest(Path(__file__).parent, is_source)
