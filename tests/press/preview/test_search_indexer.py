"""The preview's search index: none until a page asks for it, then after each build."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from press.preview import search_indexer
from press.preview.search_indexer import SearchIndexer


class Pagefind:
    """A stand-in for Pagefind's run: counts runs, each writing the index slowly."""

    def __init__(self, seconds: float = 0.0):
        """Run for `seconds` each time."""
        self.seconds = seconds
        self.runs = 0
        self.most: list[int] = []  # the pages a Pagefind run may read, each time
        self.lock = threading.Lock()

    def __call__(self, output: Path, started, most: int) -> None:
        """Write the index into `output`, as refresh_live_index does."""
        self.most.append(most)
        time.sleep(self.seconds)
        (output / "pagefind").mkdir(exist_ok=True)
        (output / "pagefind/pagefind-entry.json").write_text("{}", encoding="utf-8")
        with self.lock:
            self.runs += 1


@pytest.fixture
def pagefind(monkeypatch) -> Pagefind:
    """Pagefind's runs, counted instead of made."""
    runs = Pagefind(seconds=0.2)
    monkeypatch.setattr(search_indexer, "refresh_live_index", runs)
    return runs


def settled(indexer: SearchIndexer) -> None:
    """Wait until the indexer has no run going or due."""
    deadline = time.monotonic() + 10
    while indexer.running is not None:
        assert time.monotonic() < deadline, "the index never settled"
        time.sleep(0.02)


def test_good_builds_make_no_index_until_a_page_asks_for_one(tmp_path, pagefind):
    indexer = SearchIndexer(tmp_path)
    indexer.request()
    indexer.request()
    settled(indexer)
    assert pagefind.runs == 0
    assert not (tmp_path / "pagefind").exists()


def test_once_asked_for_the_index_follows_every_good_build(tmp_path, pagefind):
    indexer = SearchIndexer(tmp_path, most=7)
    indexer.want()
    assert not indexer.ready()  # the first run takes a while
    settled(indexer)
    assert indexer.ready() and pagefind.runs == 1
    indexer.want()  # asked again: nothing new to do
    settled(indexer)
    assert pagefind.runs == 1
    indexer.request()
    settled(indexer)
    assert pagefind.runs == 2
    assert pagefind.most == [7, 7]  # the pages each Pagefind run may read


def test_a_stopped_preview_answers_at_once(tmp_path, pagefind):
    indexer = SearchIndexer(tmp_path)
    indexer.stop()
    indexer.want()
    assert indexer.ready() and indexer.running is None and pagefind.runs == 0


def test_a_run_that_fails_still_answers_and_the_next_build_runs_again(
    tmp_path, monkeypatch, capsys
):
    runs = []

    def broken(output: Path, started, most: int) -> None:
        runs.append(output)
        raise UnicodeDecodeError("utf-8", b"\xff", 0, 1, "Pagefind printed bytes")

    monkeypatch.setattr(search_indexer, "refresh_live_index", broken)
    indexer = SearchIndexer(tmp_path)
    indexer.want()
    settled(indexer)
    assert indexer.ready() and len(runs) == 1
    assert "search index not refreshed" in capsys.readouterr().err
    indexer.request()
    settled(indexer)
    assert len(runs) == 2
