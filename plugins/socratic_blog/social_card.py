"""Draw a social card: a 1200x630 PNG with a title, its tags and the site's name."""

from __future__ import annotations

import io
from dataclasses import dataclass

from PIL import Image, ImageDraw, ImageFont

from .fonts import BOLD_FONTS, REGULAR_FONTS, load_font
from .palette import RGB, Palette

WIDTH, HEIGHT = 1200, 630
SCALE = 2  # draw at twice the size, then downsample for smooth edges
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


def fit_title(title: str) -> tuple[ImageFont.FreeTypeFont, list[str], int]:
    """Pick the largest title size whose wrapped lines fit the title area."""
    width, height = s(WIDTH - 2 * MARGIN), s(TITLE_BOTTOM - TITLE_TOP)
    for size in TITLE_SIZES:
        font = load_font(BOLD_FONTS, s(size))
        lines = wrap(title, font, width)
        line_height = s(size * LINE_SPACING)
        if len(lines) * line_height <= height:
            return font, lines, line_height
    return font, clip(lines, height // line_height, font, width), line_height


def draw_mark(draw: ImageDraw.ImageDraw, x: int, y: int, palette: Palette) -> None:
    """Draw the site's mark, the favicon's "?" on a rounded brand square."""
    size = s(MARK)
    draw.rounded_rectangle(
        (x, y, x + size, y + size), radius=s(MARK * 0.22), fill=palette.brand
    )
    font = load_font(BOLD_FONTS, s(MARK * 0.7))
    centre = (x + size / 2, y + size / 2)
    draw.text(centre, "?", font=font, fill=palette.bg, anchor="mm")


def draw_masthead(draw: ImageDraw.ImageDraw, card: CardText, palette: Palette):
    """Draw the mark, the site's name and its tagline (if any) along the top."""
    x, y = s(MARGIN), s(MARGIN - 6)
    draw_mark(draw, x, y, palette)
    middle = y + s(MARK / 2)
    x += s(MARK + 20)
    name = load_font(BOLD_FONTS, s(38))
    draw.text((x, middle), card.site, font=name, fill=palette.text, anchor="lm")
    if not card.tagline:
        return
    x += round(name.getlength(card.site)) + s(20)
    tagline = load_font(REGULAR_FONTS, s(28))
    draw.text((x, middle), card.tagline, font=tagline, fill=palette.muted, anchor="lm")


def draw_title(draw: ImageDraw.ImageDraw, title: str, palette: Palette) -> None:
    """Draw the title, centred in its area, hashtags in the brand colour."""
    font, lines, line_height = fit_title(title)
    top = s((TITLE_TOP + TITLE_BOTTOM) / 2) - len(lines) * line_height // 2
    space = font.getlength(" ")
    for number, line in enumerate(lines):
        x, y = s(MARGIN), top + number * line_height
        for word in line.split(" "):
            colour = palette.brand if word.startswith("#") else palette.text
            draw.text((x, y), word, font=font, fill=colour)
            x += font.getlength(word) + space


def draw_tags(draw: ImageDraw.ImageDraw, tags: tuple[str, ...], palette: Palette):
    """Draw the tags as chips in the bottom band, as many as fit on one line."""
    font = load_font(BOLD_FONTS, s(CHIP_SIZE))
    x, right = s(MARGIN), s(WIDTH - MARGIN)
    top, bottom = s(BAND_TOP + 30), s(HEIGHT - 30)
    for tag in tags:
        label = f"#{tag}"
        width = round(font.getlength(label)) + 2 * s(CHIP_PAD)
        if x + width > right:
            break
        pill = (x, top, x + width, bottom)
        draw.rounded_rectangle(pill, radius=(bottom - top) // 2, fill=palette.chip_bg)
        centre = (x + width / 2, (top + bottom) / 2)
        draw.text(centre, label, font=font, fill=palette.chip_text, anchor="mm")
        x += width + s(CHIP_GAP)


def mix(a: RGB, b: RGB, share: float) -> RGB:
    """Blend colour `a` towards `b` by `share` (0 to 1)."""
    red, green, blue = (round(x + (y - x) * share) for x, y in zip(a, b, strict=True))
    return red, green, blue


def draw_backdrop(draw: ImageDraw.ImageDraw, palette: Palette) -> None:
    """Lay the page colour, a large faint "?", the brand edge and the tag band."""
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


def render(card: CardText, palette: Palette) -> Image.Image:
    """Compose the card at 1200x630."""
    image = Image.new("RGB", (s(WIDTH), s(HEIGHT)), palette.bg)
    draw = ImageDraw.Draw(image)
    draw_backdrop(draw, palette)
    draw_masthead(draw, card, palette)
    draw_title(draw, card.title, palette)
    draw_tags(draw, card.tags, palette)
    return image.resize((WIDTH, HEIGHT), Image.Resampling.LANCZOS)


def card_png(card: CardText, palette: Palette) -> bytes:
    """Draw the card and return it as PNG bytes (the same bytes for the same card)."""
    buffer = io.BytesIO()
    render(card, palette).save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
