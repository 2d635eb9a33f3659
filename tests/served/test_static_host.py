"""The production build, served by nginx under /blog/, crawled by LinkChecker."""

from __future__ import annotations

import pytest

from press.ports import free_port
from site_checks.crawl import fetch
from site_checks.links import SiteReport, check_site
from site_checks.nginx import StaticHost
from tests.support.builds import build_blog, parse_html
from tests.support.fixture_blog import JOB_HUNT, write_content

pytestmark = pytest.mark.server


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """Build the fixture blog for http://127.0.0.1:<port>/blog and serve it."""
    work = tmp_path_factory.mktemp("static-host")
    host = StaticHost(work / "output", work / "nginx", free_port())
    content = write_content(work / "content")
    output = build_blog(content, work, production=True, SITEURL=host.url.rstrip("/"))
    with host:
        yield host, check_site(output, host.url, work / "linkchecker")


@pytest.fixture(scope="module")
def report(served) -> SiteReport:
    return served[1]


def test_the_crawl_finds_no_broken_internal_link(report):
    assert len(report.internal) >= 15
    assert report.broken == []
    assert report.warned == []


def test_the_crawl_reaches_every_built_page(report):
    assert len(report.pages) >= 13
    assert report.pages - report.reached == set()
    assert report.base + JOB_HUNT.url.lstrip("/") in report.reached


def test_stylesheets_and_images_have_their_content_types(report):
    served = {
        url.rsplit(".", 1)[-1]: kind for url, kind in report.content_types.items()
    }
    assert served["css"] == "text/css"
    assert served["png"] == "image/png"
    assert served["svg"] == "image/svg+xml"
    assert report.wrong_types == {}


def test_an_unknown_path_gets_the_designed_404_page(served, report):
    host, _ = served
    missing = report.not_found
    assert missing.status == 404
    assert missing.is_designed_page
    status, kind, body = fetch(host.url + "posts/no-such-guide/")
    assert (status, kind) == (404, "text/html; charset=utf-8")
    assert body == (host.root / "404.html").read_bytes()


def test_the_404_page_works_from_any_depth(served, report):
    host, _ = served
    links = report.not_found.link_status
    page = parse_html(host.root / "404.html")
    stylesheet = page.find("link", rel="stylesheet")["href"]
    assert stylesheet.startswith(host.url)
    assert links[stylesheet] == 200
    assert links[host.url] == 200
    assert set(links.values()) == {200}


def test_the_report_names_what_it_checked(report):
    assert report.problems() == []
    summary = "\n".join(report.summary())
    assert "broken internal links: 0" in summary
    assert f"HTML pages reached: {len(report.pages)} of {len(report.pages)}" in summary


def test_invoke_verify_names_a_broken_link(project):
    project.add(
        "posts/broken-link/index.md",
        "---\ntitle: A broken link\ndate: 2024-01-01\n---\n\n"
        "Read [the missing guide](../no-such-guide/) first.\n",
    )
    result = project.invoke("verify")
    assert result.returncode == 1, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert "broken internal links: 1" in lines
    (broken,) = [line for line in lines if line.startswith("broken: ")]
    assert "/blog/posts/no-such-guide/ (linked from " in broken
    assert "/blog/posts/broken-link/" in broken
    assert "404" in broken
