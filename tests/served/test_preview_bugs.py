"""A bug of ours in a rebuild: the preview says so over the page and keeps running."""

from __future__ import annotations

import pytest

from site_checks.browser import wait_until
from tests.support.builds import edit
from tests.support.fixture_blog import JOB_HUNT
from tests.support.serving import serving

pytestmark = [pytest.mark.browser, pytest.mark.server]

POST = f"content/posts/{JOB_HUNT.slug}/index.md"
OVERLAY = "document.getElementById('preview-error')"


def test_a_bug_shows_its_traceback_in_the_overlay_and_the_preview_goes_on(
    project, tmp_path, browser_page
):
    project.add_plugin("raise_a_bug")
    asked = tmp_path / "raise"
    with serving(project.root, JOB_HUNT.url, RAISE_A_BUG=str(asked)) as url:
        browser_page.goto(url + JOB_HUNT.url)
        wait_until(browser_page, "window.previewConnected === true")

        asked.write_text("bug", encoding="utf-8")
        edit(project.root / POST, "divide and conquer", "divide and fail")
        wait_until(browser_page, f"{OVERLAY} !== null")
        shown = browser_page.inner_text("#preview-error")
        assert "RuntimeError: a bug in a plugin; this is a bug in the build" in shown
        assert "Traceback (most recent call last)" in shown
        assert 'raise_a_bug.py", line' in shown

        asked.unlink()
        edit(project.root / POST, "divide and fail", "divide and recover")
        wait_until(
            browser_page, "document.body.innerText.includes('divide and recover')"
        )
        wait_until(browser_page, "window.previewConnected === true")
        assert browser_page.query_selector("#preview-error") is None
