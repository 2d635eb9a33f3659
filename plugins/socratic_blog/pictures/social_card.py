"""Draw a social card: a 1200x630 PNG with a title, its tags and the site's name.

What every card of a site shares (the colours, the faint "?", the mark and the
masthead) is drawn once, at twice the size and halved for smooth edges, and
copied for each card. A card then adds its title, drawn straight at 1x (the
font rasteriser smooths text), and its tag chips, whose rounded ends alone are
drawn at twice the size.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from PIL import Image, ImageDraw, ImageFont

from .fonts import BOLD_FONTS, REGULAR_FONTS, load_font
from .palette import RGB, Palette
from .png_encoding import png_bytes

WIDTH, HEIGHT = 1200, 630
SCALE = 2  # shapes are drawn at twice the size, then halved, for smooth edges
MARGIN = 84
ACCENT = 16
MARK = 56
BAND_TOP = 506
TITLE_TOP, TITLE_BOTTOM = 176, 470
TITLE_SIZES = range(88, 55, -4)
LINE_SPACING = 1.16
CHIP_SIZE, CHIP_PAD, CHIP_GAP = 32, 20, 14
ELLIPSIS = "…"
GLYPH_SIZE = 560


@dataclass(frozen=True)
class CardText:
    """What a card says: the title, the site's name and tagline, and the tags."""

    title: str
    site: str
    tagline: str
    tags: tuple[str, ...]


def s(value: float) -> int:
    """Convert a 1x layout coordinate to the supersampled canvas."""
    return round(value * SCALE)


