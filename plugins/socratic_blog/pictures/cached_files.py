"""Files the build keeps in `.cache/`: made once by name, linked into the output."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from socratic_blog.files import write_whole


def cached(folder: Path, name: str, make: Callable[[Path], None]) -> tuple[Path, bool]:
    """Return folder/`name`, made by `make(path)` if missing; and whether it was made.

    The file is made under a temporary name and renamed (`write_whole`), so a
    build stopped meanwhile never leaves half a file under the real one.
    """
    path = folder / name
    if path.is_file():
        return path, False
    write_whole(path, make)
    return path, True
