"""The #opentowork badge: a profile disc in a green arc, rings, dots and a spark."""

from __future__ import annotations

import math

from PIL import Image, ImageDraw, ImageFont

from .design import (
    ARC_TEXT,
    ARC_WIDTH,
    GREEN,
    HEIGHT,
    INK,
    MUTED,
    PAPER,
    RING_CENTER,
    RING_RADIUS,
    TEAL,
    TEAL_DARK,
    WARM,
    WIDTH,
    mix,
    ring_point,
    s,
)


def dot_grid(layer: Image.Image) -> None:
    """Draw a dot grid that fades out with distance from the ring."""
    draw = ImageDraw.Draw(layer)
    step = 28
    cx, cy = RING_CENTER
    for y in range(step // 2, HEIGHT, step):
        for x in range(step // 2 + 560, WIDTH, step):
            dist = math.hypot(x - cx, y - cy)
            fade = max(0.0, 1.0 - max(0.0, dist - RING_RADIUS - 30) / 260)
            if dist < RING_RADIUS + 34 or fade <= 0:
                continue
            r = s(1.7)
            alpha = round(70 * fade)
            draw.ellipse((s(x) - r, s(y) - r, s(x) + r, s(y) + r), fill=(*PAPER, alpha))


def ripple_rings(layer: Image.Image) -> None:
    """Draw thin concentric rings radiating from the badge."""
    draw = ImageDraw.Draw(layer)
    cx, cy = s(RING_CENTER[0]), s(RING_CENTER[1])
    for extra, alpha in ((62, 46), (128, 28), (206, 16)):
        r = s(RING_RADIUS + extra)
        draw.ellipse(
            (cx - r, cy - r, cx + r, cy + r), outline=(*TEAL, alpha), width=s(1.5)
        )


def avatar_disc(layer: Image.Image) -> None:
    """Draw the profile-photo disc with a stylised head-and-shoulders figure."""
    cx, cy = s(RING_CENTER[0]), s(RING_CENTER[1])
    r = s(RING_RADIUS - 26)
    disc = Image.new("RGBA", layer.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(disc)
    photo = (*mix(INK, TEAL_DARK, 0.45), 255)
    draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=photo)
    figure = (*mix(TEAL_DARK, MUTED, 0.42), 255)
    head = s(50)
    head_cy = cy - s(34)
    draw.ellipse((cx - head, head_cy - head, cx + head, head_cy + head), fill=figure)
    body_w, body_top = s(104), cy + s(40)
    draw.ellipse((cx - body_w, body_top, cx + body_w, body_top + s(220)), fill=figure)
    mask = Image.new("L", layer.size, 0)
    ImageDraw.Draw(mask).ellipse((cx - r, cy - r, cx + r, cy + r), fill=255)
    layer.paste(disc, (0, 0), mask)


def badge_arc(layer: Image.Image) -> None:
    """Draw the green frame arc with round caps and a tail of shrinking dots."""
    draw = ImageDraw.Draw(layer)
    cx, cy = s(RING_CENTER[0]), s(RING_CENTER[1])
    r = s(RING_RADIUS)
    half = ARC_WIDTH / 2
    start, end = 38.0, 232.0
    draw.arc(
        (cx - r, cy - r, cx + r, cy + r), start, end, fill=GREEN, width=s(ARC_WIDTH)
    )
    for angle in (start, end):
        x, y = ring_point(angle, RING_RADIUS - half)
        draw.ellipse((x - s(half), y - s(half), x + s(half), y + s(half)), fill=GREEN)
    for angle, size in ((248, 12), (261, 8.5), (271, 5.5)):
        x, y = ring_point(angle, RING_RADIUS - half)
        draw.ellipse((x - s(size), y - s(size), x + s(size), y + s(size)), fill=GREEN)


def arc_text(layer: Image.Image, font: ImageFont.FreeTypeFont) -> None:
    """Set the #OPENTOWORK label along the bottom of the badge arc."""
    cx, cy = s(RING_CENTER[0]), s(RING_CENTER[1])
    radius = s(RING_RADIUS) - s(17)
    tracking = s(3)
    widths = [font.getlength(ch) + tracking for ch in ARC_TEXT]
    span = math.degrees(sum(widths) / radius)
    theta = 152 + span / 2
    for ch, w in zip(ARC_TEXT, widths, strict=True):
        mid = theta - math.degrees(w / 2 / radius)
        size = s(40)
        glyph = Image.new("RGBA", (size, size), (0, 0, 0, 0))
        ImageDraw.Draw(glyph).text(
            (size / 2, size / 2), ch, font=font, fill=(*PAPER, 255), anchor="mm"
        )
        glyph = glyph.rotate(90 - mid, resample=Image.Resampling.BICUBIC)
        px = cx + radius * math.cos(math.radians(mid))
        py = cy + radius * math.sin(math.radians(mid))
        layer.alpha_composite(glyph, (round(px - size / 2), round(py - size / 2)))
        theta -= math.degrees(w / radius)


def spark(layer: Image.Image) -> None:
    """Draw the warm notification dot on the upper right of the badge."""
    draw = ImageDraw.Draw(layer)
    x, y = ring_point(-42, RING_RADIUS - 8)
    r = s(31)
    draw.ellipse((x - r, y - r, x + r, y + r), outline=(*WARM, 110), width=s(2))
    for radius, fill in ((24, INK), (17, WARM)):
        r = s(radius)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=(*fill, 255))
