"""A warm production build reads only the pictures it has not found private yet."""

from __future__ import annotations

import shutil

from site_checks.photo_essay import SLUG, write_photo_essay
from socratic_blog.pictures import picture_cache
from tests.support.builds import build_blog
from tests.support.fixture_files import gps_of

SITE = "https://example.org/blog"


def test_a_warm_build_reads_only_new_pictures_and_keeps_them_private(
    tmp_path, monkeypatch
):
    write_photo_essay(tmp_path / "content")
    read = []
    carries = picture_cache.carries_metadata

    def counted(source):
        read.append(source.name)
        return carries(source)

    monkeypatch.setattr(picture_cache, "carries_metadata", counted)

    def build():
        read.clear()
        return build_blog(
            tmp_path / "content",
            tmp_path,
            production=True,
            SITEURL=SITE,
            SEARCH_INDEX=False,
        )

    output = build()
    assert "harbour.jpg" in read
    build()
    assert read == []

    # The author swaps a picture for another photo that carries a location.
    folder = tmp_path / "content" / "posts" / SLUG
    shutil.copy(folder / "market.jpg", folder / "harbour.jpg")
    output = build()
    assert "harbour.jpg" in read
    published = [path for path in output.rglob("*") if path.is_file()]
    assert [path.name for path in published if gps_of(path)] == []
