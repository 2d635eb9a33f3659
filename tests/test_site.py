"""The real site, built once: structure, callout, cover, tags, escaping, drafts."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Tag
from markdown_it import MarkdownIt

from conftest import SEED, parse_html, published_posts

ARTICLE = "posts/so-you-are-opentowork/index.html"
BLOCKS = {"ul", "ol", "li", "blockquote", "p", "pre"}
HEADING = re.compile("^h[1-6]$")


def seed_body() -> str:
    """Return the seed post's Markdown, without its front matter."""
    return SEED.read_text(encoding="utf-8").split("---\n", 2)[2]


def block_tree(element: Tag) -> list[str]:
    """Describe the nesting of block elements, one indented line each.

    A callout stands for the fenced block it came from, so it reads as `pre`.
    Headings read as their level below the highest one (the site starts a
    post's outline at h2, CommonMark keeps the author's ###).
    """
    lines: list[str] = []
    top = min(int(h.name[1]) for h in element.find_all(HEADING))

    def walk(node: Tag, depth: int) -> None:
        for child in node.find_all(True, recursive=False):
            if "callout" in (child.get("class") or []):
                lines.append("  " * depth + "pre")
            elif HEADING.match(child.name):
                lines.append("  " * depth + f"heading+{int(child.name[1]) - top}")
            elif child.name in BLOCKS:
                lines.append("  " * depth + child.name)
                walk(child, depth + 1)
            else:
                walk(child, depth)

    walk(element, 0)
    return lines


def article_body(soup: BeautifulSoup) -> Tag:
    """Return the element that holds the rendered Markdown of the article."""
    [heading] = [
        h for h in soup.find_all(HEADING) if h.get_text() == "divide and conquer"
    ]
    return heading.parent


def test_seed_title_is_the_only_h1(site):
    soup = parse_html(site / ARTICLE)
    assert [h1.get_text(strip=True) for h1 in soup.find_all("h1")] == [
        "so you are #opentowork?"
    ]
    assert soup.title.get_text().startswith("so you are #opentowork?")


def test_seed_nests_like_commonmark(site):
    reference = BeautifulSoup(
        MarkdownIt("commonmark").render(seed_body()), "html.parser"
    )
    ours = article_body(parse_html(site / ARTICLE))
    assert block_tree(ours) == block_tree(reference)
    headings = [h.get_text(strip=True) for h in ours.find_all(HEADING)]
    assert headings == [h.get_text(strip=True) for h in reference.find_all(HEADING)]


def test_post_outline_starts_at_h2_below_the_title(site):
    ours = article_body(parse_html(site / ARTICLE))
    levels = [h.name for h in ours.find_all(HEADING)]
    assert levels[:3] == ["h2", "h2", "h2"]
    assert "h3" in levels
    assert "h1" not in levels


def test_information_fence_is_a_note_with_a_three_item_list(site):
    soup = parse_html(site / ARTICLE)
    callouts = soup.select("div.callout.callout-information")
    assert len(callouts) == 1
    callout = callouts[0]
    assert callout["role"] == "note"
    assert callout.find_parent("aside") is None
    assert "Information" in callout.select_one(".callout-title").get_text()
    assert callout.select_one("svg")["aria-hidden"] == "true"
    body = callout.select_one(".callout-body")
    assert body.p.get_text().startswith("translated from french by ChatGPT")
    items = body.select("ul > li")
    assert len(items) == 3
    assert items[0].get_text() == "translate follow text from french"
    assert not soup.select("code.language-information, .language-information")


def test_cover_is_copied_and_shown_with_size_and_alt(site):
    soup = parse_html(site / ARTICLE)
    covers = [img for img in soup.find_all("img") if "opentowork.png" in img["src"]]
    assert covers, "the cover is not shown"
    hero = covers[0]
    assert hero["src"] == "/images/opentowork.png"
    assert (hero["width"], hero["height"]) == ("1200", "630")
    assert hero["alt"] == "so you are #opentowork?"
    copied = site / "images" / "opentowork.png"
    assert (
        copied.read_bytes()
        == (SEED.parent / "../../images/opentowork.png").read_bytes()
    )


