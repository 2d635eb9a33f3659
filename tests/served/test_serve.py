"""`invoke serve` builds, serves on loopback, and rebuilds when files change.

Between edits the content cache is warm, so every change below must reach a
post whose file did not change since the last rebuild.
"""

from __future__ import annotations

import time
import urllib.request
from collections.abc import Callable

import pytest

from site_checks.browser import wait_until
from tests.support.builds import edit
from tests.support.fixture_blog import JOB_HUNT
from tests.support.serving import serving

pytestmark = pytest.mark.server

ARTICLE = JOB_HUNT.url
POST = f"content/posts/{JOB_HUNT.slug}/index.md"


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode()


def wait_for(check: Callable[[], bool], seconds: float = 30) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if check():
                return True
        except OSError:
            pass
        time.sleep(0.2)
    return False


@pytest.fixture
def served(project):
    """`invoke serve` in a copy of the project, once the article answers."""
    with serving(project.root, ARTICLE) as url:
        yield project, url


# Each edit in turn (file, old text, new text) and what the page then shows.
EDITS = [
    (POST, "divide and conquer", "divide and rule", "divide and rule"),
    ("theme/templates/base.html", "<main", "<!-- theme edited --><main", "edited"),
    (
        "pelicanconf.py",
        'SITENAME = "socraticDev"',
        'SITENAME = "renamedDev"',
        "renamedDev",
    ),
    # A setting the plugin applies in its reader, before the content cache.
    (
        "pelicanconf.py",
        'TYPOGRIFY_OMIT_FILTERS = ["widont"]',
        'TYPOGRIFY_OMIT_FILTERS = ["widont", "smartypants"]',
        "It's harder",
    ),
    (
        "plugins/socratic_blog/markdown/callout.py",
        'title = "Information"',
        'title = "Good to know"',
        "Good to know</p>",
    ),
]


def test_serve_injects_live_reload_and_rebuilds_on_change(served):
    project, url = served
    assert "livereload" in fetch(url + ARTICLE)
    assert "It&#8217;s harder" in fetch(url + ARTICLE)
    for file, old, new, shown in EDITS:
        edit(project.root / file, old, new)
        assert wait_for(lambda shown=shown: shown in fetch(url + ARTICLE)), file


def test_serve_previews_a_new_draft_with_a_banner(served):
    project, url = served
    project.add(
        "posts/new-idea/index.md",
        "---\ntitle: a new idea\ndate: 2024-07-01\ndraft: true\n---\n\nRough.\n",
    )
    assert wait_for(lambda: "draft-banner" in fetch(url + "/posts/new-idea/"))
    assert "new-idea" not in fetch(url + "/")


def test_the_open_page_reloads_after_an_edit(served, browser_page):
    project, url = served
    browser_page.goto(url + ARTICLE)
    browser_page.evaluate("window.beforeTheEdit = true")
    # The reload client must have opened its WebSocket before it can be told.
    wait_until(browser_page, "window.previewConnected === true")
    edit(project.root / POST, "divide and conquer", "divide and reload")
    wait_until(browser_page, "document.body.innerText.includes('divide and reload')")
    assert browser_page.evaluate("window.beforeTheEdit") is None
    assert browser_page.outside == []
    assert browser_page.violations == []
