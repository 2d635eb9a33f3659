"""A social card's pixels: the brand edge, the title and tag areas, the size."""

from __future__ import annotations

import io
from dataclasses import replace

from PIL import Image, ImageChops

from socratic_blog.pictures.palette import read_palette
from socratic_blog.pictures.social_card import (
    ACCENT,
    BAND_TOP,
    HEIGHT,
    MARGIN,
    TITLE_BOTTOM,
    TITLE_TOP,
    WIDTH,
    CardText,
    card_png,
)
from tests.support.builds import ROOT
from tests.support.fixture_blog import TAGS

STYLESHEET = ROOT / "theme" / "static" / "css" / "style.css"
CARD = CardText(
    "how to negotiate a developer job offer",
    "socraticDev",
    "Career guides for developers",
    ("career", "negotiation"),
)

PALETTE = read_palette(STYLESHEET)
TITLE_AREA = (MARGIN, TITLE_TOP, WIDTH - MARGIN, TITLE_BOTTOM)
TAG_BAND = (0, BAND_TOP + 2, WIDTH, HEIGHT)


def decoded(card: CardText) -> Image.Image:
    """Decode the card's PNG bytes, as a site visitor's browser would."""
    with Image.open(io.BytesIO(card_png(card, PALETTE))) as image:
        return image.convert("RGB")


def changed_box(left: Image.Image, right: Image.Image) -> tuple[int, int, int, int]:
    """Return the box around every pixel that differs between two cards."""
    return ImageChops.difference(left, right).getbbox()


def inside(box: tuple, area: tuple) -> bool:
    """Tell whether `box` lies within `area` (both left, top, right, bottom)."""
    return (
        area[0] <= box[0]
        and area[1] <= box[1]
        and box[2] <= area[2]
        and box[3] <= area[3]
    )


def blends(image: Image.Image, area: tuple, a: tuple, b: tuple) -> int:
    """Count the pixels in `area` whose colour lies strictly between `a` and `b`."""
    count = 0
    for colour in image.crop(area).get_flattened_data():
        pairs = zip(colour, a, b, strict=True)
        between = all(min(x, y) <= c <= max(x, y) for c, x, y in pairs)
        count += between and colour not in (a, b)
    return count


def test_a_card_keeps_its_brand_edge_and_backdrop():
    card = decoded(CARD)
    assert {card.getpixel((x, y)) for x in range(ACCENT) for y in (0, 315, 629)} == {
        PALETTE.brand
    }
    assert card.getpixel((600, 20)) == PALETTE.bg
    assert card.getpixel((600, 620)) == PALETTE.surface


def test_the_title_is_drawn_in_the_title_area_only():
    untitled = decoded(replace(CARD, title=""))
    titled = decoded(CARD)
    box = changed_box(untitled, titled)
    assert box is not None and inside(box, TITLE_AREA)
    text = sum(
        colour == PALETTE.text for colour in titled.crop(box).get_flattened_data()
    )
    assert text > 2000  # solid strokes of the title's letters


def test_a_hashtag_in_the_title_is_in_the_brand_colour():
    plain = decoded(replace(CARD, title="find work"))
    tagged = decoded(replace(CARD, title="find #work"))
    box = changed_box(plain, tagged)
    assert inside(box, TITLE_AREA)
    assert PALETTE.brand in set(tagged.crop(box).get_flattened_data())


def test_the_tags_are_chips_with_smooth_ends_in_the_band():
    bare = decoded(replace(CARD, tags=()))
    tagged = decoded(CARD)
    box = changed_box(bare, tagged)
    assert box is not None and inside(box, TAG_BAND)
    assert PALETTE.chip_bg in set(tagged.crop(box).get_flattened_data())
    assert PALETTE.chip_text in set(tagged.crop(box).get_flattened_data())
    # The first chip's rounded left end: colours between the band and the chip.
    end = (MARGIN, BAND_TOP + 30, MARGIN + 24, HEIGHT - 30)
    assert blends(tagged, end, PALETTE.surface, PALETTE.chip_bg) >= 20


def test_the_mark_has_smooth_rounded_corners():
    card = decoded(CARD)
    corner = (MARGIN, MARGIN - 6, MARGIN + 14, MARGIN + 8)
    assert blends(card, corner, PALETTE.bg, PALETTE.brand) >= 8


def test_drawing_a_card_leaves_the_shared_backdrop_as_it_was():
    first = card_png(CARD, PALETTE)
    card_png(replace(CARD, title="another title", tags=("other",)), PALETTE)
    assert card_png(CARD, PALETTE) == first


def test_a_card_stays_small():
    long_title = replace(CARD, title=" ".join(["negotiation"] * 40), tags=TAGS * 3)
    for card in (CARD, long_title):
        assert len(card_png(card, PALETTE)) < 150_000
