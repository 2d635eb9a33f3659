"""A photo essay post, as a new user writes one: phone photos, a screenshot, a GIF.

The photos carry GPS EXIF and an orientation tag, as a phone writes them; the
tests and `invoke audit` publish this post and check what goes out.
"""

from __future__ import annotations

import io
import random
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

SLUG = "photo-essay"
GPS_IFD = 0x8825
ORIENTATION = 0x0112
# Where the phone stood, written into every photo's EXIF.
GPS = {1: "N", 2: (48.0, 51.0, 29.0), 3: "E", 4: (2.0, 17.0, 40.0)}
# Each picture: its file, its stored size, and the size it is shown at.
PICTURES = {
    "harbour.jpg": ((3000, 2000), (2000, 3000)),  # stored sideways, Orientation=6
    "market.jpg": ((3000, 2000), (3000, 2000)),
    "my photo.jpg": ((1600, 1200), (1600, 1200)),
    "screen.png": ((1400, 900), (1400, 900)),
    "spinner.gif": ((240, 240), (240, 240)),
    "diagram.svg": ((300, 150), (300, 150)),
    "raw.jpg": ((900, 600), (900, 600)),
}
TEXT = """\
---
title: "A walk along the harbour"
date: 2024-05-01
description: "Phone photos, a screenshot, a GIF and a diagram."
tags: [photos]
---

The morning light on the water, as the phone saw it.

![Boats moored in the harbour at dawn](harbour.jpg "The harbour at dawn")

A few streets up, the market opens.

![Stalls of the market under awnings](market.jpg)

![A friend laughing at a café table](<my photo.jpg>)

The route, as the map app showed it:

![The map app showing the walk](screen.png)

![A loading spinner](spinner.gif)

![A diagram of the walk's three stops](diagram.svg)

<p><img src="raw.jpg" alt="A gull on a post, written as raw HTML"></p>
"""


def grain(size: tuple[int, int], seed: int) -> Image.Image:
    """Make a photo's fine detail: the same blurred noise for the same seed."""
    noise = random.Random(seed).randbytes(size[0] * size[1])
    return Image.frombytes("L", size, noise).filter(ImageFilter.GaussianBlur(1.2))


def gradient(size: tuple[int, int], hue: int) -> Image.Image:
    """Draw a photo-like picture: sky and sea with detail (weighs as a photo does)."""
    width, height = size
    picture = Image.linear_gradient("L").resize(size)
    colour = Image.merge(
        "RGB",
        (
            picture,
            picture.transpose(Image.Transpose.FLIP_TOP_BOTTOM),
            picture.point(lambda value: (value + hue) % 256),
        ),
    )
    draw = ImageDraw.Draw(colour)
    for step in range(8):
        box = (width * step // 8, height // 3, width * (step + 1) // 8, height // 2)
        draw.ellipse(box, fill=((40 * step + hue) % 256, 90, 160))
    detail = Image.merge("RGB", [grain(size, hue)] * 3)
    return Image.blend(colour, detail, 0.35)


def phone_jpeg(size: tuple[int, int], orientation: int) -> bytes:
    """Encode a JPEG as a phone does: with GPS EXIF and an orientation tag."""
    exif = Image.Exif()
    exif[ORIENTATION] = orientation
    exif[0x010F] = "PhoneMaker"
    exif.get_ifd(GPS_IFD).update(GPS)
    data = io.BytesIO()
    gradient(size, orientation * 30).save(data, "JPEG", quality=90, exif=exif)
    return data.getvalue()


def screenshot_png(size: tuple[int, int]) -> bytes:
    """Encode a screenshot with GPS EXIF in its eXIf chunk."""
    exif = Image.Exif()
    exif[0x0131] = "Screenshot"  # Pillow writes the GPS block only after a tag
    exif.get_ifd(GPS_IFD).update(GPS)
    data = io.BytesIO()
    gradient(size, 200).quantize(64).save(data, "PNG", exif=exif)
    return data.getvalue()


def spinner_gif(size: tuple[int, int]) -> bytes:
    """Encode an animated GIF of four frames."""
    frames = []
    for step in range(4):
        frame = Image.new("P", size, 0)
        frame.putpalette([255, 255, 255, 30, 60, 200] + [0] * 762)
        ImageDraw.Draw(frame).pieslice((20, 20, 220, 220), step * 90, step * 90 + 90, 1)
        frames.append(frame)
    data = io.BytesIO()
    frames[0].save(data, "GIF", save_all=True, append_images=frames[1:], loop=0)
    return data.getvalue()


SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 150">'
    '<rect width="300" height="150" fill="#eef"/>'
    '<circle cx="50" cy="75" r="20"/><circle cx="150" cy="75" r="20"/>'
    '<circle cx="250" cy="75" r="20"/></svg>\n'
)


def write_photo_essay(content: Path) -> Path:
    """Write the post and its pictures under content/posts/; return the post file."""
    folder = content / "posts" / SLUG
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "harbour.jpg": phone_jpeg(PICTURES["harbour.jpg"][0], 6),
        "market.jpg": phone_jpeg(PICTURES["market.jpg"][0], 1),
        "my photo.jpg": phone_jpeg(PICTURES["my photo.jpg"][0], 1),
        "screen.png": screenshot_png(PICTURES["screen.png"][0]),
        "spinner.gif": spinner_gif(PICTURES["spinner.gif"][0]),
        "diagram.svg": SVG.encode(),
        "raw.jpg": phone_jpeg(PICTURES["raw.jpg"][0], 1),
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    post = folder / "index.md"
    post.write_text(TEXT, encoding="utf-8")
    return post
