"""The production build under a sub-path, read by real feed, metadata and XML tools."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import extruct
from PIL import Image

from tests.support.builds import parse_html
from tests.support.fixture_blog import COVER, JOB_HUNT, POSTS
from tests.support.live_site import SITE, file_of, html_pages, post_pages, url_of

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
BLOG_POSTING_FIELDS = (
    "headline",
    "description",
    "datePublished",
    "dateModified",
    "author",
    "image",
    "keywords",
    "mainEntityOfPage",
)
SHARE_HOSTS = {"www.linkedin.com", "s2f.kytta.dev", "bsky.app"}


def test_every_source_post_is_published(production_build):
    assert [p.parent.name for p in post_pages(production_build)] == sorted(
        p.slug for p in POSTS
    )


def test_every_page_has_a_short_plain_description_and_canonical_url(production_build):
    for page in html_pages(production_build):
        soup = parse_html(page)
        description = soup.find("meta", attrs={"name": "description"})["content"]
        assert 0 < len(description) <= 160, page
        assert "<" not in description and ">" not in description, page
        og = {m["property"]: m["content"] for m in soup.find_all("meta", property=True)}
        assert og["og:description"] == description, page
        canonical = soup.head.find("link", rel="canonical")
        if page.name == "404.html":
            assert canonical is None
            assert soup.find("meta", attrs={"name": "robots"})["content"] == "noindex"
        else:
            assert canonical["href"] == url_of(production_build, page), page
            assert og["og:url"] == canonical["href"], page


def structured_data(page: Path, url: str) -> dict:
    """Read a page's JSON-LD, microdata, RDFa and Open Graph with extruct."""
    return extruct.extract(
        page.read_text(encoding="utf-8"),
        base_url=url,
        syntaxes=["json-ld", "microdata", "rdfa", "opengraph"],
    )


def open_graph(data: dict) -> dict[str, list[str]]:
    """Return the page's one Open Graph object: each property's values in order."""
    [graph] = data["opengraph"]
    properties: dict[str, list[str]] = {}
    for name, value in graph["properties"]:
        properties.setdefault(name, []).append(value)
    return properties


def items_of_type(data: dict, kind: str) -> list[dict]:
    """Return the items of schema.org type `kind`, whatever the syntax."""
    found = []
    for syntax in ("json-ld", "microdata", "rdfa"):
        for item in data[syntax]:
            types = item.get("@type") or item.get("type") or []
            types = types if isinstance(types, list) else [types]
            if any(str(t).rsplit("/", 1)[-1] == kind for t in types):
                found.append(item)
    return found


def test_each_post_has_exactly_one_complete_blog_posting(production_build):
    for page in post_pages(production_build):
        url = url_of(production_build, page)
        soup = parse_html(page)
        [posting] = items_of_type(structured_data(page, url), "BlogPosting")
        for field in BLOG_POSTING_FIELDS:
            assert posting.get(field), (page, field)
        assert posting["headline"] == soup.h1.get_text()
        description = soup.find("meta", attrs={"name": "description"})["content"]
        assert posting["description"] == description
        assert posting["datePublished"] == soup.find("time")["datetime"]
        assert posting["dateModified"] >= posting["datePublished"]
        assert posting["author"]["@type"] == "Person"
        assert posting["author"]["name"] == "socraticDev"
        assert posting["author"]["url"] == f"{SITE}/about/"
        assert posting["mainEntityOfPage"]["@id"] == url
        tags = [a.get_text() for a in soup.select("header .tags a")]
        assert posting["keywords"].split(", ") == tags
        image = posting["image"]["url"]
        assert file_of(production_build, image).is_file()
        with Image.open(file_of(production_build, image)) as picture:
            size = picture.size
        assert size == (posting["image"]["width"], posting["image"]["height"])


def test_each_post_has_open_graph_with_an_absolute_existing_image(production_build):
    for page in post_pages(production_build):
        url = url_of(production_build, page)
        og = open_graph(structured_data(page, url))
        soup = parse_html(page)
        assert og["og:type"] == ["article"]
        assert og["og:title"] == [soup.h1.get_text()]
        assert og["og:url"] == [url]
        [image] = og["og:image"]
        assert image.startswith(f"{SITE}/")
        with Image.open(file_of(production_build, image)) as picture:
            assert [str(side) for side in picture.size] == (
                og["og:image:width"] + og["og:image:height"]
            )
        assert og["og:image:alt"][0]
        [published] = og["article:published_time"]
        assert published == soup.find("time")["datetime"]
        assert og["article:modified_time"][0] >= published
        tags = [a.get_text() for a in soup.select("header .tags a")]
        assert og["article:tag"] == tags
        twitter = soup.find("meta", attrs={"name": "twitter:card"})
        assert twitter["content"] == "summary_large_image"


