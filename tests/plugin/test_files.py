"""Files written whole, shared by hard links, folders hashed: socratic_blog.files."""

from __future__ import annotations

import errno
import os

import pytest

from socratic_blog import files


def test_a_file_made_whole_replaces_the_old_one_at_once(tmp_path):
    target = tmp_path / "cards" / "card.png"
    files.write_whole(target, lambda partial: partial.write_bytes(b"new"))
    assert target.read_bytes() == b"new"
    assert [path.name for path in target.parent.iterdir()] == ["card.png"]


def test_a_failed_make_leaves_the_old_file_and_no_partial_one(tmp_path):
    target = tmp_path / "record.json"
    target.write_text("old", encoding="utf-8")

    def fail(partial):
        partial.write_text("half", encoding="utf-8")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        files.write_whole(target, fail)
    assert target.read_text(encoding="utf-8") == "old"
    assert [path.name for path in tmp_path.iterdir()] == ["record.json"]


def test_a_shared_file_is_the_same_inode_in_a_new_folder(tmp_path):
    source = tmp_path / "output" / "index.html"
    source.parent.mkdir()
    source.write_text("page", encoding="utf-8")
    staged = tmp_path / "staging" / "posts" / "index.html"
    assert files.share(source, staged)
    assert staged.stat().st_ino == source.stat().st_ino
    assert not files.share(tmp_path / "gone.html", staged)
    assert staged.stat().st_ino == source.stat().st_ino


def test_a_file_that_cannot_be_linked_is_copied(tmp_path, monkeypatch):
    cached = tmp_path / "cover.webp"
    cached.write_bytes(b"webp")
    target = tmp_path / "output" / "cover.webp"

    def across_disks(source, link):
        raise OSError(errno.EXDEV, os.strerror(errno.EXDEV))

    monkeypatch.setattr(os, "link", across_disks)
    files.link_or_copy(cached, target)
    assert target.read_bytes() == b"webp"
    assert target.stat().st_ino != cached.stat().st_ino


def test_a_folder_digest_follows_paths_and_bytes_only(tmp_path):
    (tmp_path / "theme" / "css").mkdir(parents=True)
    style = tmp_path / "theme" / "css" / "style.css"
    style.write_text("a", encoding="utf-8")
    before = files.folder_digest(tmp_path / "theme")
    os.utime(style, (1, 1))
    assert files.folder_digest(tmp_path / "theme") == before
    (tmp_path / "theme" / "notes.md").write_text("n", encoding="utf-8")
    assert files.folder_digest(tmp_path / "theme") != before
    assert (
        files.folder_digest(tmp_path / "theme", lambda p: p.suffix != ".md") == before
    )
    style.write_text("b", encoding="utf-8")
    assert (
        files.folder_digest(tmp_path / "theme", lambda p: p.suffix != ".md") != before
    )
