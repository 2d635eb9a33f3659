"""The preview's server makes the search index when a page first asks for it."""

from __future__ import annotations

import asyncio
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from press.ports import free_port
from press.preview import search_indexer
from press.preview.search_indexer import SearchIndexer
from press.preview.server import Listeners, application
from tests.press.preview.test_search_indexer import Pagefind

pytestmark = pytest.mark.server

PAGE = b"<html><head></head><body>home</body></html>"


def serving(root: Path, search: SearchIndexer) -> tuple[str, asyncio.AbstractEventLoop]:
    """Serve `root` on a free loopback port from a thread; return its URL and loop."""
    port = free_port()
    loop = asyncio.new_event_loop()
    started = threading.Event()

    def serve() -> None:
        asyncio.set_event_loop(loop)
        application(Listeners(root), port, search).listen(port, "127.0.0.1")
        loop.call_soon(started.set)
        loop.run_forever()

    threading.Thread(target=serve, daemon=True).start()
    assert started.wait(10)
    return f"http://127.0.0.1:{port}", loop


def fetched(url: str) -> tuple[int, bytes]:
    """GET `url`: its status and body."""
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.status, response.read()


def test_the_first_request_for_the_index_waits_for_it(tmp_path, monkeypatch):
    pagefind = Pagefind(seconds=2.0)
    monkeypatch.setattr(search_indexer, "refresh_live_index", pagefind)
    (tmp_path / "index.html").write_bytes(PAGE)
    indexer = SearchIndexer(tmp_path)
    url, loop = serving(tmp_path, indexer)
    try:
        assert fetched(url + "/")[0] == 200
        assert pagefind.runs == 0 and not indexer.wanted  # a page, not the search
        searched: list = []
        index = url + "/pagefind/pagefind-entry.json"
        waiting = threading.Thread(target=lambda: searched.append(fetched(index)))
        waiting.start()
        started = time.monotonic()
        assert fetched(url + "/")[0] == 200  # meanwhile, the server answers
        assert time.monotonic() - started < 1.0 and not searched
        waiting.join(30)
        assert searched == [(200, b"{}")] and pagefind.runs == 1
    finally:
        indexer.stop()
        loop.call_soon_threadsafe(loop.stop)
