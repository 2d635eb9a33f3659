"""Code colours: every token and line colour passes WCAG AA in both schemes.

axe checks the colours a page shows (tests/served/test_code_blocks.py); this
checks every pair the stylesheet can make, including generated line numbers and
diff signs, which axe does not see.
"""

from __future__ import annotations

import re

import pytest

from tests.support.builds import ROOT

STYLESHEET = ROOT / "theme/static/css/style.css"


def colours(css: str, start: str) -> dict[str, str]:
    block = css[css.index(start) :]
    block = block[: block.index("}")]
    return dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{6})", block))


def contrast(one: str, other: str) -> float:
    def luminance(colour: str) -> float:
        channels = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
        r, g, b = (
            c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
            for c in channels
        )
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    high, low = sorted((luminance(one), luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


TEXT_COLOURS = (
    "code-text",
    "code-comment",
    "code-keyword",
    "code-string",
    "code-number",
    "code-function",
    "code-builtin",
    "code-variable",
    "code-linenos",
    "code-ins-sign",
    "code-del-sign",
)
BACKGROUNDS = ("code-bg", "code-mark-bg", "code-ins-bg", "code-del-bg")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_token_colour_passes_wcag_aa_on_every_line_background(scheme):
    css = STYLESHEET.read_text(encoding="utf-8")
    palette = colours(css, ":root {")
    if scheme == "dark":
        palette |= colours(css, "(prefers-color-scheme: dark) {")
    failing = {
        (text, ground): round(contrast(palette[text], palette[ground]), 2)
        for text in TEXT_COLOURS
        for ground in BACKGROUNDS
        if contrast(palette[text], palette[ground]) < 4.5
    }
    assert failing == {}


def test_every_pygments_token_class_has_a_tested_colour():
    """Each token class the stylesheet colours uses one of TEXT_COLOURS."""
    css = STYLESHEET.read_text(encoding="utf-8")
    used = set(re.findall(r"\.highlight[^{]*\{[^}]*color: var\(--(code-[\w-]+)\)", css))
    assert used <= set(TEXT_COLOURS)
