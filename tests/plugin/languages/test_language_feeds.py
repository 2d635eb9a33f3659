"""Each language's feeds: its own posts, its language said, the standards kept.

The checks of test_feed_standards.py (RFC 4287's required elements, one id
per feed, a feed linking to its page, guids) run on the French feeds of the
bilingual fixture blog, read with feedparser and ElementTree.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import feedparser
import pytest

from tests.support.bilingual_builds import SITE, build_bilingual

ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
FRENCH_POSTS = [
    f"{SITE}/fr/posts/{slug}/"
    for slug in ("salary", "premier-emploi", "rediger-un-cv", "mentorat")
]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build_bilingual(tmp_path_factory.mktemp("feeds"))


def test_the_french_feeds_hold_the_french_posts_only(site):
    for name in ("all.atom.xml", "all.rss.xml"):
        feed = feedparser.parse((site / "fr/feeds" / name).read_bytes())
        assert not feed.bozo, name
        assert feed.feed.language == "fr"
        assert [entry.link for entry in feed.entries] == FRENCH_POSTS
        assert feed.feed.link == f"{SITE}/fr/"
        assert feed.feed.subtitle == "Guides de carrière pour développeurs"
    english = feedparser.parse((site / "feeds/all.atom.xml").read_bytes())
    assert english.feed.language == "en"
    assert not [e.link for e in english.entries if "/fr/" in e.link]


def test_the_language_is_said_as_atom_and_rss_say_it(site):
    atom = ET.parse(site / "fr/feeds/all.atom.xml").getroot()
    assert atom.get(XML_LANG) == "fr"
    rss = ET.parse(site / "fr/feeds/all.rss.xml").getroot()
    assert rss.findtext("channel/language") == "fr"


def test_a_french_tag_feed_lists_its_french_posts_and_links_its_page(site):
    feed = feedparser.parse((site / "fr/feeds/tags/career.atom.xml").read_bytes())
    assert not feed.bozo
    assert [e.link for e in feed.entries] == [
        FRENCH_POSTS[0],
        FRENCH_POSTS[1],
        FRENCH_POSTS[3],
    ]
    assert feed.feed.link == f"{SITE}/fr/tags/career/"
    assert [t.term for t in feed.entries[0].tags] == ["career", "salary"]
    assert not (site / "fr/feeds/tags/interviews.atom.xml").exists()


def test_every_french_atom_feed_keeps_rfc_4287(site):
    roots = {p: ET.parse(p).getroot() for p in (site / "fr").rglob("*.atom.xml")}
    assert len(roots) == 4
    ids = [root.findtext(f"{ATOM}id") for root in roots.values()]
    assert len(set(ids)) == len(ids)
    for path, root in roots.items():
        assert root.findtext(f"{ATOM}id") == f"{SITE}/{path.relative_to(site)}"
        for name in ("id", "title", "updated"):
            assert len(root.findall(f"{ATOM}{name}")) == 1
        for entry in root.findall(f"{ATOM}entry"):
            for name in ("id", "title", "updated"):
                assert len(entry.findall(f"{ATOM}{name}")) == 1


def test_every_french_rss_guid_is_a_permalink_or_says_it_is_not(site):
    guids = [
        g for p in (site / "fr").rglob("*.rss.xml") for g in ET.parse(p).iter("guid")
    ]
    assert guids
    for guid in guids:
        if guid.get("isPermaLink", "true") == "true":
            assert urlsplit(guid.text).scheme in {"http", "https"}
        else:
            assert guid.get("isPermaLink") == "false"


def test_the_french_feed_entries_are_whole_and_absolute(site):
    feed = feedparser.parse((site / "fr/feeds/all.atom.xml").read_bytes())
    salary = feed.entries[0]
    body = salary.content[0].value
    assert f'src="{SITE}/posts/salary/cover.png"' in body
    assert "chaussettes" in body
    assert "Remarque" in body
