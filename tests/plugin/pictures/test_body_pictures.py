"""Body pictures: sized, lazy, responsive, captioned, percent-encoded and private."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote

import feedparser
import pytest
from bs4 import BeautifulSoup
from PIL import Image

from site_checks.photo_essay import PICTURES, SLUG, write_photo_essay
from site_checks.validator import nu_errors
from tests.support.builds import build_blog, parse_html
from tests.support.fixture_files import gps_of

SITE = "https://example.org/blog"
# Every picture of the essay, in the order the post shows them.
SHOWN = [
    "harbour.jpg",
    "market.jpg",
    "my photo.jpg",
    "screen.png",
    "spinner.gif",
    "diagram.svg",
    "raw.jpg",
]
LARGE_RASTERS = {"harbour.jpg", "market.jpg", "my photo.jpg", "screen.png", "raw.jpg"}


@pytest.fixture(scope="module")
def essay(tmp_path_factory) -> Path:
    """Build the photo essay for production under /blog; return the output."""
    folder = tmp_path_factory.mktemp("essay")
    write_photo_essay(folder / "content")
    return build_blog(
        folder / "content", folder, production=True, SITEURL=SITE, SEARCH_INDEX=False
    )


def body_images(output: Path) -> list:
    """Return the `<img>` elements of the essay's text."""
    page = parse_html(output / "posts" / SLUG / "index.html")
    return page.select(".prose img")


def file_of(output: Path, url: str) -> Path:
    """Return the built file an absolute address of the site points at."""
    assert url.startswith(f"{SITE}/"), url
    return output / unquote(url.removeprefix(f"{SITE}/"))


def test_every_body_picture_is_sized_as_shown(essay):
    images = body_images(essay)
    names = [unquote(image["src"]).rsplit("/", 1)[1] for image in images]
    assert names == SHOWN
    for name, image in zip(names, images, strict=True):
        width, height = PICTURES[name][1]
        assert (image["width"], image["height"]) == (str(width), str(height)), name
        assert image["decoding"] == "async"


def test_the_first_picture_loads_at_once_and_the_others_lazily(essay):
    images = body_images(essay)
    assert not images[0].has_attr("loading")
    assert [image.get("loading") for image in images[1:]] == ["lazy"] * 6


def test_large_rasters_get_webp_copies_never_wider_than_themselves(essay):
    for image in body_images(essay):
        name = unquote(image["src"]).rsplit("/", 1)[1]
        source = image.parent.find("source")
        if name not in LARGE_RASTERS:
            assert image.parent.name != "picture", name
            continue
        assert image.parent.name == "picture"
        assert source["type"] == "image/webp"
        assert source["sizes"] == "(min-width: 44rem) 40rem, calc(100vw - 2rem)"
        candidates = [part.split() for part in source["srcset"].split(", ")]
        shown_width = PICTURES[name][1][0]
        widths = [int(width.removesuffix("w")) for _, width in candidates]
        assert widths == sorted(widths) and widths[-1] <= shown_width
        assert widths[:3] == [480, 720, min(960, shown_width)]
        for url, width in candidates:
            with Image.open(file_of(essay, url)) as copy:
                assert copy.format == "WEBP"
                assert copy.width == int(width.removesuffix("w"))


def test_every_src_and_srcset_resolves_percent_encoded(essay):
    page = parse_html(essay / "posts" / SLUG / "index.html")
    urls = [image["src"] for image in page.select(".prose img")]
    for source in page.select(".prose source"):
        urls += [part.split()[0] for part in source["srcset"].split(", ")]
    assert f"{SITE}/posts/{SLUG}/my%20photo.jpg" in urls
    for url in urls:
        assert " " not in url
        assert file_of(essay, url).is_file(), url


def test_no_published_file_carries_gps_exif(essay):
    sources = essay.parent / "content" / "posts" / SLUG
    located = {path.name for path in sources.iterdir() if gps_of(path)}
    assert located == {"harbour.jpg", "market.jpg", "my photo.jpg", "screen.png"} | {
        "raw.jpg"
    }
    files = [path for path in essay.rglob("*") if path.is_file()]
    assert len([path for path in files if path.suffix == ".webp"]) == 19
    assert {path.relative_to(essay).as_posix(): gps_of(path) for path in files} == {
        path.relative_to(essay).as_posix(): {} for path in files
    }


def test_a_photo_is_published_upright_without_exif(essay):
    with Image.open(essay / "posts" / SLUG / "harbour.jpg") as photo:
        assert photo.size == (2000, 3000)
        assert dict(photo.getexif()) == {}


def test_a_title_becomes_the_pictures_caption(essay):
    page = parse_html(essay / "posts" / SLUG / "index.html")
    [figure] = page.select(".prose figure")
    assert figure.select_one("img")["alt"] == "Boats moored in the harbour at dawn"
    assert not figure.select_one("img").has_attr("title")
    assert figure.figcaption.get_text() == "The harbour at dawn"
    assert figure.parent.name != "p"


def test_a_raw_html_picture_is_published(essay):
    [image] = [i for i in body_images(essay) if i["src"].endswith("/raw.jpg")]
    assert image["alt"] == "A gull on a post, written as raw HTML"
    assert (essay / "posts" / SLUG / "raw.jpg").is_file()


def test_the_feed_shows_the_960_wide_copy_sized(essay):
    feed = (essay / "feeds/all.atom.xml").read_text(encoding="utf-8")
    entry = parse_html_text(feed_content(feed))
    images = entry.select("img")
    harbour = images[0]
    assert harbour["src"] == f"{SITE}/posts/{SLUG}/harbour-960w.webp"
    assert (harbour["width"], harbour["height"]) == ("960", "1440")
    diagram = next(i for i in images if i["src"].endswith("diagram.svg"))
    assert (diagram["width"], diagram["height"]) == ("300", "150")


def feed_content(feed: str) -> str:
    """Return the HTML of the feed's one entry."""
    [entry] = feedparser.parse(feed).entries
    return entry.content[0].value


def parse_html_text(text: str):
    """Parse an HTML fragment."""
    return BeautifulSoup(text, "html.parser")


@pytest.mark.java
def test_the_essay_has_no_nu_errors(essay):
    page = essay / "posts" / SLUG / "index.html"
    assert nu_errors([page]) == {page.resolve(): []}
