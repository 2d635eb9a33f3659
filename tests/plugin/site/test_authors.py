"""Posts with several authors: byline, JSON-LD, feeds, and a page per person."""

from __future__ import annotations

import json

import feedparser
import pytest

from site_checks.validator import nu_errors
from tests.support.builds import parse_html
from tests.support.schema_blog import SITE, Blog


def several_authors(tmp_path) -> Blog:
    blog = Blog(tmp_path)
    blog.post(
        "pair", "title: Pair\ndate: 2024-05-02\nauthors: Ada Lovelace, Alan Turing"
    )
    blog.post(
        "trio", "title: Trio\ndate: 2024-05-03\nauthors: [Grace Hopper, Ada Lovelace]"
    )
    assert blog.build() == []
    return blog


def test_the_byline_and_json_ld_name_every_author(tmp_path):
    blog = several_authors(tmp_path)
    page = parse_html(blog.output / "posts/pair/index.html")
    byline = page.select(".byline .author a")
    assert [(a.get_text(), a["href"]) for a in byline] == [
        ("Ada Lovelace", f"{SITE}/authors/ada-lovelace/"),
        ("Alan Turing", f"{SITE}/authors/alan-turing/"),
    ]
    posting = json.loads(page.select_one('script[type="application/ld+json"]').string)
    assert posting["author"] == [
        {
            "@type": "Person",
            "name": "Ada Lovelace",
            "url": f"{SITE}/authors/ada-lovelace/",
        },
        {
            "@type": "Person",
            "name": "Alan Turing",
            "url": f"{SITE}/authors/alan-turing/",
        },
    ]


def test_each_author_has_a_page_listing_their_posts(tmp_path):
    blog = several_authors(tmp_path)
    page = parse_html(blog.output / "authors/ada-lovelace/index.html")
    assert page.h1.get_text() == "Posts by Ada Lovelace"
    links = {a["href"] for a in page.select("main a[href*='/posts/']")}
    assert {f"{SITE}/posts/pair/", f"{SITE}/posts/trio/"} <= links
    assert (blog.output / "authors/alan-turing/index.html").is_file()


def test_the_feeds_name_every_author(tmp_path):
    blog = several_authors(tmp_path)
    for feed in ("feeds/all.atom.xml", "feeds/all.rss.xml"):
        entries = {
            entry.title: [author.get("name") for author in entry.authors]
            for entry in feedparser.parse((blog.output / feed).read_bytes()).entries
        }
        assert entries["Pair"] == ["Ada Lovelace", "Alan Turing"], feed
        assert entries["Trio"] == ["Grace Hopper", "Ada Lovelace"], feed


def test_a_site_with_one_author_has_no_author_page(tmp_path):
    blog = Blog(tmp_path)  # its post names no author: the site's own is used
    blog.post("solo", "title: Solo\ndate: 2024-05-02\nauthors: [socraticDev]")
    assert blog.build() == []
    assert not (blog.output / "authors").exists()
    page = parse_html(blog.output / "posts/solo/index.html")
    assert str(page.select_one(".byline .author")) == (
        '<span class="author">socraticDev</span>'
    )


def test_an_author_list_names_several_and_a_name_with_a_comma_stays_one(tmp_path):
    blog = Blog(tmp_path)
    blog.post(
        "list", "title: List\ndate: 2024-05-02\nauthor: [Ada Lovelace, Alan Turing]"
    )
    blog.post("comma", "title: Comma\ndate: 2024-05-03\nauthor: Lovelace, Ada")
    assert blog.build() == []
    names = parse_html(blog.output / "posts/list/index.html").select(".byline .author")
    assert [name.get_text() for name in names] == ["Ada Lovelace", "Alan Turing"]
    names = parse_html(blog.output / "posts/comma/index.html").select(".byline .author")
    assert [name.get_text() for name in names] == ["Lovelace, Ada"]


@pytest.mark.java
def test_the_author_page_and_a_post_with_several_authors_are_valid_html(tmp_path):
    blog = several_authors(tmp_path)
    pages = [
        blog.output / "authors/ada-lovelace/index.html",
        blog.output / "posts/pair/index.html",
    ]
    assert nu_errors(pages) == {page: [] for page in pages}