def test_article_shows_date_author_and_tags(site):
    soup = parse_html(site / ARTICLE)
    article = soup.find("article")
    assert article.find("time")["datetime"].startswith("2024-03-09T00:00:00+01:00")
    assert "socraticDev" in article.get_text()
    assert article.find("a", href="/tags/career/")


def test_career_tag_page_links_to_every_career_post(site):
    soup = parse_html(site / "tags" / "career" / "index.html")
    links = {a["href"] for a in soup.select("main a[href^='/posts/']")}
    career = {
        f"/posts/{slug}/"
        for slug, f in published_posts().items()
        if "career" in f["tags"]
    }
    assert "/posts/so-you-are-opentowork/" in links
    assert links == career


def tag_counts(site) -> dict[str, int]:
    """Read the tags index: tag name → the post count printed next to it."""
    soup = parse_html(site / "tags" / "index.html")
    counts = {}
    for link in soup.select("main a[href^='/tags/']"):
        match = re.search(r"(\d+)", link.find_parent("li").get_text())
        counts[link.get_text(strip=True)] = int(match.group(1))
    return counts


def test_tags_index_lists_every_tag_with_its_count(site):
    pages = sorted((site / "tags").glob("*/index.html"))
    expected = {}
    for page in pages:
        soup = parse_html(page)
        expected_name = page.parent.name
        posts = {a["href"] for a in soup.select("main a[href^='/posts/']")}
        expected[expected_name] = len(posts)
    counts = tag_counts(site)
    posts = published_posts().values()
    assert counts["career"] == sum("career" in post["tags"] for post in posts)
    assert {name.lower(): n for name, n in counts.items()} == expected


def test_site_has_home_archives_about_and_404(site):
    home = parse_html(site / "index.html")
    assert home.find("a", href="/posts/so-you-are-opentowork/")
    assert parse_html(site / "archives" / "index.html").find(
        "a", href="/posts/so-you-are-opentowork/"
    )
    assert parse_html(site / "about" / "index.html").find("h1").get_text(strip=True)
    not_found = parse_html(site / "404.html")
    assert not_found.find("a", href="/")
    assert all(
        link["href"].startswith("/") for link in not_found.find_all("link", href=True)
    )


def test_typogrify_curls_prose_quotes_but_never_code(site):
    article = parse_html(site / ARTICLE).find("article")
    assert "It\u2019s harder" in article.get_text()
    guide = parse_html(site / "posts" / "live-coding-interview" / "index.html")
    code = guide.select_one("div.language-python code").get_text()
    assert 'first_unique_char("swiss") == "w"' in code
    assert "\u201c" not in code and "\u2019" not in code


def test_home_lists_every_post_with_date_reading_time_and_summary(site):
    home = parse_html(site / "index.html")
    posts = sorted(p.parent.name for p in (site / "posts").glob("*/index.html"))
    for slug in posts:
        link = home.find("a", href=f"/posts/{slug}/")
        assert link is not None, slug
        card = link.find_parent("article")
        assert card.find("time")["datetime"]
        assert re.search(r"\d+ min read", card.get_text())
    seed_card = home.find("a", href="/posts/so-you-are-opentowork/").find_parent(
        "article"
    )
    thumb = seed_card.find("img")
    assert thumb["loading"] == "lazy"
    assert (thumb["width"], thumb["height"]) == ("1200", "630")
    assert "After Elon Musk started laying off people" in seed_card.get_text()


def test_post_heading_ids_never_clash_with_the_theme(project):
    headings = ["Main", "Site main", "Filed under", "Related", "Share", "Toc", "Search"]
    body = "\n\n".join(f"## {heading}\n\nText." for heading in headings)
    project.add(
        "posts/clash/index.md",
        f'---\ntitle: "clash"\ndate: 2024-05-01\ntags: [career]\n---\n\n{body}\n',
    )
    result = project.invoke("build")
    assert result.returncode == 0, result.stderr
    soup = parse_html(project.output / "posts/clash/index.html")
    ids = [element["id"] for element in soup.find_all(id=True)]
    assert len(ids) == len(set(ids)), sorted(ids)
    assert soup.select_one("a.skip-link")["href"] == "#site--main"
