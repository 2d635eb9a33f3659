"""The preview's watcher: woken by the kernel on a save, polling when it cannot be."""

from __future__ import annotations

import shutil
import threading
import time

import pytest
import watchfiles

from press.preview.source_watch import MOST_NAMED, SourceWatch


def test_a_save_wakes_the_watcher_and_the_snapshot_names_the_file(tmp_path):
    post = tmp_path / "posts/a/index.md"
    post.parent.mkdir(parents=True)
    post.write_text("first\n", encoding="utf-8")
    (tmp_path / "posts/a/.index.md.swp").write_text("x", encoding="utf-8")
    watch = SourceWatch([tmp_path])
    watch.changed()
    before = watch.seen
    woken, lost = threading.Event(), []
    assert watch.wake_on_change(woken.set, lost.append)
    woken.clear()

    post.write_text("first\nsecond\n", encoding="utf-8")

    assert woken.wait(10)
    assert watch.changed()
    assert watch.since(before) == [str(post)]
    assert lost == []


def test_added_and_removed_files_are_listed_as_changed(tmp_path):
    (tmp_path / "old.md").write_text("old\n", encoding="utf-8")
    watch = SourceWatch([tmp_path])
    watch.changed()
    before = watch.seen
    (tmp_path / "new.md").write_text("new\n", encoding="utf-8")
    (tmp_path / "old.md").unlink()
    assert watch.changed()
    assert watch.since(before) == [str(tmp_path / "new.md"), str(tmp_path / "old.md")]


def test_a_failed_kernel_watch_is_reported(tmp_path, monkeypatch):
    def refuse(*paths, **options):
        raise OSError("OS file watch limit reached")
        yield  # a generator, as watchfiles.watch is

    monkeypatch.setattr(watchfiles, "watch", refuse)
    lost = []
    done = threading.Event()

    def note(error: Exception) -> None:
        lost.append(error)
        done.set()

    assert SourceWatch([tmp_path]).wake_on_change(done.set, note)
    assert done.wait(10)
    assert [str(error) for error in lost] == ["OS file watch limit reached"]


def woken_watch(root) -> tuple[SourceWatch, threading.Event]:
    """A watch of `root` that has taken its first snapshot and listens to the kernel."""
    watch = SourceWatch([root])
    watch.changed()
    woken = threading.Event()
    assert watch.wake_on_change(woken.set, lambda error: None)
    time.sleep(0.2)  # the kernel's watch is in place
    return watch, woken


def test_woken_the_watcher_stats_only_the_files_named(tmp_path, monkeypatch):
    for name in ("a", "b"):
        (tmp_path / f"posts/{name}").mkdir(parents=True)
        (tmp_path / f"posts/{name}/index.md").write_text("first\n", encoding="utf-8")
    watch, woken = woken_watch(tmp_path)
    before = watch.seen

    edited = tmp_path / "posts/a/index.md"
    edited.write_text("first\nsecond\n", encoding="utf-8")
    assert woken.wait(10)
    time.sleep(0.2)  # every notification in
    monkeypatch.setattr(watch, "snapshot", lambda: pytest.fail("walked everything"))

    assert watch.changed(woken=True)
    assert watch.since(before) == [str(edited)]
    assert not watch.changed(woken=True)  # nothing named since


def test_what_the_kernel_names_gives_a_whole_snapshot(tmp_path):
    """Folders added, moved and deleted, editors' files, links: as a walk sees them."""
    (tmp_path / "posts/old").mkdir(parents=True)
    (tmp_path / "posts/old/index.md").write_text("old\n", encoding="utf-8")
    (tmp_path / "posts/gone/pictures").mkdir(parents=True)
    (tmp_path / "posts/gone/pictures/a.png").write_bytes(b"png")
    for folder in ("drafts", ".hidden"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "a.md").write_text("draft\n", encoding="utf-8")
    outside = tmp_path.parent / f"{tmp_path.name}-outside"
    outside.mkdir()
    (outside / "secret.md").write_text("secret\n", encoding="utf-8")
    watch, woken = woken_watch(tmp_path)

    (tmp_path / "posts/new/pictures").mkdir(parents=True)
    (tmp_path / "posts/new/index.md").write_text("new\n", encoding="utf-8")
    (tmp_path / "posts/new/pictures/b.png").write_bytes(b"png")
    (tmp_path / "posts/new/.index.md.swp").write_text("swap", encoding="utf-8")
    (tmp_path / "posts/old").rename(tmp_path / "posts/moved")
    shutil.rmtree(tmp_path / "posts/gone")
    (tmp_path / "posts/linked").symlink_to(outside)
    (tmp_path / "posts/new/link.md").symlink_to(outside / "secret.md")
    (tmp_path / "drafts").rename(tmp_path / ".drafts")  # hidden: Pelican ignores it
    (tmp_path / ".hidden").rename(tmp_path / "shown")
    (tmp_path / ".drafts/b.md").write_text("in a hidden folder\n", encoding="utf-8")
    assert woken.wait(10)
    time.sleep(0.5)

    watch.changed(woken=True)
    assert watch.seen == watch.snapshot()
    assert str(tmp_path / "posts/moved/index.md") in watch.seen
    assert str(tmp_path / "posts/new/pictures/b.png") in watch.seen
    assert not [path for path in watch.seen if "/gone/" in path or "/old/" in path]
    assert str(tmp_path / "shown/a.md") in watch.seen
    assert not [path for path in watch.seen if "drafts" in path]
    shutil.rmtree(outside)


def test_many_files_named_at_once_take_a_whole_snapshot(tmp_path, monkeypatch):
    """A checkout names hundreds of files: one walk is quicker than each alone."""
    posts = [tmp_path / f"post-{number}.md" for number in range(MOST_NAMED + 50)]
    for post in posts:
        post.write_text("first\n", encoding="utf-8")
    watch, woken = woken_watch(tmp_path)
    before = watch.seen
    for post in posts:
        post.write_text("second\n", encoding="utf-8")
    assert woken.wait(10)
    time.sleep(0.5)
    walks = []
    snapshot = watch.snapshot
    monkeypatch.setattr(watch, "snapshot", lambda: walks.append(1) or snapshot())
    assert watch.changed(woken=True)
    assert walks == [1]
    assert watch.since(before) == sorted(str(post) for post in posts)
