"""WebP cover copies: cached by the cover's bytes, encoded ahead on every core."""

from __future__ import annotations

import io
import logging
import re
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from press import build
from press.workers import webp as parallel_webp
from press.workers.pool import cores
from socratic_blog.pictures.webp_covers import encode_webp
from tests.support.builds import SETTINGS, settings_for
from tests.support.fixture_files import cover_png, write

# The workers start from this many covers here (a few keep the test quick).
FORKING_FROM = 2
COVERS = FORKING_FROM + 2
COUNT = re.compile(r"WebP covers: encoded (\d+), reused (\d+)")
many_cores = pytest.mark.skipif(cores() < 2, reason="forked workers need 2+ cores")


@pytest.fixture(autouse=True)
def forking_from_a_few_covers(monkeypatch):
    """Fork the WebP workers for a few covers, as for the site's many."""
    monkeypatch.setattr(parallel_webp, "WORTH_FORKING", FORKING_FROM)


def numbered_cover(number: int) -> bytes:
    """Draw the fixture cover with a number on it: each post its own cover."""
    with Image.open(io.BytesIO(cover_png())) as cover:
        image = cover.convert("RGB")
    ImageDraw.Draw(image).text((600, 300), f"cover {number}", fill=(0, 0, 0))
    data = io.BytesIO()
    image.save(data, "PNG")
    return data.getvalue()


def write_posts(content: Path) -> Path:
    """Write posts that each have a cover of their own beside them."""
    for number in range(COVERS):
        folder = content / "posts" / f"post-{number}"
        write(
            folder / "index.md",
            f'---\ntitle: "post {number}"\ndate: 2024-02-{number + 1:02d}\n'
            "image: cover.png\n---\n\nText.\n",
        )
        write(folder / "cover.png", numbered_cover(number))
    return content


def build_and_count(overrides: dict, caplog) -> tuple[int, int]:
    """Build the site; return (copies the plugin encoded, copies it reused)."""
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="socratic_blog.pictures.webp_covers"):
        assert build.build(SETTINGS[False], overrides) == []
    [counts] = [COUNT.fullmatch(r.getMessage()) for r in caplog.records]
    return int(counts.group(1)), int(counts.group(2))


def webp_copies(output: Path) -> dict[str, bytes]:
    """Read every WebP copy in a built site, by its path."""
    return {
        path.relative_to(output).as_posix(): path.read_bytes()
        for path in sorted(output.rglob("*.webp"))
    }


@many_cores
def test_the_workers_encode_the_same_bytes_as_the_plugin(tmp_path, monkeypatch, caplog):
    content = write_posts(tmp_path / "content")
    ahead = settings_for(tmp_path / "ahead", content)
    # Every copy was in the cache the workers filled: the plugin encoded none.
    assert build_and_count(ahead, caplog) == (0, COVERS)
    monkeypatch.setattr(parallel_webp, "WORTH_FORKING", 10**6)
    alone = settings_for(tmp_path / "alone", content)
    assert build_and_count(alone, caplog) == (COVERS, 0)
    copies = webp_copies(tmp_path / "ahead" / "output")
    assert len(copies) == COVERS
    assert copies == webp_copies(tmp_path / "alone" / "output")
    for name in copies:
        with Image.open(tmp_path / "ahead" / "output" / name) as webp:
            assert (webp.format, webp.size) == ("WEBP", (1200, 630))


def test_a_rebuild_encodes_only_the_cover_that_changed(tmp_path, monkeypatch, caplog):
    monkeypatch.setattr(parallel_webp, "WORTH_FORKING", 10**6)
    content = write_posts(tmp_path / "content")
    overrides = settings_for(tmp_path, content)
    assert build_and_count(overrides, caplog) == (COVERS, 0)
    assert build_and_count(overrides, caplog) == (0, COVERS)
    changed = content / "posts" / "post-3" / "cover.png"
    write(changed, numbered_cover(99))
    assert build_and_count(overrides, caplog) == (1, COVERS - 1)
    # The copy is the new cover's, as the encoder makes it from those bytes.
    fresh = tmp_path / "fresh.webp"
    encode_webp(changed, fresh)
    output = tmp_path / "output" / "posts" / "post-3" / "cover.webp"
    assert output.read_bytes() == fresh.read_bytes()


def test_posts_sharing_a_cover_share_one_copy_linked_from_the_cache(tmp_path):
    content = tmp_path / "content"
    write(content / "images/cover.png", numbered_cover(0))
    for number in range(2):
        write(
            content / "posts" / f"shared-{number}" / "index.md",
            f'---\ntitle: "shared {number}"\ndate: 2024-03-0{number + 1}\n'
            "image: ../../images/cover.png\n---\n\nText.\n",
        )
    overrides = settings_for(tmp_path, content)
    assert build.build(SETTINGS[False], overrides) == []
    assert list(webp_copies(tmp_path / "output")) == ["images/cover.webp"]
    copy = tmp_path / "output/images/cover.webp"
    cached = {path.stat().st_ino for path in (tmp_path / "webp-covers").iterdir()}
    assert copy.stat().st_ino in cached
