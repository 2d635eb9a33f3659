"""The Content-Security-Policy: in every page's <meta>, in _headers, and enforced."""

from __future__ import annotations

from pathlib import Path

import pytest

from press import build
from press.ports import free_port
from site_checks.browser import page_at
from site_checks.nginx import StaticHost
from tests.support.builds import ROOT, parse_html, settings_for

POST = """---
title: Raw HTML
date: 2024-05-01
---

A paragraph.

<script>document.title = "ran"</script>

<p style="color: red" onclick="alert(1)">Styled.</p>

<iframe src="https://www.youtube-nocookie.com/embed/x" title="A talk"></iframe>

<iframe src="https://tracker.example/embed" title="Tracked"></iframe>

```html
<script>this is code, not a problem</script>
```

![A chart](https://images.example/chart.png)

<img src="http://cdn.example/x.png" alt="">

![Our own](https://example.org/own.png)

<picture><source srcset="a.png 1x, https://pics.example/big.png 2x"></picture>
"""


def policy(text: str) -> dict[str, str]:
    return {
        d.strip().split(" ", 1)[0]: d.strip().partition(" ")[2]
        for d in text.split(";")
        if d.strip()
    }


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """A site folder holding the raw-HTML post and the hosting files."""
    folder = tmp_path_factory.mktemp("policy")
    post = folder / "content" / "posts" / "raw" / "index.md"
    post.parent.mkdir(parents=True)
    post.write_text(POST, encoding="utf-8")
    # The picture the post's own srcset names (a missing one stops the build).
    (post.parent / "a.png").write_bytes(
        (ROOT / "content/images/opentowork.png").read_bytes()
    )
    extra = folder / "content" / "extra"
    extra.mkdir()
    (extra / "_headers").write_bytes((ROOT / "content/extra/_headers").read_bytes())
    (extra / ".nojekyll").write_bytes(b"")
    return folder


def build_site(folder: Path, capsys) -> list[str]:
    """Build for production with EMBED_HOSTS set; return the policy warnings."""
    errors = build.build(
        ROOT / "publishconf.py",
        settings_for(
            folder,
            folder / "content",
            SITEURL="https://example.org",
            SEARCH_INDEX=False,
            EMBED_HOSTS=["www.youtube-nocookie.com"],
        ),
    )
    assert errors == []
    return [
        line
        for line in capsys.readouterr().err.splitlines()
        if "Security-Policy" in line
    ]


def test_each_blocked_piece_of_html_is_a_warning_with_its_line(site, capsys):
    warnings = build_site(site, capsys)
    where = "content/posts/raw/index.md"
    # The <script> (line 8) and the onclick= handler (line 10) never reach the
    # policy: the reader removes them, with a warning of its own
    # (tests/plugin/test_active_html.py).
    expected = [
        f"{where}:10: style= has no effect under the site's"
        " Content-Security-Policy; use the theme's styles",
        f"{where}:14: an <iframe> from tracker.example is blocked under the site's"
        " Content-Security-Policy; add 'tracker.example' to EMBED_HOSTS in"
        " pelicanconf.py to allow it",
        f"{where}:20: an image from images.example is blocked under the site's"
        " Content-Security-Policy; download it next to the post and link it from"
        " there",
        f"{where}:22: an image from cdn.example is blocked under the site's"
        " Content-Security-Policy; download it next to the post and link it from"
        " there",
        f"{where}:26: an image from pics.example is blocked under the site's"
        " Content-Security-Policy; download it next to the post and link it from"
        " there",
    ]
    assert sorted(line.split(f"{site}/", 1)[1] for line in warnings) == sorted(expected)


def test_every_page_carries_the_header_policy_less_frame_ancestors(site, capsys):
    build_site(site, capsys)
    output = site / "output"
    header = next(
        line.split(":", 1)[1].strip()
        for line in (output / "_headers").read_text().splitlines()
        if "Content-Security-Policy:" in line
    )
    assert policy(header)["frame-ancestors"] == "'none'"
    assert policy(header)["frame-src"] == "'self' https://www.youtube-nocookie.com"
    pages = sorted(output.rglob("*.html"))
    assert len(pages) >= 5
    for page in pages:
        meta = parse_html(page).find(
            "meta", attrs={"http-equiv": "Content-Security-Policy"}
        )
        assert meta is not None, page
        assert policy(meta["content"]) == {
            k: v for k, v in policy(header).items() if k != "frame-ancestors"
        }


@pytest.mark.browser
@pytest.mark.server
def test_a_host_that_sends_no_headers_still_enforces_the_policy(site, capsys, browser):
    build_site(site, capsys)
    host = StaticHost(site / "output", site / "nginx", free_port(), prefix="")
    with host, page_at(browser, host.url + "posts/raw/") as page:
        assert page.title() != "ran"
        styled = page.locator("p", has_text="Styled.")
        assert styled.evaluate("p => getComputedStyle(p).color") != "rgb(255, 0, 0)"
