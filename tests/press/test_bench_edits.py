"""The bench's kinds of edit change a synthetic post as an author would."""

from __future__ import annotations

import datetime
import os
import signal
import subprocess
import sys
import time

import yaml

from press.bench.edit_kinds import KINDS
from press.bench.memory import PeakWatch, session_peak_mb
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


def test_a_servers_peak_memory_is_its_largest_process_peak():
    """Two children of a server hold 150 MB each: the peak is one's, not both."""
    holder = "b = bytearray(150 * 2**20); import time; time.sleep(30)"
    spawner = (
        "import subprocess as s, sys; "
        f"c = [s.Popen([sys.executable, '-c', {holder!r}]) for _ in range(2)]; "
        "[p.wait() for p in c]"
    )
    servers = [
        subprocess.Popen([sys.executable, "-c", code], start_new_session=True)
        for code in (spawner, "import time; time.sleep(30)")
    ]
    try:
        deadline = time.monotonic() + 20
        while session_peak_mb(servers[0].pid) < 150 and time.monotonic() < deadline:
            time.sleep(0.1)
        time.sleep(0.5)  # the second child has its 150 MB too
        assert 150 <= session_peak_mb(servers[0].pid) < 250
        assert 0 < session_peak_mb(servers[1].pid) < 100
    finally:
        for server in servers:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


def test_a_watch_sees_a_short_process_that_is_gone_by_the_end():
    """The search indexer peaks and ends between two edits: the watch saw it."""
    brief = "b = bytearray(150 * 2**20); import time; time.sleep(2)"
    spawner = (
        f"import subprocess as s, sys, time; s.run([sys.executable, '-c', {brief!r}]); "
        "time.sleep(30)"
    )
    server = subprocess.Popen([sys.executable, "-c", spawner], start_new_session=True)
    try:
        watch = PeakWatch(server.pid)
        deadline = time.monotonic() + 30
        while session_peak_mb(server.pid) < 150 and time.monotonic() < deadline:
            time.sleep(0.1)  # the child holds its memory
        while session_peak_mb(server.pid) >= 100 and time.monotonic() < deadline:
            time.sleep(0.1)  # then it ends: no longer counted
        assert session_peak_mb(server.pid) < 100
        assert 150 <= watch.stop() < 250
    finally:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait()
