"""The bench's kinds of edit change a synthetic post as an author would."""

from __future__ import annotations

import datetime
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

import yaml

from press.bench.edit_kinds import KINDS
from press.bench.measure import rebuild_time
from press.bench.memory import (
    WATCH_SECONDS,
    PeakWatch,
    session_peaks_mb,
)
from press.bench.peers import Peer
from press.bench.served import EDITS
from press.bench.synthetic_posts import make_post, write_posts


def front_matter(path) -> dict:
    """Read a post's YAML front matter."""
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


def test_each_kind_names_the_page_that_shows_it(tmp_path):
    posts = write_posts(tmp_path / "posts", 8)
    shown = {
        kind: make(post, f"bench0x{index}", "/")
        for index, (kind, make) in enumerate(KINDS.items())
        for post in [posts[index]]
    }
    assert "bench0x0" in posts[0].read_text(encoding="utf-8")
    assert front_matter(posts[1])["title"] == "Retitled bench0x1"
    assert "bench0x2" in front_matter(posts[2])["tags"]
    assert shown["tag"].path == "/tags/bench0x2/"
    newest = max(make_post(index).date for index in range(1800))
    assert newest < front_matter(posts[3])["date"] < datetime.date.today()
    assert (shown["date"].path, shown["date"].text) == ("/", "/posts/guide-00003/")
    assert front_matter(tmp_path / "posts/bench0x4/index.md")["title"] == (
        "New bench0x4"
    )
    assert not posts[5].exists()
    assert (shown["delete"].path, shown["delete"].text) == ("/posts/guide-00005/", None)


@contextmanager
def session(code: str) -> Iterator[subprocess.Popen]:
    """Run `code` as a server leading its own session; end the session after."""
    server = subprocess.Popen(
        [sys.executable, "-c", code], start_new_session=True, stdout=subprocess.PIPE
    )
    try:
        yield server
    finally:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait()
        server.stdout.close()


# A child that holds 150 MB, says so, and stays.
HOLDER = (
    "b = bytearray(150 * 2**20); print('held', flush=True); import time; time.sleep(30)"
)


def test_a_servers_peak_memory_is_its_largest_process_peak():
    """Two children of a server hold 150 MB each: the peak is one's, not both."""
    spawner = (
        "import subprocess as s, sys, time; "
        f"c = [s.Popen([sys.executable, '-c', {HOLDER!r}], stdout=s.PIPE) "
        "for _ in '12']; [p.stdout.readline() for p in c]; "
        "print('both held', flush=True); time.sleep(30)"
    )
    with session(spawner) as server, session("import time; time.sleep(30)") as idle:
        assert server.stdout.readline() == b"both held\n"
        assert 150 <= session_peaks_mb(server.pid)[0] < 250
        assert 0 < session_peaks_mb(idle.pid)[0] < 100


def test_a_watch_sees_a_short_process_that_is_gone_by_the_end():
    """The search indexer peaks and ends between two edits: the watch saw it."""
    brief = HOLDER.replace("time.sleep(30)", "time.sleep(2)")
    spawner = (
        "import subprocess as s, sys, time; "
        f"s.run([sys.executable, '-c', {brief!r}], stdout=s.DEVNULL); "
        "print('ended', flush=True); "
        "time.sleep(30)"
    )
    with session(spawner) as server:
        watch = PeakWatch(server.pid)
        assert server.stdout.readline() == b"ended\n"
        assert session_peaks_mb(server.pid)[0] < 100  # gone: no longer counted
        assert 150 <= watch.stop() < 250


def test_the_search_indexers_peak_is_told_apart():
    """A child named like Pagefind holds 150 MB: the peak without it is small."""
    spawner = (
        "import subprocess as s, sys, time; "
        f"c = s.Popen([sys.executable, '-c', {HOLDER!r}, 'page' + 'find'], "
        "stdout=s.PIPE); c.stdout.readline(); print('held', flush=True); "
        "time.sleep(30)"
    )
    with session(spawner) as server:
        assert server.stdout.readline() == b"held\n"
        peak, without_search = session_peaks_mb(server.pid)
        assert 150 <= peak < 250
        assert 0 < without_search < 100
        watch = PeakWatch(server.pid)
        time.sleep(2 * WATCH_SECONDS)
        assert 150 <= watch.stop() < 250
        assert 0 < watch.without_search < 100


def test_the_servers_waits_follow_a_full_rebuild_not_a_text_edit_s_build(tmp_path):
    # A text edit's `invoke build` is quick (the saved site); a server rebuilds
    # whole after an edit, so the bench times a build after a retitle for that.
    posts = write_posts(tmp_path / "posts", 8)
    peer = Peer("p", tmp_path, ["true"], ["true"], posts)
    ran = rebuild_time(peer, [sys.executable, "-c", "pass"])
    retitled = [p for p in posts if front_matter(p)["title"].startswith("Retitled")]
    assert retitled == [posts[EDITS]]  # not one the warm builds' text edits touch
    assert ran.seconds > 0
