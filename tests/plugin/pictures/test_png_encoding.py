"""The PNG writer the cards use: any viewer decodes the very pixels drawn."""

from __future__ import annotations

import io

from PIL import Image, ImageDraw

from socratic_blog.pictures.png_encoding import png_bytes
from tests.support.fixture_files import cover_png


def decoded(data: bytes) -> Image.Image:
    """Decode PNG bytes with Pillow, checking the file as it goes."""
    with Image.open(io.BytesIO(data)) as image:
        image.verify()
    with Image.open(io.BytesIO(data)) as image:
        assert image.format == "PNG"
        return image.convert("RGB")


def test_a_drawing_decodes_to_its_own_pixels():
    with Image.open(io.BytesIO(cover_png())) as cover:
        drawing = cover.convert("RGB")
    assert decoded(png_bytes(drawing)).tobytes() == drawing.tobytes()


def test_an_odd_sized_image_with_antialiased_edges_survives():
    image = Image.new("RGB", (37, 11), (250, 250, 245))
    ImageDraw.Draw(image).ellipse((2, 1, 30, 10), fill=(181, 71, 31))
    small = image.resize((19, 6), Image.Resampling.LANCZOS)
    assert decoded(png_bytes(small)).tobytes() == small.tobytes()


def test_a_grey_image_is_written_as_rgb():
    grey = Image.linear_gradient("L").resize((64, 32))
    assert decoded(png_bytes(grey)).tobytes() == grey.convert("RGB").tobytes()


def test_the_same_pixels_give_the_same_bytes():
    image = Image.radial_gradient("L").convert("RGB")
    assert png_bytes(image) == png_bytes(image.copy())
