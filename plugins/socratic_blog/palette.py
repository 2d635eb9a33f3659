"""The theme's colours, read from the `:root` custom properties of its stylesheet."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from pathlib import Path

from .errors import ContentError

ROOT_RULE = re.compile(r":root\s*\{(.*?)\}", re.DOTALL)
COLOUR = re.compile(r"--([\w-]+)\s*:\s*#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})\s*;")

RGB = tuple[int, int, int]


@dataclass(frozen=True)
class Palette:
    """The light-scheme colours a drawing needs, named as the stylesheet names them."""

    bg: RGB
    surface: RGB
    text: RGB
    muted: RGB
    border: RGB
    brand: RGB
    chip_bg: RGB
    chip_text: RGB


def to_rgb(hex_digits: str) -> RGB:
    """Turn `b5471f` or `fff` into an (r, g, b) tuple."""
    if len(hex_digits) == 3:
        hex_digits = "".join(digit * 2 for digit in hex_digits)
    red, green, blue = (int(hex_digits[i : i + 2], 16) for i in (0, 2, 4))
    return red, green, blue


def read_palette(stylesheet: Path) -> Palette:
    """Read the first `:root` rule (the light scheme) of `stylesheet`."""
    rule = ROOT_RULE.search(stylesheet.read_text(encoding="utf-8"))
    found = dict(COLOUR.findall(rule.group(1))) if rule else {}
    wanted = [field.name.replace("_", "-") for field in fields(Palette)]
    missing = [name for name in wanted if name not in found]
    if missing:
        raise ContentError(
            stylesheet,
            f"the :root rule sets no hex colour for --{', --'.join(missing)}",
            "the social cards are drawn in these colours; define them as #rrggbb",
        )
    return Palette(*(to_rgb(found[name]) for name in wanted))
