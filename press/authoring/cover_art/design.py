"""The cover's colours, layout and the coordinates every layer shares."""

from __future__ import annotations

import math

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


def ring_point(angle: float, radius: float) -> tuple[float, float]:
    """Return the supersampled point at angle (degrees) and radius on the badge."""
    rad = math.radians(angle)
    return (
        s(RING_CENTER[0] + radius * math.cos(rad)),
        s(RING_CENTER[1] + radius * math.sin(rad)),
    )
