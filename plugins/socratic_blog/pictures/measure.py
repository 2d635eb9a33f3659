"""How big a picture is shown: rasters after their EXIF orientation, SVG by its root."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

from PIL import ExifTags, Image, UnidentifiedImageError

# EXIF orientations that turn the picture a quarter: width and height swap.
QUARTER_TURNS = {5, 6, 7, 8}
# SVG lengths a browser reads as CSS pixels.
PIXEL_UNITS = ("px", "")


@dataclass(frozen=True)
class Measure:
    """A picture's shown size, and what it is."""

    width: int
    height: int
    raster: bool = True
    animated: bool = False


def raster_measure(file: Path) -> Measure | None:
    """Measure a raster picture as shown (EXIF orientation applied); None if unread."""
    try:
        with Image.open(file) as picture:
            width, height = picture.size
            orientation = picture.getexif().get(ExifTags.Base.Orientation, 1)
            animated = getattr(picture, "n_frames", 1) > 1
    except (UnidentifiedImageError, OSError):
        return None
    if orientation in QUARTER_TURNS:
        width, height = height, width
    return Measure(width, height, animated=animated)


def pixels(length: str | None) -> float | None:
    """Read an SVG length in pixels (`120`, `120px`); None for %, em or nothing."""
    if not length:
        return None
    number = length.strip().removesuffix("px")
    try:
        value = float(number)
    except ValueError:
        return None
    return value if value > 0 else None


def svg_measure(file: Path) -> Measure | None:
    """Measure an SVG from its root's width and height, else from its viewBox."""
    try:
        _, root = next(ElementTree.iterparse(file, events=("start",)))
    except (ElementTree.ParseError, StopIteration, OSError):
        return None
    width, height = pixels(root.get("width")), pixels(root.get("height"))
    box = (root.get("viewBox") or "").replace(",", " ").split()
    if (width is None or height is None) and len(box) == 4:
        try:
            box_width, box_height = float(box[2]), float(box[3])
        except ValueError:
            return None
        if box_width <= 0 or box_height <= 0:
            return None
        if width is None and height is None:
            width, height = box_width, box_height
        elif width is None:
            width = height * box_width / box_height
        else:
            height = width * box_height / box_width
    if width is None or height is None:
        return None
    return Measure(round(width), round(height), raster=False)


def measure(file: Path) -> Measure | None:
    """Measure any picture the site shows; None when it cannot be read."""
    if file.suffix.lower() == ".svg":
        return svg_measure(file)
    return raster_measure(file)
