"""Social cards: drawn in the theme's colours, 1200x630, and never drawn twice."""

from __future__ import annotations

import io
import logging
import re
import shutil

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from conftest import ROOT
from press import build
from socratic_blog.errors import ContentError
from socratic_blog.palette import read_palette
from socratic_blog.social_card import CardText, card_png, render
from socratic_blog.social_images import card_path

STYLESHEET = ROOT / "theme" / "static" / "css" / "style.css"
CARD = CardText(
    "how to negotiate a developer job offer",
    "socraticDev",
    "Career guides for developers",
    ("career", "negotiation"),
)
COUNT = re.compile(r"social cards: drew (\d+), reused (\d+)")


def cards_expected() -> int:
    """One card per post without a cover and per page, plus the site's card."""
    posts = (ROOT / "content" / "posts").glob("*/index.md")
    bare = [p for p in posts if "\nimage:" not in p.read_text(encoding="utf-8")]
    pages = list((ROOT / "content" / "pages").glob("*.md"))
    return len(bare) + len(pages) + 1


@pytest.fixture
def blog(tmp_path):
    """Build settings for a copy of the real content, with its own cache."""
    shutil.copytree(ROOT / "content", tmp_path / "content")
    return {
        "PATH": str(tmp_path / "content"),
        "OUTPUT_PATH": str(tmp_path / "output"),
        "SOCIAL_CARDS_CACHE": str(tmp_path / "cache"),
        "SOCIAL_CARDS": True,
    }


def build_and_count(overrides, caplog) -> tuple[int, int]:
    """Build the site and return (cards drawn, cards reused) from its log."""
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="socratic_blog.social_images"):
        assert build.build(ROOT / "pelicanconf.py", overrides) == []
    [counts] = [COUNT.fullmatch(r.getMessage()) for r in caplog.records]
    return int(counts.group(1)), int(counts.group(2))


def cache_state(folder) -> dict[str, int]:
    return {path.name: path.stat().st_mtime_ns for path in folder.iterdir()}


def test_a_rebuild_with_no_change_draws_no_card(blog, tmp_path, caplog):
    expected = cards_expected()
    assert build_and_count(blog, caplog) == (expected, 0)
    cached = cache_state(tmp_path / "cache")
    cards = {p: p.read_bytes() for p in (tmp_path / "output").rglob("card.png")}
    assert len(cached) == len(cards) == expected
    assert build_and_count(blog, caplog) == (0, expected)
    assert cache_state(tmp_path / "cache") == cached
    assert {p: p.read_bytes() for p in cards} == cards


def test_a_new_title_redraws_only_its_card(blog, tmp_path, caplog):
    expected = cards_expected()
    build_and_count(blog, caplog)
    post = tmp_path / "content" / "posts" / "developer-resume" / "index.md"
    post.write_text(
        post.read_text(encoding="utf-8").replace(
            'title: "a developer resume', 'title: "the developer resume'
        ),
        encoding="utf-8",
    )
    assert build_and_count(blog, caplog) == (1, expected - 1)


def test_a_card_is_a_1200_by_630_png_with_the_same_bytes_every_time():
    data = card_png(CARD, read_palette(STYLESHEET))
    assert data == card_png(CARD, read_palette(STYLESHEET))
    with Image.open(io.BytesIO(data)) as card:
        assert (card.format, card.size) == ("PNG", (1200, 630))


def test_a_card_is_drawn_in_the_stylesheets_colours(tmp_path):
    stylesheet = tmp_path / "style.css"
    css = STYLESHEET.read_text(encoding="utf-8")
    stylesheet.write_text(
        re.sub(r"--brand:\s*#\w+;", "--brand: #123456;", css, count=1),
        encoding="utf-8",
    )
    palette = read_palette(stylesheet)
    assert palette.brand == (0x12, 0x34, 0x56)
    card = render(CARD, palette)
    assert card.getpixel((4, 315)) == palette.brand
    assert card.getpixel((600, 20)) == palette.bg
    assert card.getpixel((600, 620)) == palette.surface
    original = render(CARD, read_palette(STYLESHEET))
    assert original.getpixel((4, 315)) == read_palette(STYLESHEET).brand


def test_a_stylesheet_without_a_card_colour_is_named_with_the_fix(tmp_path):
    stylesheet = tmp_path / "style.css"
    stylesheet.write_text(":root { --bg: #fff; --text: #111; }\n", encoding="utf-8")
    with pytest.raises(ContentError) as error:
        read_palette(stylesheet)
    message = str(error.value)
    assert message.startswith(f"{stylesheet.as_posix()}: the :root rule sets no")
    assert "--brand" in message and "--surface" in message
    assert "#rrggbb" in message


@pytest.mark.parametrize(
    ("save_as", "card"),
    [
        ("posts/job-offer/index.html", "posts/job-offer/card.png"),
        ("about/index.html", "about/card.png"),
        ("index.html", "card.png"),
        ("contact.html", "contact.card.png"),
    ],
)
def test_a_card_sits_next_to_its_page(save_as, card):
    assert card_path(save_as) == card


def test_the_preview_draws_only_the_site_card(blog, tmp_path, caplog):
    del blog["SOCIAL_CARDS"]
    assert build_and_count(blog, caplog) == (1, 0)
    resume = tmp_path / "output" / "posts" / "developer-resume" / "index.html"
    image = BeautifulSoup(resume.read_text(encoding="utf-8"), "html.parser").find(
        "meta", property="og:image"
    )
    assert image["content"] == "/card.png"
    assert [p.name for p in (tmp_path / "output").rglob("card.png")] == ["card.png"]
