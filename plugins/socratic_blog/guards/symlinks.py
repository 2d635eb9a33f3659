"""Nothing outside content/ is published: symbolic links that lead out are refused."""

from __future__ import annotations

import os
from pathlib import Path

from socratic_blog.errors import ContentError, display_path, raise_all


def symlinks_leading_out(root: Path) -> list[tuple[Path, Path]]:
    """Return each symbolic link under `root` whose target lies outside it."""
    root = root.resolve()
    found = []
    waiting = [str(root)]
    while waiting:
        folder = waiting.pop()
        # The folder's listing says which entries are links: no file is stat'ed.
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError:  # unreadable: the readers say so, as os.walk left it
            continue
        folders = []
        for entry in entries:
            if entry.is_symlink():
                target = Path(entry.path).resolve()
                if not target.is_relative_to(root):
                    found.append((Path(entry.path), target))
            elif entry.is_dir():
                folders.append(entry.path)
        waiting.extend(reversed(folders))  # walked in name order, depth first
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
