"""The fixture blog, built once: pages, outline, cover, tags, home, typography."""

from __future__ import annotations

import re

from tests.support.builds import parse_html
from tests.support.fixture_blog import (
    COVER,
    JOB_HUNT,
    LIVE_CODING,
    POSTS,
    TAGS,
    THEME_WORDS,
    cover_png,
)

HEADING = re.compile("^h[1-6]$")


def test_the_title_is_the_only_h1(dev_build):
    soup = parse_html(dev_build / JOB_HUNT.page)
    assert [h1.get_text(strip=True) for h1 in soup.find_all("h1")] == [JOB_HUNT.title]
    assert soup.title.get_text().startswith(JOB_HUNT.title)


def test_post_outline_starts_at_h2_below_the_title(dev_build):
    prose = parse_html(dev_build / JOB_HUNT.page).select_one(".prose")
    levels = [(h.name, h.get_text()) for h in prose.find_all(HEADING)]
    # The author wrote ### and ####: they become h2 and h3.
    assert levels == [
        ("h2", "divide and conquer"),
        ("h2", "secure an interview"),
        ("h3", "their objectives are diverse"),
        ("h3", "your interview went well if"),
        ("h2", "keep a log"),
    ]


def test_cover_is_copied_and_shown_with_size_and_alt(dev_build):
    soup = parse_html(dev_build / JOB_HUNT.page)
    hero = soup.select_one("article img.hero")
    assert hero["src"] == f"/{COVER}"
    assert (hero["width"], hero["height"]) == ("1200", "630")
    assert hero["alt"] == JOB_HUNT.title
    assert (dev_build / COVER).read_bytes() == cover_png()


def test_article_shows_date_author_and_tags(dev_build):
    article = parse_html(dev_build / LIVE_CODING.page).find("article")
    assert article.find("time")["datetime"].startswith("2024-06-15T00:00:00+02:00")
    assert "socraticDev" in article.get_text()
    tags = [a["href"] for a in article.select("header a[href^='/tags/']")]
    assert tags == ["/tags/career/", "/tags/interviews/"]


def test_each_tag_page_links_to_exactly_its_posts(dev_build):
    for tag in TAGS:
        soup = parse_html(dev_build / "tags" / tag / "index.html")
        links = {a["href"] for a in soup.select("main a[href^='/posts/']")}
        assert links == {post.url for post in POSTS if tag in post.tags}, tag


def tag_counts(site) -> dict[str, int]:
    """Read the tags index: tag name → the post count printed next to it."""
    soup = parse_html(site / "tags" / "index.html")
    counts = {}
    for link in soup.select("main a[href^='/tags/']"):
        match = re.search(r"(\d+)", link.find_parent("li").get_text())
        counts[link.get_text(strip=True)] = int(match.group(1))
    return counts


def test_tags_index_lists_every_tag_with_its_count(dev_build):
    assert tag_counts(dev_build) == {
        tag: sum(tag in post.tags for post in POSTS) for tag in TAGS
    }


def test_site_has_home_archives_about_and_404(dev_build):
    home = parse_html(dev_build / "index.html")
    assert home.find("a", href=JOB_HUNT.url)
    archives = parse_html(dev_build / "archives" / "index.html")
    assert archives.find("a", href=JOB_HUNT.url)
    assert parse_html(dev_build / "about" / "index.html").h1.get_text() == "About"
    not_found = parse_html(dev_build / "404.html")
    assert not_found.find("a", href="/")
    assert all(
        link["href"].startswith("/") for link in not_found.find_all("link", href=True)
    )


def test_typogrify_curls_prose_quotes_but_never_code(dev_build):
    article = parse_html(dev_build / JOB_HUNT.page).find("article")
    assert "It\u2019s harder" in article.get_text()
    guide = parse_html(dev_build / LIVE_CODING.page)
    code = guide.select_one("div.language-python code").get_text()
    assert 'first_unique_char("swiss") == "w"' in code
    assert "\u201c" not in code and "\u2019" not in code


def test_home_lists_every_post_with_date_reading_time_and_summary(dev_build):
    home = parse_html(dev_build / "index.html")
    for post in POSTS:
        link = home.find("a", href=post.url)
        assert link is not None, post.slug
        card = link.find_parent("article")
        assert card.find("time")["datetime"].startswith(post.date)
        assert re.search(r"\d+ min read", card.get_text())
    card = home.find("a", href=JOB_HUNT.url).find_parent("article")
    thumb = card.find("img")
    assert thumb["loading"] == "lazy"
    assert (thumb["width"], thumb["height"]) == ("1200", "630")
    assert "Looking for a developer job takes longer" in card.get_text()


def test_post_heading_ids_never_clash_with_the_theme(dev_build):
    soup = parse_html(dev_build / THEME_WORDS.page)
    ids = [element["id"] for element in soup.find_all(id=True)]
    assert len(ids) == len(set(ids)), sorted(ids)
    assert len(soup.select(".prose h2[id]")) == 7
    assert soup.select_one("a.skip-link")["href"] == "#site--main"


def test_search_is_in_the_nav_and_its_page_explains_a_missing_index(dev_build):
    home = parse_html(dev_build / "index.html")
    assert home.select_one("nav a[href='/search/']").get_text() == "Search"
    page = parse_html(dev_build / "search" / "index.html")
    assert page.find(id="search")["data-bundle"] == "/pagefind/"
    assert page.find(id="search-unavailable").has_attr("hidden")
    assert not (dev_build / "pagefind").exists(), "the preview build skips indexing"
