"""Reading features on generated sites: contents, neighbours, related, pages, years."""

from __future__ import annotations

import re

import pytest
from PIL import Image

from tests.support.builds import build_blog, parse_html
from tests.support.fixture_blog import COVER, JOB_HUNT, LIVE_CODING, POSTS, write

# Fourteen guides over two years (11 in career), plus a short post in 2022.
GUIDES = [
    (f"guide-{number:02d}", f"{2023 + number // 7}-{number % 7 + 1:02d}-15", tags)
    for number, tags in enumerate(
        [["career", "salary"]] * 2 + [["career"]] * 9 + [["hobby"]] * 2
    )
]
HOBBY = {f"/posts/{slug}/" for slug, _, tags in GUIDES if tags == ["hobby"]}
HEADINGS = "\n\n".join(f"### part {n}\n\nText {n}." for n in range(1, 4))


def guide(slug: str, date: str, tags: list[str], body: str = HEADINGS) -> str:
    tag_lines = "".join(f"  - {tag}\n" for tag in tags)
    return f'---\ntitle: "{slug}"\ndate: {date}\ntags:\n{tag_lines}---\n\n{body}\n'


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    folder = tmp_path_factory.mktemp("reading")
    content = folder / "content"
    for slug, date, tags in GUIDES:
        write(content / "posts" / slug / "index.md", guide(slug, date, tags))
    two = "### only\n\nOne.\n\n### two\n\nTwo."
    short = guide("short", "2022-05-01", ["misc"], two)
    write(content / "posts" / "short" / "index.md", short)
    return build_blog(content, folder)


def posts_by_date(site) -> list[str]:
    """Read the archives: post URLs, newest first."""
    return [
        a["href"] for a in parse_html(site / "archives/index.html").select("main li a")
    ]


def test_contents_list_every_section_of_posts_with_three_headings(generated):
    soup = parse_html(generated / "posts/guide-03/index.html")
    toc = soup.select_one("nav.toc")
    assert toc["aria-labelledby"] == "site--toc"
    links = [(a["href"], a.get_text()) for a in toc.select("a")]
    assert links == [
        ("#part-1", "part 1"),
        ("#part-2", "part 2"),
        ("#part-3", "part 3"),
    ]
    for href, _ in links:
        assert soup.select_one(f".prose h2{href}")


def test_posts_with_fewer_than_three_headings_have_no_contents(generated):
    assert parse_html(generated / "posts/short/index.html").select("nav.toc") == []


def test_contents_nest_subsections(dev_build):
    soup = parse_html(dev_build / JOB_HUNT.page)
    top = [li.a.get_text() for li in soup.select("nav.toc > ol > li")]
    assert top == ["divide and conquer", "secure an interview", "keep a log"]
    nested = soup.select("nav.toc ol ol a")
    assert [a["href"] for a in nested] == [
        "#their-objectives-are-diverse",
        "#your-interview-went-well-if",
    ]


def test_contents_read_exactly_like_the_headings(dev_build):
    with_contents = 0
    for post in POSTS:
        soup = parse_html(dev_build / post.page)
        entries = [a.get_text() for a in soup.select("nav.toc a")]
        headings = [h.get_text() for h in soup.select(".prose :is(h2, h3)")]
        if len(headings) >= 3:
            assert entries == headings, post.slug
            with_contents += 1
        else:
            assert entries == [], post.slug
    assert with_contents >= 3
    salary = parse_html(dev_build / "posts/salary-talk/index.html")
    entries = [a.get_text() for a in salary.select("nav.toc a")]
    assert entries[0] == "know what you\u2019re worth"
    assert not [entry for entry in entries if "'" in entry or '"' in entry]


def test_older_and_newer_links_follow_the_dates(generated):
    ordered = posts_by_date(generated)
    assert len(ordered) == len(GUIDES) + 1
    for index, url in enumerate(ordered):
        soup = parse_html(generated / url.strip("/") / "index.html")
        newer = soup.select_one("nav.post-nav a[rel=next]")
        older = soup.select_one("nav.post-nav a[rel=prev]")
        assert (newer["href"] if newer else None) == (
            ordered[index - 1] if index else None
        )
        assert (older["href"] if older else None) == (
            ordered[index + 1] if index + 1 < len(ordered) else None
        )


