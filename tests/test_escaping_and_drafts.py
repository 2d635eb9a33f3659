"""Hostile metadata stays text everywhere; drafts are never published."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from conftest import Project, parse_html

HOSTILE_TITLE = "</script><script>alert(1)</script>"
HOSTILE_DESCRIPTION = '"><img src=x onerror=alert(2)>'
HOSTILE_TAG = "<svg onload=alert(3)>"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    project = Project(tmp_path_factory.mktemp("hostile") / "blog")
    project.add_fixture("hostile.md")
    project.add_fixture("draft.md")
    result = project.invoke("build", "--production")
    assert result.returncode == 0, result.stderr
    return project.output


def html_files(site):
    return sorted(site.rglob("*.html"))


def test_no_injected_elements_or_handlers(hostile_site):
    for page in html_files(hostile_site):
        soup = parse_html(page)
        scripts = [
            s for s in soup.find_all("script") if s.get("type") != "application/ld+json"
        ]
        assert scripts == [], page
        assert soup.find("svg", attrs={"onload": True}) is None, page
        for element in soup.find_all(True):
            handlers = [name for name in element.attrs if name.lower().startswith("on")]
            assert handlers == [], (page, element.name)


def test_hostile_metadata_reads_back_as_text(hostile_site):
    [page] = [
        p
        for p in html_files(hostile_site)
        if HOSTILE_TITLE in parse_html(p).h1.get_text()
    ] or [None]
    assert page is not None, "the hostile title is not shown as text in an h1"
    soup = parse_html(page)
    assert soup.title.get_text().startswith(HOSTILE_TITLE)
    description = soup.find("meta", attrs={"name": "description"})
    assert description["content"] == HOSTILE_DESCRIPTION
    tag_links = [
        a.get_text(strip=True) for a in soup.select("article a[href*='/tags/']")
    ]
    assert HOSTILE_TAG in tag_links


def test_feeds_parse_and_carry_the_title_as_text(hostile_site):
    feed = ET.parse(hostile_site / "feeds" / "all.atom.xml")
    ns = {"atom": "http://www.w3.org/2005/Atom"}
    titles = [t.text for t in feed.findall("atom:entry/atom:title", ns)]
    assert HOSTILE_TITLE in titles


def test_draft_is_in_no_page_or_feed(hostile_site):
    for path in hostile_site.rglob("*"):
        if path.suffix in {".html", ".xml"}:
            text = path.read_text(encoding="utf-8")
            assert "secret draft" not in text, path
            assert "drafts-only" not in text, path
    assert not (hostile_site / "posts" / "draft").exists()
    assert not (hostile_site / "drafts").exists()
