"""Shared fixtures: the fixture blog built once, copies of the project, Chromium.

Tests run in tiers (markers in pyproject.toml). `invoke test --fast` runs the
tests that carry none of them. A test joins a tier through the fixtures it
uses (TIER_OF_FIXTURE, directly or through another fixture) or through its
module's `pytestmark`.
"""

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

from fixture_blog import write, write_content
from live_site import SITE
from press import build
from site_checks.browser import chromium
from socratic_blog import plugin

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED_POST = "posts/so-you-are-opentowork/index.md"
SETTINGS = {False: ROOT / "pelicanconf.py", True: ROOT / "publishconf.py"}

PROJECT_FILES = (
    "pelicanconf.py",
    "publishconf.py",
    "tasks.py",
    "theme",
    "plugins",
)
# Fixtures that bring a slow tool into a test, and the tier that makes it.
TIER_OF_FIXTURE = {
    "browser": "browser",  # Chromium
    "project": "slow",  # a copy of the project, driven by `invoke` in a subprocess
}


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark each test with the tiers of the fixtures it uses, before `-m` selects."""
    for item in items:
        for name in getattr(item, "fixturenames", ()):
            if name in TIER_OF_FIXTURE:
                item.add_marker(TIER_OF_FIXTURE[name])


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


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory) -> Path:
    """The fixture blog (tests/fixture_blog.py), built once for the preview."""
    folder = tmp_path_factory.mktemp("fixture-site")
    return build_blog(write_content(folder / "content"), folder)


@pytest.fixture(scope="session")
def live(tmp_path_factory) -> Path:
    """The fixture blog built for production at live_site.SITE (feeds, cards)."""
    folder = tmp_path_factory.mktemp("live")
    return build_blog(
        write_content(folder / "content"), folder, production=True, SITEURL=SITE
    )


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Path:
    """The seed post and its cover, as they are in content/, built once.

    Only the seed is copied, for its own promises: another post in content/,
    even a broken one, never fails a test.
    """
    folder = tmp_path_factory.mktemp("real-site")
    for relative in (SEED_POST, "images/opentowork.png"):
        write(folder / "content" / relative, (ROOT / "content" / relative).read_bytes())
    return build_blog(folder / "content", folder)


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


@pytest.fixture
def project(tmp_path) -> Project:
    """A fresh copy of the project holding the fixture blog."""
    return Project(tmp_path / "blog")


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, launched once for the session."""
    with chromium() as launched:
        yield launched


@pytest.fixture
def browser_page(browser):
    """A page in Chromium that refuses every request leaving 127.0.0.1.

    It records the refused URLs (`outside`), dialogs and CSP violations.
    """
    context = browser.new_context()
    page = context.new_page()
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
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog), dialog.dismiss()))
    try:
        yield page
    finally:
        context.close()
