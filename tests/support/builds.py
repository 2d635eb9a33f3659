"""Builds for the tests: the fixture blog in this process, project copies by invoke."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING

from bs4 import BeautifulSoup
from markdown import Markdown
from pelican.settings import read_settings

from press import build
from press.finished_site.saved import saved_path
from press.progress import Unshown
from socratic_blog import plugin
from tests.support.fixture_blog import write, write_content

if TYPE_CHECKING:
    from tests.support.edited_site import EditedSite

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SEED_POST = "posts/so-you-are-opentowork/index.md"
SETTINGS = {False: ROOT / "pelicanconf.py", True: ROOT / "publishconf.py"}

PROJECT_FILES = (
    "pelicanconf.py",
    "publishconf.py",
    "tasks.py",
    "theme",
    "plugins",
)


def edit(path: Path, old: str, new: str) -> None:
    """Replace the first `old` in a file with `new`, as an author's edit would."""
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def parse_html(path: Path) -> BeautifulSoup:
    """Parse a built HTML file with a real HTML parser."""
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def site_markdown() -> Markdown:
    """Return a Markdown converter configured exactly as the site's reader is."""
    settings = read_settings(str(SETTINGS[False]))
    plugin.configure_markdown(SimpleNamespace(settings=settings))
    return Markdown(**settings["MARKDOWN"])


def snapshot(folder: Path) -> dict[str, str]:
    """Map every file under `folder` to the hash of its bytes."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(
            path.read_bytes()
        ).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def add_fixture(content: Path, name: str) -> Path:
    """Copy tests/fixtures/<name> into `content` as posts/<stem>/index.md."""
    post = content / "posts" / Path(name).stem / "index.md"
    return write(post, (FIXTURES / name).read_bytes())


def settings_for(folder: Path, content: Path, **settings) -> dict:
    """Overrides that build `content` into folder/output, with caches in `folder`."""
    return {
        "PATH": str(content),
        "OUTPUT_PATH": str(folder / "output"),
        # The tests never read or fill the repository's caches.
        "CACHE_PATH": str(folder / "cache"),
        "SOCIAL_CARDS_CACHE": str(folder / "cards"),
        "WEBP_COVERS_CACHE": str(folder / "webp-covers"),
        "PICTURES_CACHE": str(folder / "pictures"),
        **settings,
    }


def build_blog(
    content: Path,
    folder: Path,
    *,
    production: bool = False,
    drafts: bool = False,
    **settings,
) -> Path:
    """Build `content` in this process (no subprocess) and return the output folder.

    `production` builds with publishconf.py (feeds, cards, search index);
    `drafts` writes drafts and scheduled posts too, as the preview does;
    `settings` override either file.
    """
    overrides = settings_for(folder, content, **settings)
    assert build.build(SETTINGS[production], overrides, drafts=drafts) == []
    return Path(overrides["OUTPUT_PATH"])


def copy_code(root: Path) -> Path:
    """Copy the settings, tasks, theme and plugin (no content) into a new `root`."""
    root.mkdir(parents=True)
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            ignore = shutil.ignore_patterns("__pycache__")
            shutil.copytree(source, root / name, ignore=ignore)
        else:
            shutil.copy2(source, root / name)
    return root


class Project:
    """A copy of the project holding the fixture blog, built with invoke."""

    def __init__(self, root: Path):
        """Copy the code and the theme into `root`; write the fixture blog."""
        self.root = copy_code(root)
        write_content(root / "content")

    @property
    def output(self) -> Path:
        """The project's output folder."""
        return self.root / "output"

    def add(self, relative: str, data: bytes | str) -> Path:
        """Write a content file (text or bytes) under content/."""
        return write(self.root / "content" / relative, data)

    def add_plugin(self, name: str) -> None:
        """Copy tests/fixtures/plugins/<name>.py into the project and load it."""
        shutil.copy(FIXTURES / "plugins" / f"{name}.py", self.root / "plugins")
        settings = self.root / "pelicanconf.py"
        settings.write_text(
            settings.read_text(encoding="utf-8")
            + f"\nPLUGINS = [*PLUGINS, {name!r}]\n",
            encoding="utf-8",
        )

    def add_fixture(self, name: str) -> Path:
        """Copy tests/fixtures/<name> to content/posts/<stem>/index.md."""
        return add_fixture(self.root / "content", name)

    def environment(self, **extra: str) -> dict[str, str]:
        """The environment of a command run in the copy: its own plugin first.

        The plugin is installed from the repository; the copy's `plugins/`
        goes ahead of it, so a test that edits the copy's plugin sees the edit.
        """
        return {**os.environ, "PYTHONPATH": str(self.root / "plugins"), **extra}

    def invoke(
        self, *args: str, env: dict | None = None
    ) -> subprocess.CompletedProcess:
        """Run `invoke ARGS` in the project, as the author would."""
        return subprocess.run(
            [sys.executable, "-m", "invoke", *args],
            cwd=self.root,
            env=self.environment(**(env or {})),
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )


def applied(before: dict[str, bytes], pages: dict[str, bytes | None]) -> dict:
    """Return the output `before` with the kept site's pages put in (None: gone)."""
    after = dict(before)
    for name, data in pages.items():
        if data is None:
            after.pop(name, None)
        else:
            after[name] = data
    return after


def contents(folder: Path) -> dict[str, bytes]:
    """Map every file under `folder` to its bytes."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def build_as_invoke_does(overrides: dict, drafts: bool = False) -> int | None:
    """Build as `invoke build` does (from the saved site if it can); fail on errors.

    Return how many pages a quick build wrote, or None after a full build.
    """
    progress = Unshown()
    errors = build.build(SETTINGS[False], overrides, drafts, progress, saved=True)
    assert errors == [], errors
    return progress.saved_site


# Appended to a post: its first paragraph (the description) and reading time stay.
SENTENCE = "One more sentence, with *emphasis* & <b>markup</b>."


def output_of(blog: EditedSite) -> Path:
    """The folder `invoke build` writes the blog into."""
    return blog.root / "output"


def quick(blog: EditedSite, **more) -> int | None:
    """Build as `invoke build` does; the pages a quick build wrote, None if full."""
    return build_as_invoke_does(
        {**blog.overrides(output_of(blog)), **more}, blog.drafts
    )


def assert_clean(blog: EditedSite) -> None:
    """Build the same sources cleanly elsewhere: every file holds the same bytes."""
    clean = blog.root / "clean" / "output"
    shutil.rmtree(clean.parent, ignore_errors=True)
    blog.build(clean)
    assert snapshot(output_of(blog)) == snapshot(clean)


def saved_file(blog: EditedSite, **more) -> Path:
    """Where a build of the blog with these settings saves its site."""
    overrides = {**blog.overrides(output_of(blog)), **more}
    settings, _ = build.prepared(SETTINGS[False], overrides, blog.drafts, check=False)
    return saved_path(settings, output_of(blog).resolve())


def inodes(folder: Path) -> dict[str, int]:
    """Map each file under `folder` to its inode."""
    return {
        path.relative_to(folder).as_posix(): path.stat().st_ino
        for path in folder.rglob("*")
        if path.is_file()
    }
