"""Draw the cover image for the "so you are #opentowork?" post."""

from __future__ import annotations

import itertools
import math
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

from socratic_blog.fonts import BOLD_FONTS, REGULAR_FONTS, load_font

ROOT = Path(__file__).resolve().parent.parent

OUTPUT = ROOT / "content" / "images" / "opentowork.png"

WIDTH, HEIGHT = 1200, 630
SCALE = 2  # draw at 2x, then downsample for smooth edges

INK_DEEP = (17, 23, 44)
INK = (27, 36, 64)
TEAL_DARK = (19, 74, 84)
GREEN = (43, 182, 115)
TEAL = (63, 182, 168)
WARM = (242, 177, 52)
PAPER = (245, 243, 238)
MUTED = (160, 176, 196)

MARGIN = 84
RING_CENTER = (930, 318)
RING_RADIUS = 176
ARC_WIDTH = 34
BACKDROP_COLOURS = 160
TITLE_LINES = ("so you are", "#opentowork?")
LABEL_BRAND = "socraticDev"
LABEL_REST = "  ·  career guides"
ARC_TEXT = "#OPENTOWORK"


def s(value: float) -> int:
    """Convert a 1x layout coordinate to the supersampled canvas."""
    return round(value * SCALE)


def mix(a: tuple[int, ...], b: tuple[int, ...], t: float) -> tuple[int, ...]:
    """Linearly interpolate between two colours."""
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


def channel_lut(stops: tuple[tuple[float, tuple[int, ...]], ...], ch: int) -> list[int]:
    """Map 0-255 mask values to one colour channel through gradient stops."""
    lut = []
    for v in range(256):
        t = v / 255
        for (t0, c0), (t1, c1) in itertools.pairwise(stops):
            if t <= t1:
                lut.append(round(c0[ch] + (c1[ch] - c0[ch]) * (t - t0) / (t1 - t0)))
                break
    return lut


def gradient_background(size: tuple[int, int]) -> Image.Image:
    """Build a diagonal ink-to-teal gradient, darkest at the top left."""
    across = Image.linear_gradient("L").rotate(90)
    down = Image.linear_gradient("L")
    mask = ImageChops.add(
        across.resize(size, Image.Resampling.BILINEAR),
        down.resize(size, Image.Resampling.BILINEAR),
        scale=2,
    )
    stops = ((0.0, INK_DEEP), (0.45, INK), (1.0, TEAL_DARK))
    return Image.merge("RGB", [mask.point(channel_lut(stops, ch)) for ch in range(3)])


def soft_glow(
    canvas: Image.Image,
    center: tuple[int, int],
    radius: int,
    colour: tuple[int, int, int],
    strength: int,
) -> None:
    """Blend a blurred circular glow onto the canvas."""
    mask = Image.new("L", canvas.size, 0)
    cx, cy = s(center[0]), s(center[1])
    r = s(radius)
    ImageDraw.Draw(mask).ellipse((cx - r, cy - r, cx + r, cy + r), fill=strength)
    mask = mask.filter(ImageFilter.GaussianBlur(r * 0.45))
    canvas.paste(Image.new("RGB", canvas.size, colour), (0, 0), mask)


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


def ring_point(angle: float, radius: float) -> tuple[float, float]:
    """Return the supersampled point at angle (degrees) and radius on the badge."""
    rad = math.radians(angle)
    return (
        s(RING_CENTER[0] + radius * math.cos(rad)),
        s(RING_CENTER[1] + radius * math.sin(rad)),
    )


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


def backdrop(size: tuple[int, int]) -> Image.Image:
    """Build the gradient background with its two soft glows."""
    canvas = gradient_background(size)
    soft_glow(canvas, RING_CENTER, 330, TEAL, 70)
    soft_glow(canvas, (-40, -60), 300, (60, 70, 140), 60)
    return canvas


def render() -> tuple[Image.Image, Image.Image]:
    """Compose the cover; return it and its bare backdrop, both at 1x."""
    size = (s(WIDTH), s(HEIGHT))
    canvas = backdrop(size)
    layer = Image.new("RGBA", size, (0, 0, 0, 0))
    dot_grid(layer)
    ripple_rings(layer)
    avatar_disc(layer)
    badge_arc(layer)
    arc_text(layer, load_font(BOLD_FONTS, s(22)))
    spark(layer)
    image = Image.alpha_composite(canvas.convert("RGBA"), layer)
    draw = ImageDraw.Draw(image)
    draw_label(draw)
    draw_title(draw)
    final = (WIDTH, HEIGHT)
    return (
        image.convert("RGB").resize(final, Image.Resampling.LANCZOS),
        canvas.resize(final, Image.Resampling.LANCZOS),
    )


def median_palette(image: Image.Image, count: int) -> list[int]:
    """Return a flat median-cut palette of count colours for image."""
    flat = image.quantize(colors=count, method=Image.Quantize.MEDIANCUT).getpalette()
    return (flat + flat[-3:] * count)[: 3 * count]


def build_palette(image: Image.Image, bare: Image.Image) -> list[int]:
    """Split 256 colours between the backdrop, the artwork and brand colours."""
    keys = (INK_DEEP, INK, GREEN, TEAL, WARM, PAPER, MUTED)
    diff = ImageChops.difference(image, bare).convert("L").tobytes()
    data = image.tobytes()
    art = b"".join(data[3 * i : 3 * i + 3] for i, v in enumerate(diff) if v > 1)
    art_image = Image.frombytes("RGB", (len(art) // 3, 1), art)
    flat = median_palette(bare, BACKDROP_COLOURS)
    flat += median_palette(art_image, 256 - BACKDROP_COLOURS - len(keys))
    return flat + [c for key in keys for c in key]


def to_palette(image: Image.Image, flat: list[int]) -> Image.Image:
    """Map every pixel to its exact nearest palette colour (no dithering)."""
    entries = [tuple(flat[i : i + 3]) for i in range(0, len(flat), 3)]

    def nearest(rgb: tuple[int, ...]) -> int:
        """Return the index of the perceptually closest palette entry."""
        r, g, b = rgb
        return min(
            range(len(entries)),
            key=lambda i: (
                3 * (entries[i][0] - r) ** 2
                + 4 * (entries[i][1] - g) ** 2
                + 2 * (entries[i][2] - b) ** 2
            ),
        )

    lookup = {rgb: nearest(rgb) for _, rgb in image.getcolors(WIDTH * HEIGHT)}
    data = image.tobytes()
    triples = zip(data[0::3], data[1::3], data[2::3], strict=True)
    paletted = Image.frombytes("P", image.size, bytes(lookup[t] for t in triples))
    paletted.putpalette(flat)
    return paletted


def save(image: Image.Image, bare: Image.Image, path: Path) -> None:
    """Write the cover as a small, optimised palette PNG."""
    path.parent.mkdir(parents=True, exist_ok=True)
    paletted = to_palette(image, build_palette(image, bare))
    paletted.save(path, format="PNG", optimize=True)


def main() -> None:
    """Render the cover and write it next to the post content."""
    save(*render(), OUTPUT)
    print(f"wrote {OUTPUT.relative_to(ROOT)} ({OUTPUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
