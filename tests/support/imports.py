"""A new blog to import into, and an old site's post imported into it."""

from __future__ import annotations

from pathlib import Path

from press.authoring.importing import importer
from tests.support.builds import ROOT


def new_blog(folder: Path) -> Path:
    """Make an empty blog in `folder` (the site's settings); return its settings."""
    (folder / "content/posts").mkdir(parents=True)
    settings = folder / "settings.py"
    settings.write_text(
        "from pelican.settings import get_settings_from_file\n"
        f"globals().update(get_settings_from_file({str(ROOT / 'pelicanconf.py')!r}))\n"
        f"PATH = {str(folder / 'content')!r}\n",
        encoding="utf-8",
    )
    return settings


def old_site(root: Path, files: dict[str, str]) -> Path:
    """Write an old site's text files (by their path under `root`); return `root`."""
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def imported_body(folder: Path, old_files: dict[str, str], slug: str) -> str:
    """Write an old site in folder/old, import it into a new blog: a post's body."""
    old = old_site(folder / "old", old_files)
    assert importer.main(new_blog(folder), str(old)) == 0
    text = (folder / "content/posts" / slug / "index.md").read_text("utf-8")
    return text.split("---\n", 2)[2]
