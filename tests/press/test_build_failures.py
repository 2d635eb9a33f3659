"""Failures that say where: busy or read-only output, killed builds, a damaged cache."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from pelican.plugins import signals

from press import build
from press.output import staging
from socratic_blog.posts.reader import FrontMatterReader
from tests.support.builds import ROOT, settings_for

POST = "---\ntitle: A small post\ndate: 2024-05-01\n---\n\nSome words.\n"


@pytest.fixture
def blog(tmp_path) -> dict:
    """Settings overrides for a one-post site in `tmp_path`."""
    post = tmp_path / "content" / "posts" / "small" / "index.md"
    post.parent.mkdir(parents=True)
    post.write_text(POST, encoding="utf-8")
    return settings_for(tmp_path, tmp_path / "content")


def run(overrides: dict) -> list[str]:
    return build.build(ROOT / "pelicanconf.py", overrides)


def refuse_to_move(monkeypatch, output: Path, code: int) -> None:
    """Make renaming `output` fail as it does on a mount point or read-only disk."""
    rename = Path.rename

    def guarded(self, target):
        if Path(self) == output:
            raise OSError(code, "refused")
        return rename(self, target)

    monkeypatch.setattr(Path, "rename", guarded)


def test_output_on_a_mount_point_is_synced_in_place(blog, monkeypatch):
    output = Path(blog["OUTPUT_PATH"])
    assert run(blog) == []
    (output / "stale.html").write_text("left from an old build")
    refuse_to_move(monkeypatch, output, errno.EBUSY)
    post = Path(blog["PATH"]) / "posts" / "small" / "index.md"
    post.write_text(POST.replace("Some words.", "Other words."), encoding="utf-8")

    assert run(blog) == []
    assert "Other words." in (output / "posts/small/index.html").read_text()
    assert not (output / "stale.html").exists()
    assert [p.name for p in output.parent.glob(".output.*")] == []


def test_a_read_only_output_fails_in_one_line_and_is_kept(blog, monkeypatch):
    output = Path(blog["OUTPUT_PATH"])
    assert run(blog) == []
    before = (output / "posts/small/index.html").read_bytes()
    refuse_to_move(monkeypatch, output, errno.EROFS)

    errors = run(blog)
    assert len(errors) == 1
    assert errors[0].endswith(
        "output/ cannot be replaced (Read-only file system); make it writable,"
        " or build into another folder with OUTPUT_PATH in pelicanconf.py"
    )
    assert (output / "posts/small/index.html").read_bytes() == before


def test_the_next_build_removes_what_a_killed_build_left(blog):
    output = Path(blog["OUTPUT_PATH"])
    assert run(blog) == []
    left = output.parent / ".output.k1ll3d"
    (left / "posts").mkdir(parents=True)
    (left / staging.LOCK).write_bytes(b"")  # its build is gone: nobody holds it

    assert run(blog) == []
    assert not left.exists()


def test_a_build_in_progress_is_not_taken_for_a_killed_one(blog):
    output = Path(blog["OUTPUT_PATH"])
    output.parent.mkdir(parents=True, exist_ok=True)
    busy = output.parent / ".output.busy"
    busy.mkdir()
    with staging.hold(busy):
        assert staging.remove_abandoned(output) == []
    assert staging.remove_abandoned(output) == [busy]


def test_a_damaged_content_cache_is_dropped_with_a_warning(blog, capsys):
    assert run(blog) == []
    (cache,) = list(Path(blog["CACHE_PATH"]).rglob("ArticlesGenerator-*"))
    cache.write_bytes(b"garbage\n")

    assert run(blog) == []
    warning = capsys.readouterr().err.strip().splitlines()[-1]
    assert warning.startswith("warning: ")
    assert warning.endswith(
        "ArticlesGenerator-Readers was damaged and is dropped:"
        " the posts it held are read again"
    )
    assert (
        "Some words."
        in (Path(blog["OUTPUT_PATH"]) / "posts/small/index.html").read_text()
    )


def test_a_build_stopped_after_reading_leaves_a_cache_the_next_trusts(
    blog, capsys, monkeypatch
):
    def stop(generators):
        raise KeyboardInterrupt  # Ctrl-C while the pages are written

    signals.all_generators_finalized.connect(stop)
    try:
        with pytest.raises(KeyboardInterrupt):
            run(blog)
    finally:
        signals.all_generators_finalized.disconnect(stop)
    capsys.readouterr()
    reads = []
    read = FrontMatterReader.read
    monkeypatch.setattr(
        FrontMatterReader,
        "read",
        lambda self, path: reads.append(path) or read(self, path),
    )

    assert run(blog) == []
    assert "damaged" not in capsys.readouterr().err
    assert reads == []  # every post came from the cache


def test_a_fresh_checkout_finds_the_cache_it_restored(blog):
    image = Path(blog["PATH"]) / "images" / "chart.png"
    image.parent.mkdir(parents=True)
    image.write_bytes(b"the same bytes")
    assert run(blog) == []
    folders = {p.name for p in Path(blog["CACHE_PATH"]).iterdir()}
    # A clone writes every file anew: same bytes, a new modification time.
    image.unlink()
    image.write_bytes(b"the same bytes")
    os.utime(image, (1, 1))
    assert run(blog) == []
    assert {p.name for p in Path(blog["CACHE_PATH"]).iterdir()} == folders
