"""Nothing outside content/ is published: symbolic links that lead out are refused."""

from __future__ import annotations

import os
from pathlib import Path

from socratic_blog.errors import ContentError, display_path, raise_all


def symlinks_leading_out(root: Path) -> list[tuple[Path, Path | None]]:
    """Return each symbolic link under `root` leading outside it (None: in a loop)."""
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
                try:
                    target = Path(entry.path).resolve()
                except RuntimeError:  # a loop of links: it leads nowhere
                    target = None
                if target is None or not target.is_relative_to(root):
                    found.append((Path(entry.path), target))
            elif entry.is_dir():
                folders.append(entry.path)
        waiting.extend(reversed(folders))  # walked in name order, depth first
    return found


def refuse_symlinks_leading_out(pelican) -> None:
    """Stop the build naming every link under PATH that leads outside it."""
    raise_all(
        [
            ContentError(link, *problem_and_fix(target))
            for link, target in symlinks_leading_out(Path(pelican.settings["PATH"]))
        ]
    )


def problem_and_fix(target: Path | None) -> tuple[str, str]:
    """Say what is wrong with a link leading to `target` (None: in a loop)."""
    if target is None:
        return "this link leads to itself, through links", "remove the link"
    return (
        f"this is a link to {display_path(target)}, outside the content folder",
        "copy the file into content/ instead of linking to it",
    )
