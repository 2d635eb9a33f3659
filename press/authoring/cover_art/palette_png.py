"""The cover as a small palette PNG: 256 colours shared by backdrop, art and brand."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageChops

from .design import GREEN, HEIGHT, INK, INK_DEEP, MUTED, PAPER, TEAL, WARM, WIDTH

BACKDROP_COLOURS = 160


def median_palette(image: Image.Image, count: int) -> list[int]:
    """Return a flat median-cut palette of count colours for image."""
    flat = image.quantize(colors=count, method=Image.Quantize.MEDIANCUT).getpalette()
    return (flat + flat[-3:] * count)[: 3 * count]


def build_palette(image: Image.Image, bare: Image.Image) -> list[int]:
    """Split 256 colours between the backdrop, the artwork and brand colours."""
    keys = (INK_DEEP, INK, GREEN, TEAL, WARM, PAPER, MUTED)
    diff = ImageChops.difference(image, bare).convert("L").tobytes()
    data = image.tobytes()
    art = b"".join(data[3 * i : 3 * i + 3] for i, v in enumerate(diff) if v > 1)
    art_image = Image.frombytes("RGB", (len(art) // 3, 1), art)
    flat = median_palette(bare, BACKDROP_COLOURS)
    flat += median_palette(art_image, 256 - BACKDROP_COLOURS - len(keys))
    return flat + [c for key in keys for c in key]


def to_palette(image: Image.Image, flat: list[int]) -> Image.Image:
    """Map every pixel to its exact nearest palette colour (no dithering)."""
    entries = [tuple(flat[i : i + 3]) for i in range(0, len(flat), 3)]

    def nearest(rgb: tuple[int, ...]) -> int:
        """Return the index of the perceptually closest palette entry."""
        r, g, b = rgb
        return min(
            range(len(entries)),
            key=lambda i: (
                3 * (entries[i][0] - r) ** 2
                + 4 * (entries[i][1] - g) ** 2
                + 2 * (entries[i][2] - b) ** 2
            ),
        )

    lookup = {rgb: nearest(rgb) for _, rgb in image.getcolors(WIDTH * HEIGHT)}
    data = image.tobytes()
    triples = zip(data[0::3], data[1::3], data[2::3], strict=True)
    paletted = Image.frombytes("P", image.size, bytes(lookup[t] for t in triples))
    paletted.putpalette(flat)
    return paletted


def save(image: Image.Image, bare: Image.Image, path: Path) -> None:
    """Write the cover as a small, optimised palette PNG."""
    path.parent.mkdir(parents=True, exist_ok=True)
    paletted = to_palette(image, build_palette(image, bare))
    paletted.save(path, format="PNG", optimize=True)