def split_word(word: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Cut a word too long for one line into pieces that fit."""
    if font.getlength(word) <= width:  # nearly every word: one measure, not a letter's
        return [word]
    pieces, piece = [], ""
    for char in word:
        if piece and font.getlength(piece + char) > width:
            pieces.append(piece)
            piece = ""
        piece += char
    return [*pieces, piece]


def wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Break `text` into lines no wider than `width`."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        for piece in split_word(word, font, width):
            candidate = f"{line} {piece}" if line else piece
            if line and font.getlength(candidate) > width:
                lines.append(line)
                candidate = piece
            line = candidate
    return [*lines, line] if line else lines


def clip(lines: list[str], count: int, font: ImageFont.FreeTypeFont, width: int):
    """Keep the first `count` lines, ending the last one with an ellipsis."""
    if len(lines) <= count:
        return lines
    last = lines[count - 1]
    while last and font.getlength(last + ELLIPSIS) > width:
        last = last[:-1]
    return [*lines[: count - 1], last.rstrip() + ELLIPSIS]


def fit_title(title: str) -> tuple[ImageFont.FreeTypeFont, list[str], float]:
    """Pick the largest title size whose wrapped lines fit the title area."""
    width, height = WIDTH - 2 * MARGIN, TITLE_BOTTOM - TITLE_TOP
    for size in TITLE_SIZES:
        font = load_font(BOLD_FONTS, size)
        lines = wrap(title, font, width)
        line_height = size * LINE_SPACING
        if len(lines) * line_height <= height:
            return font, lines, line_height
    return font, clip(lines, int(height // line_height), font, width), line_height


def draw_mark(draw: ImageDraw.ImageDraw, x: int, y: int, palette: Palette) -> None:
    """Draw the site's mark, the favicon's "?" on a rounded brand square (at 2x)."""
    size = s(MARK)
    draw.rounded_rectangle(
        (x, y, x + size, y + size), radius=s(MARK * 0.22), fill=palette.brand
    )
    font = load_font(BOLD_FONTS, s(MARK * 0.7))
    centre = (x + size / 2, y + size / 2)
    draw.text(centre, "?", font=font, fill=palette.bg, anchor="mm")


def draw_masthead(draw: ImageDraw.ImageDraw, site: str, tagline: str, palette):
    """Draw the mark, the site's name and its tagline (if any) along the top (at 2x)."""
    x, y = s(MARGIN), s(MARGIN - 6)
    draw_mark(draw, x, y, palette)
    middle = y + s(MARK / 2)
    x += s(MARK + 20)
    name = load_font(BOLD_FONTS, s(38))
    draw.text((x, middle), site, font=name, fill=palette.text, anchor="lm")
    if not tagline:
        return
    x += round(name.getlength(site)) + s(20)
    font = load_font(REGULAR_FONTS, s(28))
    draw.text((x, middle), tagline, font=font, fill=palette.muted, anchor="lm")


def mix(a: RGB, b: RGB, share: float) -> RGB:
    """Blend colour `a` towards `b` by `share` (0 to 1)."""
    red, green, blue = (round(x + (y - x) * share) for x, y in zip(a, b, strict=True))
    return red, green, blue


def draw_backdrop(draw: ImageDraw.ImageDraw, palette: Palette) -> None:
    """Lay the page colour, a large faint "?", the brand edge and the tag band (2x)."""
    draw.rectangle((0, 0, s(WIDTH), s(HEIGHT)), fill=palette.bg)
    glyph = load_font(BOLD_FONTS, s(GLYPH_SIZE))
    draw.text(
        (s(WIDTH - 150), s(BAND_TOP - 24)),
        "?",
        font=glyph,
        fill=mix(palette.bg, palette.brand, 0.09),
        anchor="ms",
    )
    draw.rectangle((0, s(BAND_TOP), s(WIDTH), s(HEIGHT)), fill=palette.surface)
    draw.rectangle((0, s(BAND_TOP), s(WIDTH), s(BAND_TOP + 2)), fill=palette.border)
    draw.rectangle((0, 0, s(ACCENT), s(HEIGHT)), fill=palette.brand)


@functools.lru_cache(maxsize=8)
def site_backdrop(palette: Palette, site: str, tagline: str) -> Image.Image:
    """Draw what every card of a site shares, once, at 1200x630 (copy before use)."""
    image = Image.new("RGB", (s(WIDTH), s(HEIGHT)), palette.bg)
    draw = ImageDraw.Draw(image)
    draw_backdrop(draw, palette)
    draw_masthead(draw, site, tagline, palette)
    return image.reduce(SCALE)


def draw_title(draw: ImageDraw.ImageDraw, title: str, palette: Palette) -> None:
    """Draw the title, centred in its area, hashtags in the brand colour."""
    font, lines, line_height = fit_title(title)
    top = (TITLE_TOP + TITLE_BOTTOM) / 2 - len(lines) * line_height / 2
    space = font.getlength(" ")
    for number, line in enumerate(lines):
        x, y = MARGIN, top + number * line_height
        for word in line.split(" "):
            colour = palette.brand if word.startswith("#") else palette.text
            draw.text((x, y), word, font=font, fill=colour)
            x += font.getlength(word) + space


def chip_spans(labels: list[str], font: ImageFont.FreeTypeFont) -> list[tuple]:
    """Place the chips left to right, as many as fit on one line: (label, x, width)."""
    spans, x = [], MARGIN
    for label in labels:
        width = font.getlength(label) + 2 * CHIP_PAD
        if x + width > WIDTH - MARGIN:
            break
        spans.append((label, x, width))
        x += width + CHIP_GAP
    return spans


def draw_tags(image: Image.Image, tags: tuple[str, ...], palette: Palette) -> None:
    """Draw the tags as chips in the bottom band, as many as fit on one line."""
    font = load_font(BOLD_FONTS, CHIP_SIZE)
    spans = chip_spans([f"#{tag}" for tag in tags], font)
    top, bottom = BAND_TOP + 30, HEIGHT - 30
    # The pills' shapes only, at 2x: halving the mask smooths their rounded ends.
    pills = Image.new("L", (s(WIDTH), s(bottom - top)), 0)
    shapes = ImageDraw.Draw(pills)
    for _, x, width in spans:
        box = (s(x), 0, s(x + width), s(bottom - top))
        shapes.rounded_rectangle(box, radius=s(bottom - top) // 2, fill=255)
    image.paste(palette.chip_bg, (0, top), pills.reduce(SCALE))
    draw = ImageDraw.Draw(image)
    for label, x, width in spans:
        centre = (x + width / 2, (top + bottom) / 2)
        draw.text(centre, label, font=font, fill=palette.chip_text, anchor="mm")


def render(card: CardText, palette: Palette) -> Image.Image:
    """Compose the card at 1200x630."""
    image = site_backdrop(palette, card.site, card.tagline).copy()
    draw_title(ImageDraw.Draw(image), card.title, palette)
    draw_tags(image, card.tags, palette)
    return image


def card_png(card: CardText, palette: Palette) -> bytes:
    """Draw the card and return it as PNG bytes (the same bytes for the same card)."""
    return png_bytes(render(card, palette))
