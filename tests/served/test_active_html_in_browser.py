"""A post's raw HTML neither redirects nor runs in Chromium (host sends no headers)."""

from __future__ import annotations

import pytest

from press import build
from site_checks.nginx import StaticHost, free_port
from tests.support.builds import ROOT, settings_for
from tests.support.fixture_blog import write

POST = """---
title: Raw HTML
date: 2024-05-01
---

<meta http-equiv="refresh" content="0; url=https://evil.example/">

<base href="https://evil.example/">

<a href="javascript:document.title='ran'" id="run">Run</a>
<img src="https://evil.example/missing.png" alt="" onerror="document.title='ran'">

[A guide](/posts/raw/)
"""


@pytest.mark.server
def test_the_page_stays_and_runs_nothing(tmp_path, browser_page):
    write(tmp_path / "content/posts/raw/index.md", POST)
    overrides = settings_for(
        tmp_path, tmp_path / "content", SITEURL="", SEARCH_INDEX=False
    )
    assert build.build(ROOT / "pelicanconf.py", overrides) == []
    host = StaticHost(tmp_path / "output", tmp_path / "nginx", free_port(), prefix="")
    with host:
        url = host.url + "posts/raw/"
        browser_page.goto(url, wait_until="load")
        browser_page.wait_for_timeout(1500)  # a refresh of 0 s would have gone
        assert browser_page.url == url
        browser_page.click("#run")
        assert browser_page.title() != "ran"
        link = browser_page.get_by_role("link", name="A guide")
        assert link.evaluate("a => a.href") == url
    assert browser_page.outside == []
