"""Draw the cover of "so you are #opentowork?" into content/images/opentowork.png."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

from socratic_blog.api import BOLD_FONTS, load_font

from .backdrop import backdrop
from .badge import arc_text, avatar_disc, badge_arc, dot_grid, ripple_rings, spark
from .design import HEIGHT, WIDTH, s
from .lettering import draw_label, draw_title
from .palette_png import save

ROOT = Path(__file__).resolve().parents[2]
OUTPUT = ROOT / "content" / "images" / "opentowork.png"


def render() -> tuple[Image.Image, Image.Image]:
    """Compose the cover; return it and its bare backdrop, both at 1x."""
    size = (s(WIDTH), s(HEIGHT))
    canvas = backdrop(size)
    layer = Image.new("RGBA", size, (0, 0, 0, 0))
    dot_grid(layer)
    ripple_rings(layer)
    avatar_disc(layer)
    badge_arc(layer)
    arc_text(layer, load_font(BOLD_FONTS, s(22)))
    spark(layer)
    image = Image.alpha_composite(canvas.convert("RGBA"), layer)
    draw = ImageDraw.Draw(image)
    draw_label(draw)
    draw_title(draw)
    final = (WIDTH, HEIGHT)
    return (
        image.convert("RGB").resize(final, Image.Resampling.LANCZOS),
        canvas.resize(final, Image.Resampling.LANCZOS),
    )


def main() -> None:
    """Render the cover and write it next to the post content."""
    save(*render(), OUTPUT)
    print(f"wrote {OUTPUT.relative_to(ROOT)} ({OUTPUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
