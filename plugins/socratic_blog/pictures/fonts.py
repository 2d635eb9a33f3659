"""Installed TrueType fonts for the images the blog draws with Pillow."""

from __future__ import annotations

import functools
from pathlib import Path

from PIL import ImageFont

FONT_DIRS = (
    Path("/usr/share/fonts"),
    Path("/usr/local/share/fonts"),
    Path.home() / ".fonts",
    Path.home() / ".local/share/fonts",
    Path("/Library/Fonts"),
    Path("/System/Library/Fonts"),
    Path("C:/Windows/Fonts"),
)
BOLD_FONTS = (
    "DejaVuSans-Bold.ttf",
    "LiberationSans-Bold.ttf",
    "Arial Bold.ttf",
    "arialbd.ttf",
)
REGULAR_FONTS = (
    "DejaVuSans.ttf",
    "LiberationSans-Regular.ttf",
    "Arial.ttf",
    "arial.ttf",
)


@functools.cache
def find_font(names: tuple[str, ...]) -> Path | None:
    """Return the first installed font file matching one of the names."""
    for name in names:
        for folder in FONT_DIRS:
            if folder.is_dir():
                hits = sorted(folder.rglob(name))
                if hits:
                    return hits[0]
    return None


def load_font(names: tuple[str, ...], size: int) -> ImageFont.FreeTypeFont:
    """Load a font by preference, falling back to Pillow's bundled font."""
    path = find_font(names)
    if path is None:
        return ImageFont.load_default(size=size)
    # The basic layout draws the same pixels whether or not libraqm is installed.
    return ImageFont.truetype(str(path), size, layout_engine=ImageFont.Layout.BASIC)
