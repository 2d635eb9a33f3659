"""The cover's words: the brand label at the top left and the two-line title."""

from __future__ import annotations

from PIL import ImageDraw, ImageFont

from socratic_blog.api import BOLD_FONTS, REGULAR_FONTS, load_font

from .design import (
    GREEN,
    HEIGHT,
    LABEL_BRAND,
    LABEL_REST,
    MARGIN,
    MUTED,
    PAPER,
    RING_CENTER,
    RING_RADIUS,
    TITLE_LINES,
    WARM,
    s,
)


def fit_title_font(max_width: int) -> ImageFont.FreeTypeFont:
    """Pick the largest bold title size whose longest line fits max_width."""
    for size in range(s(120), s(60), -s(2)):
        font = load_font(BOLD_FONTS, size)
        if max(font.getlength(line) for line in TITLE_LINES) <= max_width:
            return font
    return load_font(BOLD_FONTS, s(60))


def draw_label(draw: ImageDraw.ImageDraw) -> None:
    """Draw the small socraticDev brand label in the top left corner."""
    bold = load_font(BOLD_FONTS, s(26))
    regular = load_font(REGULAR_FONTS, s(26))
    x, y = s(MARGIN), s(74)
    draw.rounded_rectangle((x, y - s(12), x + s(24), y + s(12)), radius=s(6), fill=WARM)
    x += s(40)
    draw.text((x, y), LABEL_BRAND, font=bold, fill=PAPER, anchor="lm")
    x += round(bold.getlength(LABEL_BRAND))
    draw.text((x, y), LABEL_REST, font=regular, fill=MUTED, anchor="lm")


def draw_title(draw: ImageDraw.ImageDraw) -> None:
    """Draw the two-line post title with the hashtag in the accent colour."""
    font = fit_title_font(s(RING_CENTER[0] - RING_RADIUS - MARGIN - 56))
    ascent, descent = font.getmetrics()
    line_height = round((ascent + descent) * 1.08)
    top = s(HEIGHT / 2 - 12) - line_height
    x = s(MARGIN - 4)
    draw.text((x, top), TITLE_LINES[0], font=font, fill=PAPER)
    tag, mark = TITLE_LINES[1][:-1], TITLE_LINES[1][-1]
    y = top + line_height
    draw.text((x, y), tag, font=font, fill=GREEN)
    draw.text((x + round(font.getlength(tag)), y), mark, font=font, fill=WARM)
    bar_y = y + line_height + s(14)
    draw.rounded_rectangle(
        (s(MARGIN), bar_y, s(MARGIN + 96), bar_y + s(8)), radius=s(4), fill=WARM
    )
