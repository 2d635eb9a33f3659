"""Social cards: drawn in the theme's colours, 1200x630, and never drawn twice."""

from __future__ import annotations

import io
import logging
import re

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from press import build
from press.workers.cards import WORTH_FORKING
from press.workers.pool import cores
from socratic_blog.errors import ContentError
from socratic_blog.pictures.palette import read_palette
from socratic_blog.pictures.social_card import (
    HEIGHT,
    WIDTH,
    CardText,
    card_png,
    render,
)
from socratic_blog.pictures.social_images import card_path
from tests.support.builds import ROOT, SETTINGS, edit, settings_for
from tests.support.fixture_blog import POSTS, SALARY_TALK, write, write_content

STYLESHEET = ROOT / "theme" / "static" / "css" / "style.css"
CARD = CardText(
    "how to negotiate a developer job offer",
    "socraticDev",
    "Career guides for developers",
    ("career", "negotiation"),
)
COUNT = re.compile(r"social cards: drew (\d+), reused (\d+)")


# One card per post without a cover, one for the About page, one for the site.
CARDS = sum(not post.cover for post in POSTS) + 1 + 1


@pytest.fixture
def blog(tmp_path):
    """Build settings for the fixture blog, drawing every card, with its own cache."""
    content = write_content(tmp_path / "content")
    return settings_for(tmp_path, content, SOCIAL_CARDS=True)


def build_and_count(overrides, caplog) -> tuple[int, int]:
    """Build the site and return (cards drawn, cards reused) from its log."""
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="socratic_blog.pictures.social_images"):
        assert build.build(SETTINGS[False], overrides) == []
    [counts] = [COUNT.fullmatch(r.getMessage()) for r in caplog.records]
    return int(counts.group(1)), int(counts.group(2))


def cache_state(folder) -> dict[str, int]:
    return {path.name: path.stat().st_mtime_ns for path in folder.iterdir()}


def test_a_rebuild_with_no_change_draws_no_card(blog, tmp_path, caplog):
    assert build_and_count(blog, caplog) == (CARDS, 0)
    cached = cache_state(tmp_path / "cards")
    cards = {p: p.read_bytes() for p in (tmp_path / "output").rglob("card.png")}
    assert len(cached) == len(cards) == CARDS
    assert build_and_count(blog, caplog) == (0, CARDS)
    assert cache_state(tmp_path / "cards") == cached
    assert {p: p.read_bytes() for p in cards} == cards


def test_published_cards_are_links_to_the_cache_not_copies(blog, tmp_path, caplog):
    build_and_count(blog, caplog)
    cached = {path.stat().st_ino for path in (tmp_path / "cards").iterdir()}
    published = list((tmp_path / "output").rglob("card.png"))
    assert len(published) == CARDS
    assert {path.stat().st_ino for path in published} <= cached


def test_a_new_title_redraws_only_its_card(blog, tmp_path, caplog):
    build_and_count(blog, caplog)
    edit(
        tmp_path / "content" / "posts" / SALARY_TALK.slug / "index.md",
        f'title: "{SALARY_TALK.title}"',
        'title: "ask for a much better offer"',
    )
    assert build_and_count(blog, caplog) == (1, CARDS - 1)


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
    page = tmp_path / "output" / SALARY_TALK.page
    image = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").find(
        "meta", property="og:image"
    )
    assert image["content"] == "/card.png"
    assert [p.name for p in (tmp_path / "output").rglob("card.png")] == ["card.png"]


# What the card looks like, read from its pixels.


@pytest.mark.skipif(cores() < 2, reason="cards are drawn ahead only on 2+ cores")
def test_a_production_build_draws_the_posts_cards_ahead(tmp_path, caplog):
    content = tmp_path / "content"
    for number in range(WORTH_FORKING + 2):
        write(
            content / "posts" / f"post-{number}" / "index.md",
            f'---\ntitle: "post {number}"\ndate: 2024-01-{number + 1:02d}\n'
            "tags:\n  - career\n---\n\nText.\n",
        )
    overrides = settings_for(tmp_path, content, SOCIAL_CARDS=True)
    # The plugin itself draws only the site's card: the workers drew the posts'.
    assert build_and_count(overrides, caplog) == (1, WORTH_FORKING + 2)
    for number in range(WORTH_FORKING + 2):
        card = tmp_path / "output" / "posts" / f"post-{number}" / "card.png"
        with Image.open(card) as image:
            assert image.size == (WIDTH, HEIGHT)
