"""Shared fixtures: the real site built once, and throw-away copies of the project."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from markdown import Markdown
from pelican.settings import read_settings

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED = ROOT / "content" / "posts" / "so-you-are-opentowork" / "index.md"

from press import build  # noqa: E402
from site_checks.browser import chromium  # noqa: E402
from socratic_blog import front_matter, plugin  # noqa: E402

PROJECT_FILES = (
    "pelicanconf.py",
    "publishconf.py",
    "tasks.py",
    "theme",
    "plugins",
)


def published_posts() -> dict[str, dict]:
    """Read content/posts/: each published post's folder name → its front matter.

    Tests on the real site derive their expectations from here, so a new post
    never breaks them.
    """
    posts = {}
    for source in sorted((ROOT / "content" / "posts").glob("*/index.md")):
        fields = front_matter.parse(source.read_text(encoding="utf-8"), source).fields
        if fields.get("draft") is not True:
            posts[fields.get("slug") or source.parent.name] = fields
    return posts


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
    settings = read_settings(str(ROOT / "pelicanconf.py"))
    plugin.configure_markdown(SimpleNamespace(settings=settings))
    return Markdown(**settings["MARKDOWN"])


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """Build the real site once, into a temporary folder, and return it."""
    folder = tmp_path_factory.mktemp("site")
    output = folder / "output"
    # Caches in the temporary folder too: the tests never read or fill the repo's.
    settings = {
        "OUTPUT_PATH": str(output),
        "CACHE_PATH": str(folder / "cache"),
        "SOCIAL_CARDS_CACHE": str(folder / "cards"),
    }
    errors = build.build(ROOT / "pelicanconf.py", settings)
    assert errors == []
    return output


class Project:
    """A copy of the project with its own content folder, built with invoke."""

    def __init__(self, root: Path):
        """Copy the code, the theme, the seed post and its cover into `root`."""
        self.root = root
        root.mkdir(parents=True)
        for name in PROJECT_FILES:
            source = ROOT / name
            if source.is_dir():
                shutil.copytree(
                    source, root / name, ignore=shutil.ignore_patterns("__pycache__")
                )
            else:
                shutil.copy2(source, root / name)
        self.add(SEED.relative_to(ROOT / "content").as_posix(), SEED.read_bytes())
        self.add(
            "images/opentowork.png",
            (ROOT / "content/images/opentowork.png").read_bytes(),
        )

    @property
    def output(self) -> Path:
        """The project's output folder."""
        return self.root / "output"

    def add(self, relative: str, data: bytes | str) -> Path:
        """Write a content file (text or bytes) under content/."""
        path = self.root / "content" / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, str):
            data = data.encode()
        path.write_bytes(data)
        return path

    def add_all_content(self) -> None:
        """Copy every post, page, image and hosting file of the real blog."""
        shutil.copytree(ROOT / "content", self.root / "content", dirs_exist_ok=True)

    def add_fixture(self, name: str, relative: str | None = None) -> Path:
        """Copy tests/fixtures/<name> to content/posts/<stem>/index.md or `relative`."""
        relative = relative or f"posts/{Path(name).stem}/index.md"
        return self.add(relative, (FIXTURES / name).read_bytes())

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


@pytest.fixture
def project(tmp_path) -> Project:
    """A fresh copy of the project holding only the seed post."""
    return Project(tmp_path / "blog")


def snapshot(folder: Path) -> dict[str, str]:
    """Map every file under `folder` to the hash of its bytes."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(
            path.read_bytes()
        ).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture
def browser_page():
    """A page in Debian's Chromium that refuses every request leaving 127.0.0.1.

    It records the refused URLs (`outside`), dialogs and CSP violations.
    """
    with chromium() as browser:
        page = browser.new_page()
        page.outside = []
        page.dialogs = []
        page.violations = []
        page.on(
            "console",
            lambda message: (
                "Content Security Policy" in message.text
                and page.violations.append(message.text)
            ),
        )

        def only_loopback(route):
            if urlsplit(route.request.url).hostname == "127.0.0.1":
                route.continue_()
            else:
                page.outside.append(route.request.url)
                route.abort()

        page.route("**/*", only_loopback)
        page.on(
            "dialog", lambda dialog: (page.dialogs.append(dialog), dialog.dismiss())
        )
        yield page
