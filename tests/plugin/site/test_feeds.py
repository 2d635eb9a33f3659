"""Feeds of the fixture blog's production build, read as a feed reader does."""

from __future__ import annotations

import feedparser
import pytest
from bs4 import BeautifulSoup

from press.workers import render as parallel_render
from press.workers.pool import cores
from tests.support.builds import build_blog, parse_html, snapshot
from tests.support.fixture_blog import COVER, JOB_HUNT, TAGS, write_content
from tests.support.live_site import SITE, feeds, file_of, html_pages, post_pages, url_of


def test_feeds_parse_and_list_every_post_with_absolute_links(production_build):
    posts = {url_of(production_build, page) for page in post_pages(production_build)}
    assert {
        f.relative_to(production_build).as_posix() for f in feeds(production_build)
    } >= {
        "feeds/all.atom.xml",
        "feeds/all.rss.xml",
    }
    for feed in feeds(production_build):
        parsed = feedparser.parse(feed.read_bytes())
        assert not parsed.bozo, (feed, parsed.get("bozo_exception"))
        links = {entry.link for entry in parsed.entries}
        assert links <= posts, feed
        for entry in parsed.entries:
            assert file_of(production_build, entry.link).is_file()
        if feed.stem.startswith("all."):
            assert links == posts, feed


def feed_body(entry) -> str:
    """Return an entry's full HTML: Atom's content, or RSS's description."""
    return entry.content[0].value if "content" in entry else entry.summary


def test_feed_entries_carry_the_whole_post_with_absolute_urls(production_build):
    for name in ("all.atom.xml", "all.rss.xml"):
        parsed = feedparser.parse((production_build / "feeds" / name).read_bytes())
        for entry in parsed.entries:
            body = BeautifulSoup(feed_body(entry), "html.parser")
            page = parse_html(file_of(production_build, entry.link)).select_one(
                ".prose"
            )
            last_paragraph = page.find_all("p")[-1].get_text(" ", strip=True)
            assert last_paragraph in body.get_text(" ", strip=True), entry.link
            for element in body.find_all(href=True) + body.find_all(src=True):
                url = element.get("href") or element.get("src")
                assert url.startswith(f"{SITE}/"), (entry.link, url)
                assert file_of(production_build, url).is_file(), url


def test_feed_entry_shows_the_cover_and_lists_tags_only(production_build):
    parsed = feedparser.parse(
        (production_build / "feeds" / "all.atom.xml").read_bytes()
    )
    [entry] = [e for e in parsed.entries if e.link == f"{SITE}{JOB_HUNT.url}"]
    cover = BeautifulSoup(feed_body(entry), "html.parser").img
    assert cover["src"] == f"{SITE}/{COVER}"
    assert cover["alt"] == JOB_HUNT.title
    assert [tag.term for tag in entry.tags] == list(JOB_HUNT.tags)


def test_each_tag_has_atom_and_rss_feeds_of_its_posts(production_build):
    tag_pages = sorted((production_build / "tags").glob("*/index.html"))
    assert [page.parent.name for page in tag_pages] == list(TAGS)
    for page in tag_pages:
        slug = page.parent.name
        listed = {
            a["href"] for a in parse_html(page).select("main .card-title a[href]")
        }
        for kind in ("atom", "rss"):
            feed = production_build / "feeds" / "tags" / f"{slug}.{kind}.xml"
            parsed = feedparser.parse(feed.read_bytes())
            assert not parsed.bozo, feed
            assert {entry.link for entry in parsed.entries} == listed, feed


def test_every_page_head_links_the_feeds(production_build):
    for page in html_pages(production_build):
        soup = parse_html(page)
        alternates = {
            link["type"]: link["href"]
            for link in soup.head.find_all("link", rel="alternate")
        }
        assert alternates["application/atom+xml"].startswith(f"{SITE}/feeds/")
        assert alternates["application/rss+xml"].startswith(f"{SITE}/feeds/")
        for href in alternates.values():
            assert file_of(production_build, href).is_file(), (page, href)
    career = parse_html(production_build / "tags" / "career" / "index.html")
    hrefs = {link["href"] for link in career.head.find_all("link", rel="alternate")}
    assert f"{SITE}/feeds/tags/career.atom.xml" in hrefs
    assert f"{SITE}/feeds/tags/career.rss.xml" in hrefs


@pytest.mark.skipif(cores() < 2, reason="forked workers need 2+ cores")
def test_feeds_written_by_forked_workers_equal_those_written_in_turn(
    tmp_path, monkeypatch
):
    content = write_content(tmp_path / "content")
    monkeypatch.setattr(parallel_render, "WORTH_FORKING", 1)
    forked = build_blog(content, tmp_path / "forked", production=True, SITEURL=SITE)
    monkeypatch.setattr(parallel_render, "WORTH_FORKING", 10**6)
    in_turn = build_blog(content, tmp_path / "in-turn", production=True, SITEURL=SITE)
    written = snapshot(forked)
    assert any(name.startswith("feeds/tags/") for name in written)
    assert written == snapshot(in_turn)


def test_feeds_hold_the_twenty_newest_posts_whole(tmp_path):
    content = tmp_path / "content"
    for day in range(1, 26):
        post = content / f"posts/day-{day:02}/index.md"
        post.parent.mkdir(parents=True)
        post.write_text(
            f"---\ntitle: Day {day}\ndate: 2024-03-{day:02}\ntags:\n  - daily\n---\n\n"
            f"Notes of day {day}.\n",
            encoding="utf-8",
        )
    output = build_blog(content, tmp_path, production=True, SITEURL=SITE)
    for name in ("all.atom.xml", "all.rss.xml", "tags/daily.atom.xml"):
        parsed = feedparser.parse((output / "feeds" / name).read_bytes())
        titles = [entry.title for entry in parsed.entries]
        assert titles == [f"Day {day}" for day in range(25, 5, -1)], name
        assert "Notes of day 25." in feed_body(parsed.entries[0])
