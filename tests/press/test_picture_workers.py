"""Picture copies: made ahead on every core, cached, and never made again warm."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest

from press import build
from press.workers.pool import cores
from site_checks.photo_essay import write_photo_essay
from tests.support.builds import SETTINGS, settings_for

COUNT = re.compile(r"picture copies: made (\d+), reused (\d+)")
LOGGER = "socratic_blog.pictures.published_pictures"


def build_and_count(overrides: dict, caplog) -> tuple[int, int]:
    """Build the site; return (pictures the plugin made, pictures it found)."""
    caplog.clear()
    with caplog.at_level(logging.INFO, logger=LOGGER):
        assert build.build(SETTINGS[True], overrides) == []
    counts = [COUNT.fullmatch(record.getMessage()) for record in caplog.records]
    [found] = [count for count in counts if count]
    return int(found.group(1)), int(found.group(2))


def cache_files(folder: Path) -> dict[str, int]:
    """Return each cached picture with its modification time."""
    return {path.name: path.stat().st_mtime_ns for path in folder.iterdir()}


@pytest.mark.skipif(cores() < 2, reason="forked workers need 2+ cores")
def test_workers_make_the_copies_and_a_warm_build_makes_none(tmp_path, caplog):
    content = tmp_path / "content"
    write_photo_essay(content)
    overrides = settings_for(
        tmp_path, content, SITEURL="https://example.org", SEARCH_INDEX=False
    )
    assert build_and_count(overrides, caplog) == (0, 5)
    made = cache_files(tmp_path / "pictures")
    assert len([name for name in made if name.endswith("w.webp")]) == 19
    (tmp_path / "cache").rename(tmp_path / "cold-cache")  # read the posts again
    assert build_and_count(overrides, caplog) == (0, 5)
    assert cache_files(tmp_path / "pictures") == made
