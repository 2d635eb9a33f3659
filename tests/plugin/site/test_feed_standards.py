"""Feeds checked against RSS 2.0 and RFC 4287 themselves, not a lenient reader."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from press import build
from tests.support.builds import ROOT, parse_html, settings_for

SITEURL = "https://example.org/blog"
ATOM = "{http://www.w3.org/2005/Atom}"
POSTS = {
    "first": "---\ntitle: First\ndate: 2024-05-01\ntags: [career, cv]\n---\n\nHello.\n",
    "untagged": "---\ntitle: No tags\ndate: 2024-04-01\n---\n\nPlain.\n",
    "hostile": (
        "---\ntitle: Hostile\ndate: 2024-05-02\ntags: [career]\n---\n\n"
        "Text <script>alert(1)</script> and "
        '<img src="x.png" alt="x" onerror="alert(2)"> '
        '<a href="javascript:alert(3)" onclick="alert(4)">link</a>\n\n'
        '<iframe src="https://evil.example/"></iframe>\n\n'
        '<p style="color:red">styled</p>\n'
    ),
}


@pytest.fixture(scope="module")
def feeds(tmp_path_factory) -> Path:
    """A production build of two posts with tags; returns its feeds folder."""
    folder = tmp_path_factory.mktemp("feeds")
    for slug, text in POSTS.items():
        post = folder / "content" / "posts" / slug / "index.md"
        post.parent.mkdir(parents=True)
        post.write_text(text, encoding="utf-8")
    (folder / "content" / "posts" / "hostile" / "x.png").write_bytes(
        (ROOT / "content/images/opentowork.png").read_bytes()
    )
    errors = build.build(
        ROOT / "publishconf.py",
        settings_for(folder, folder / "content", SITEURL=SITEURL, SEARCH_INDEX=False),
    )
    assert errors == []
    return folder / "output" / "feeds"


def atom_feeds(feeds: Path) -> dict[str, ET.Element]:
    return {p.name: ET.parse(p).getroot() for p in sorted(feeds.rglob("*.atom.xml"))}


def test_every_rss_guid_is_a_permalink_or_says_it_is_not(feeds):
    guids = [g for p in feeds.rglob("*.rss.xml") for g in ET.parse(p).iter("guid")]
    assert guids
    for guid in guids:
        # RSS 2.0: isPermaLink defaults to true, and then the guid is a URL.
        if guid.get("isPermaLink", "true") == "true":
            assert urlsplit(guid.text).scheme in {"http", "https"}, guid.text
        else:
            assert guid.get("isPermaLink") == "false"


def test_every_atom_feed_has_its_own_id(feeds):
    ids = {name: root.findtext(f"{ATOM}id") for name, root in atom_feeds(feeds).items()}
    assert set(ids) == {"all.atom.xml", "career.atom.xml", "cv.atom.xml"}
    # RFC 4287 4.2.6: an id identifies one feed, permanently and universally.
    assert len(set(ids.values())) == len(ids)
    assert ids["career.atom.xml"] == f"{SITEURL}/feeds/tags/career.atom.xml"


def test_a_tag_feed_links_to_its_tag_page(feeds):
    roots = atom_feeds(feeds)
    alternate = {
        name: [
            link.get("href")
            for link in root.findall(f"{ATOM}link")
            if link.get("rel", "alternate") == "alternate"
        ]
        for name, root in roots.items()
    }
    assert alternate["career.atom.xml"] == [f"{SITEURL}/tags/career/"]
    assert alternate["all.atom.xml"] == [f"{SITEURL}/"]
    rss = ET.parse(feeds / "tags" / "cv.rss.xml").getroot()
    assert rss.findtext("channel/link") == f"{SITEURL}/tags/cv/"


def test_every_atom_entry_has_what_rfc_4287_requires(feeds):
    for root in atom_feeds(feeds).values():
        for name in ("id", "title", "updated"):
            assert len(root.findall(f"{ATOM}{name}")) == 1
        for entry in root.findall(f"{ATOM}entry"):
            for name in ("id", "title", "updated"):
                assert len(entry.findall(f"{ATOM}{name}")) == 1


def entry_html(feeds: Path) -> list[BeautifulSoup]:
    bodies = []
    for path in feeds.rglob("*.xml"):
        root = ET.parse(path).getroot()
        bodies += [e.text for e in root.iter(f"{ATOM}content")]
        bodies += [e.text for e in root.iter("description") if e.text]
    return [BeautifulSoup(body, "html.parser") for body in bodies]


def test_no_script_handler_frame_or_style_reaches_a_feed(feeds):
    hostile = [soup for soup in entry_html(feeds) if "styled" in soup.get_text()]
    assert hostile, "the hostile post is in the feeds"
    for soup in hostile:
        assert soup.find(["script", "iframe", "style", "object", "embed"]) is None
        for tag in soup.find_all(True):
            assert not [name for name in tag.attrs if name.startswith("on")]
            assert "style" not in tag.attrs
            assert not tag.get("href", "").lower().startswith("javascript:")
        assert "alert(1)" not in soup.get_text()
        # The picture (1200 px wide) is shown by its 960-px copy in feeds.
        assert soup.find("img", src=f"{SITEURL}/posts/hostile/x-960w.webp")


def test_a_post_without_tags_has_no_empty_keywords(feeds):
    page = feeds.parent / "posts" / "untagged" / "index.html"
    (posting,) = [
        json.loads(script.string)
        for script in parse_html(page).find_all("script", type="application/ld+json")
    ]
    assert posting["@type"] == "BlogPosting"
    assert "keywords" not in posting
    tagged = feeds.parent / "posts" / "first" / "index.html"
    (posting,) = [
        json.loads(script.string)
        for script in parse_html(tagged).find_all("script", type="application/ld+json")
    ]
    assert posting["keywords"] == "career, cv"
