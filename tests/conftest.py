"""Shared fixtures: the fixture blog built once, copies of the project, Chromium.

Tests run in tiers (markers in pyproject.toml). `invoke test --fast` runs the
tests that carry none of them. A test joins a tier through the fixtures it
uses (TIER_OF_FIXTURE, directly or through another fixture) or through its
module's `pytestmark`.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

from press import build
from site_checks.browser import chromium
from tests.support.builds import ROOT, SEED_POST, Project, build_blog, settings_for
from tests.support.fixture_blog import write, write_content
from tests.support.live_site import SITE
from tests.support.serving import REBINDING

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


@pytest.fixture(scope="session")
def dev_build(tmp_path_factory) -> Path:
    """The fixture blog (tests/fixture_blog.py), built once for the preview."""
    folder = tmp_path_factory.mktemp("fixture-site")
    return build_blog(write_content(folder / "content"), folder)


@pytest.fixture(scope="session")
def production_build(tmp_path_factory) -> Path:
    """The fixture blog built for production at live_site.SITE (feeds, cards)."""
    folder = tmp_path_factory.mktemp("live")
    return build_blog(
        write_content(folder / "content"), folder, production=True, SITEURL=SITE
    )


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory) -> Path:
    """The seed post and its cover, as they are in content/, built once.

    Only the seed is copied, for its own promises: another post in content/,
    even a broken one, never fails a test.
    """
    folder = tmp_path_factory.mktemp("real-site")
    for relative in (SEED_POST, "images/opentowork.png"):
        write(folder / "content" / relative, (ROOT / "content" / relative).read_bytes())
    return build_blog(folder / "content", folder)


@pytest.fixture
def project(tmp_path) -> Project:
    """A fresh copy of the project holding the fixture blog."""
    return Project(tmp_path / "blog")


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, launched once for the session."""
    # One Chromium for the session (sync Playwright allows one per thread); it
    # resolves REBINDING to 127.0.0.1 for the preview's rebinding test.
    with chromium(f"--host-resolver-rules=MAP {REBINDING} 127.0.0.1") as launched:
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


@pytest.fixture
def one_post_site(tmp_path):
    """Build a one-post site (production, under /blog) from the body and files given.

    `site(body, **files)` writes posts/pictures/index.md with that body and each
    file (a path from content/ and its bytes), then returns the build's errors
    and its output folder.
    """

    def run(body: str, **files: bytes) -> tuple[list[str], Path]:
        content = tmp_path / "content"
        post = content / "posts/pictures/index.md"
        write(post, f"---\ntitle: Pictures\ndate: 2024-05-01\n---\n\n{body}\n")
        for relative, data in files.items():
            write(content / relative, data)
        output = tmp_path / "out/site"
        overrides = settings_for(
            tmp_path,
            content,
            OUTPUT_PATH=str(output),
            SITEURL="https://example.org/blog",
            SEARCH_INDEX=False,
        )
        return build.build(ROOT / "publishconf.py", overrides), output

    return run
