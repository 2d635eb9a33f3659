"""The preview's watcher: woken by the kernel on a save, polling when it cannot be."""

from __future__ import annotations

import threading

import watchfiles

from press.preview.source_watch import SourceWatch


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