def test_posts_without_a_cover_share_a_generated_card(production_build):
    for post in POSTS:
        page = production_build / post.page
        image = parse_html(page).find("meta", property="og:image")["content"]
        if post.cover:
            assert image == f"{SITE}/{COVER}"
        else:
            assert image == f"{SITE}/posts/{post.slug}/card.png"
            with Image.open(file_of(production_build, image)) as card:
                assert (card.format, card.size) == ("PNG", (1200, 630))
    about = parse_html(production_build / "about" / "index.html").find(
        "meta", property="og:image"
    )
    assert about["content"] == f"{SITE}/about/card.png"


def test_home_page_describes_the_website(production_build):
    data = structured_data(production_build / "index.html", f"{SITE}/")
    [website] = items_of_type(data, "WebSite")
    assert website["url"] == f"{SITE}/"
    assert website["name"] == "socraticDev"
    assert items_of_type(data, "BlogPosting") == []
    og = open_graph(data)
    assert og["og:type"] == ["website"]
    assert file_of(production_build, og["og:image"][0]).is_file()


def test_sitemap_lists_every_published_url_with_lastmod(production_build):
    root = ET.parse(production_build / "sitemap.xml").getroot()
    entries = root.findall("sm:url", SITEMAP_NS)
    locations = [entry.findtext("sm:loc", namespaces=SITEMAP_NS) for entry in entries]
    # The search page is a search box: nothing there for a search engine.
    expected = {
        url_of(production_build, page)
        for page in html_pages(production_build)
        if page.name != "404.html"
        and "/page/" not in page.as_posix()
        and page != production_build / "search" / "index.html"
    }
    assert len(locations) == len(set(locations))
    assert set(locations) == expected
    assert all(loc.startswith(f"{SITE}/") for loc in locations)
    for entry in entries:
        assert entry.findtext("sm:lastmod", namespaces=SITEMAP_NS)
    posts = {url_of(production_build, page) for page in post_pages(production_build)}
    tags = {
        url_of(production_build, p)
        for p in (production_build / "tags").glob("*/index.html")
    }
    assert posts | tags | {f"{SITE}/about/"} <= set(locations)


def test_robots_txt_points_to_the_sitemap(production_build):
    lines = (production_build / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert "User-agent: *" in lines
    assert f"Sitemap: {SITE}/sitemap.xml" in lines


def test_every_link_and_source_resolves_under_the_sub_path(production_build):
    checked = 0
    for page in html_pages(production_build):
        soup = parse_html(page)
        for element in soup.find_all(href=True) + soup.find_all(src=True):
            url = element.get("href") or element.get("src")
            if url.startswith("#"):
                assert soup.find(id=url[1:]), (page, url)
                continue
            parts = urlsplit(url)
            if parts.scheme == "mailto" or parts.netloc in SHARE_HOSTS:
                continue
            assert url.startswith(f"{SITE}/"), (page, url)
            assert file_of(production_build, url).is_file(), (page, url)
            checked += 1
    assert checked > 100


def test_share_links_are_plain_links_without_tracking(production_build):
    page = production_build / JOB_HUNT.page
    soup = parse_html(page)
    url = url_of(production_build, page)
    links = {a.get_text(): a["href"] for a in soup.select("footer .actions a")}
    assert set(links) == {"LinkedIn", "Mastodon", "Bluesky", "E-mail"}
    queries = {name: parse_qs(urlsplit(href).query) for name, href in links.items()}
    assert queries["LinkedIn"] == {"url": [url]}
    title = JOB_HUNT.title
    assert queries["Mastodon"] == {"text": [f"{title} {url}"]}
    assert queries["Bluesky"] == {"text": [f"{title} {url}"]}
    mail = parse_qs(urlsplit(links["E-mail"]).query)
    assert mail == {"subject": [title], "body": [url]}
    assert not any("utm_" in href for href in links.values())
    scripts = soup.find_all("script")
    assert [s["type"] for s in scripts] == ["application/ld+json"]
    json.loads(scripts[0].string)
