"""The picture row of `invoke bench`: a production build of posts with a photo each.

Each synthetic post shows one phone photo 3,000 pixels wide (its own, with
GPS EXIF), so the build makes its private copy and WebP copies. The build is
timed cold, then warm with nothing changed; the warm build must make no copy
again (the picture cache is counted before and after).
"""

from __future__ import annotations

import io
import shutil
from collections.abc import Callable
from pathlib import Path

from PIL import Image, ImageDraw

from .peers import LEFT_OUT, ROOT, invoke
from .synthetic_posts import write_posts

SIZE = (3000, 2000)
GPS_IFD = 0x8825


def base_photo() -> Image.Image:
    """Draw a smooth photo-like picture (sky and sea) the photos start from."""
    sky = Image.linear_gradient("L").resize(SIZE)
    return Image.merge(
        "RGB", (sky.point(lambda v: v // 2), sky, sky.point((255).__sub__))
    )


def photo(base: Image.Image, index: int) -> bytes:
    """Encode photo `index`: the base with its number drawn, and GPS EXIF."""
    picture = base.copy()
    draw = ImageDraw.Draw(picture)
    draw.rectangle((200 + index % 2000, 300, 900 + index % 2000, 900), fill=index % 256)
    draw.text((400, 500), f"photo {index}", fill=(255, 255, 255), font_size=120)
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Pillow writes the GPS block only after a tag
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (48.0, 51.0, float(index % 60))})
    data = io.BytesIO()
    picture.save(data, "JPEG", quality=85, exif=exif)
    return data.getvalue()


def photo_project(folder: Path, count: int) -> list[str]:
    """Copy the project with `count` posts of one photo each; return the build."""
    shutil.copytree(ROOT, folder, ignore=shutil.ignore_patterns(*LEFT_OUT))
    base = base_photo()
    for index, post in enumerate(write_posts(folder / "content" / "posts", count)):
        (post.parent / "photo.jpg").write_bytes(photo(base, index))
        text = post.read_text(encoding="utf-8")  # the body starts after "---\n\n"
        shown = text.replace("\n\n", "\n\n![A photo of the sea](photo.jpg)\n\n", 1)
        post.write_text(shown, encoding="utf-8")
    return invoke("build", "--production")


def copies(folder: Path) -> dict[str, int]:
    """Return each picture the project's cache holds, with its modification time."""
    cache = folder / ".cache" / "pictures"
    return (
        {p.name: p.stat().st_mtime_ns for p in cache.glob("*")}
        if cache.is_dir()
        else {}
    )


def bench_photos(folder: Path, count: int, run: Callable) -> dict:
    """Time the photo project's production build cold and warm; count remade copies."""
    project = folder / f"photos-{count}"
    command = photo_project(project, count)
    cold = run(command, project)
    made = copies(project)
    warm = run(command, project)
    after = copies(project)
    remade = sum(1 for name, stamp in after.items() if made.get(name) != stamp)
    return {"cold": cold, "warm": warm, "copies": len(made), "remade": remade}