def test_related_guides_share_the_most_tags(generated):
    soup = parse_html(generated / "posts/guide-00/index.html")
    related = [a["href"] for a in soup.select("section.related a")]
    # guide-01 shares two tags; then the newest posts that share one.
    skipped = {"/posts/guide-00/", "/posts/guide-01/", "/posts/short/", *HOBBY}
    one_tag = [url for url in posts_by_date(generated) if url not in skipped]
    assert related == ["/posts/guide-01/", *one_tag[:2]]
    hobby = parse_html(generated / "posts/guide-11/index.html")
    assert [a["href"] for a in hobby.select("section.related a")] == [
        "/posts/guide-12/"
    ]
    lonely = parse_html(generated / "posts/short/index.html")
    assert lonely.select("section.related") == []


def cards(page) -> list[str]:
    return [a["href"] for a in parse_html(page).select("main .card-title a")]


def test_home_and_tag_pages_show_ten_posts_a_page(generated):
    ordered = posts_by_date(generated)
    assert cards(generated / "index.html") == ordered[:10]
    assert cards(generated / "page/2/index.html") == ordered[10:]
    home = parse_html(generated / "index.html")
    assert home.select_one("nav.pagination a[rel=next]")["href"] == "/page/2/"
    career = [url for url in ordered if url not in {"/posts/short/", *HOBBY}]
    assert len(career) == 11
    assert cards(generated / "tags/career/index.html") == career[:10]
    assert cards(generated / "tags/career/page/2/index.html") == career[10:]


def test_archives_group_posts_by_year_newest_first(generated):
    soup = parse_html(generated / "archives/index.html")
    years = [s.h2.get_text() for s in soup.select("section.archive-year")]
    assert years == ["2024", "2023", "2022"]
    for section in soup.select("section.archive-year"):
        dates = [t["datetime"] for t in section.select("time")]
        assert dates == sorted(dates, reverse=True)
        assert all(d.startswith(section.h2.get_text()) for d in dates)


WEBP = COVER.replace(".png", ".webp")


def test_cover_is_a_picture_with_a_webp_copy(dev_build):
    soup = parse_html(dev_build / JOB_HUNT.page)
    picture = soup.select_one("picture:has(img.hero)")
    source = picture.select_one("source")
    assert (source["srcset"], source["type"]) == (f"/{WEBP}", "image/webp")
    hero = picture.img
    assert (hero["loading"], hero["fetchpriority"]) == ("eager", "high")
    with Image.open(dev_build / WEBP) as webp:
        assert (webp.format, webp.size) == ("WEBP", (1200, 630))
    png = (dev_build / COVER).stat().st_size
    assert (dev_build / WEBP).stat().st_size < png / 2


def test_list_covers_are_lazy_webp_pictures_with_empty_alt(dev_build):
    for page in ("index.html", "tags/career/index.html"):
        card = parse_html(dev_build / page).select_one("picture:has(img.card-cover)")
        assert card.source["srcset"] == f"/{WEBP}"
        assert (card.img["loading"], card.img["alt"]) == ("lazy", "")
        assert not card.img.has_attr("fetchpriority")


def test_pages_carry_no_script_and_set_their_language(dev_build):
    pages = sorted(dev_build.rglob("*.html"))
    assert len(pages) > 10
    for page in pages:
        soup = parse_html(page)
        assert soup.html["lang"] == "en", page
        scripts = soup.find_all("script", type=lambda t: t != "application/ld+json")
        # The search page runs Pagefind's search box (tests/test_search.py); a
        # page with code, the copy buttons' script (tests/plugin/test_code_fences.py).
        if page == dev_build / LIVE_CODING.page:
            assert [script["src"] for script in scripts] == ["/theme/js/code.js"]
        elif page != dev_build / "search" / "index.html":
            assert scripts == [], page
        assert not re.search(r"\son[a-z]+=", page.read_text(encoding="utf-8")), page
