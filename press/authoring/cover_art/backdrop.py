"""The cover's backdrop: a diagonal ink-to-teal gradient with two soft glows."""

from __future__ import annotations

import itertools

from PIL import Image, ImageChops, ImageDraw, ImageFilter

from .design import INK, INK_DEEP, RING_CENTER, TEAL, TEAL_DARK, s


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


def backdrop(size: tuple[int, int]) -> Image.Image:
    """Build the gradient background with its two soft glows."""
    canvas = gradient_background(size)
    soft_glow(canvas, RING_CENTER, 330, TEAL, 70)
    soft_glow(canvas, (-40, -60), 300, (60, 70, 140), 60)
    return canvas
