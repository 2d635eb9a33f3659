"""Nothing outside content/ is published: symbolic links that lead out are refused."""

from __future__ import annotations

import os
from pathlib import Path

from socratic_blog.errors import ContentError, display_path, raise_all


def symlinks_leading_out(root: Path) -> list[tuple[Path, Path]]:
    """Return each symbolic link under `root` whose target lies outside it."""
    root = root.resolve()
    found = []
    for folder, folders, files in os.walk(root):
        for name in sorted([*folders, *files]):
            path = Path(folder, name)
            if path.is_symlink() and not path.resolve().is_relative_to(root):
                found.append((path, path.resolve()))
    return found


def refuse_symlinks_leading_out(pelican) -> None:
    """Stop the build naming every link under PATH that leads outside it."""
    raise_all(
        [
            ContentError(
                link,
                f"this is a link to {display_path(target)}, outside the content folder",
                "copy the file into content/ instead of linking to it",
            )
            for link, target in symlinks_leading_out(Path(pelican.settings["PATH"]))
        ]
    )
