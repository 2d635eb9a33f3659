"""The theme's colours, read from the `:root` custom properties of its stylesheet."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from pathlib import Path

from socratic_blog.errors import ContentError

STYLESHEET = "static/css/style.css"
ROOT_RULE = re.compile(r":root\s*\{(.*?)\}", re.DOTALL)
# The dark scheme swaps the tokens in a `:root` rule inside this media query.
DARK_ROOT_RULE = re.compile(
    r"prefers-color-scheme:\s*dark\s*\)\s*\{\s*:root\s*\{(.*?)\}", re.DOTALL
)
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


def theme_stylesheet(settings: dict) -> Path:
    """Return the path of the theme's stylesheet, whose tokens hold the colours."""
    return Path(settings["THEME"]) / STYLESHEET


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


def scheme_backgrounds(stylesheet: Path) -> dict[str, str]:
    """Return the page colour (`--bg`) of the light and the dark scheme, as `#hex`."""
    css = stylesheet.read_text(encoding="utf-8")
    backgrounds = {}
    for scheme, rule in (("light", ROOT_RULE), ("dark", DARK_ROOT_RULE)):
        found = rule.search(css)
        colours = dict(COLOUR.findall(found.group(1))) if found else {}
        if "bg" not in colours:
            raise ContentError(
                stylesheet,
                f"the {scheme} scheme's :root rule sets no hex colour for --bg",
                "the browser's bar takes this colour; define it as #rrggbb",
            )
        backgrounds[scheme] = f"#{colours['bg']}"
    return backgrounds
