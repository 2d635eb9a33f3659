"""Files the fixture sites are made of: a drawn cover, any file written; a GPS check."""

from __future__ import annotations

import functools
import io
from pathlib import Path

from PIL import Image, ImageDraw

from site_checks.photo_essay import GPS_IFD

COVER_SIZE = (1200, 630)


@functools.cache
def cover_png() -> bytes:
    """Draw the fixture cover: a 1200x630 PNG with gradients, like a real cover."""
    height = COVER_SIZE[1]
    ramp = Image.linear_gradient("L").resize(COVER_SIZE)
    glow = Image.radial_gradient("L").resize(COVER_SIZE)
    image = Image.merge("RGB", (ramp, ramp.transpose(Image.Transpose.ROTATE_180), glow))
    draw = ImageDraw.Draw(image)
    for step in range(12):
        box = (80 * step, 40 + 20 * step, 80 * step + 300, 340 + 20 * step)
        draw.ellipse(box, outline=(250 - 15 * step, 40, 10 * step), width=6)
    draw.text((60, height - 90), "a cover for the tests", fill=(255, 255, 255))
    data = io.BytesIO()
    image.save(data, "PNG")
    return data.getvalue()


def write(path: Path, data: str | bytes) -> Path:
    """Write a file, making its folder first."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode()
    path.write_bytes(data)
    return path


def gps_of(path: Path) -> dict:
    """Read a picture's GPS EXIF (empty when it has none or is no picture)."""
    try:
        with Image.open(path) as picture:
            exif = picture.getexif()
    except OSError:
        return {}
    return dict(exif.get_ifd(GPS_IFD)) or ({GPS_IFD: 1} if GPS_IFD in exif else {})
