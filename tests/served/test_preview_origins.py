"""In Chromium, a page on another origin can neither read the preview nor hear it.

A DNS-rebinding page has its own name point at 127.0.0.1 (here Chromium's
`--host-resolver-rules`), so the browser sees the preview as that page's own
origin; a page on a second loopback address is another origin outright.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from tornado.ioloop import IOLoop

from press.ports import free_port
from press.preview.server import Listeners, application
from tests.support.serving import REBINDING

pytestmark = [pytest.mark.browser, pytest.mark.server]

SECRET = "a draft nobody else may read"
# Opens the preview's socket from the page; says whether it opened.
OPEN_SOCKET = """(url) => new Promise((resolve) => {
  const socket = new WebSocket(url);
  socket.onmessage = (event) => resolve("told: " + event.data);
  socket.onerror = () => resolve("refused");
  setTimeout(() => resolve("no answer"), 5000);
})"""
# Reads a page by fetch; says what it read, or that it could not.
READ = """(url) => fetch(url).then((r) => r.text(), (e) => "blocked: " + e.name)"""


@contextmanager
def preview(root: Path) -> Iterator[int]:
    """Serve `root` with the preview's server, in a thread; yield its port."""
    port = free_port()
    started = threading.Event()
    running = {}

    def run() -> None:
        asyncio.set_event_loop(asyncio.new_event_loop())
        loop = IOLoop.current()
        server = application(Listeners(root), port).listen(port, address="127.0.0.1")
        running.update(loop=loop, server=server)
        started.set()
        loop.start()
        server.stop()
        loop.close(all_fds=True)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    assert started.wait(10)
    try:
        yield port
    finally:
        running["loop"].add_callback(running["loop"].stop)
        thread.join(10)


@pytest.fixture
def port(tmp_path):
    (tmp_path / "index.html").write_text(
        f"<html><head></head><body><p>{SECRET}</p></body></html>", encoding="utf-8"
    )
    with preview(tmp_path) as port:
        yield port


def test_the_preview_itself_reads_its_pages_and_opens_its_socket(port, browser):
    page = browser.new_page()
    page.goto(f"http://127.0.0.1:{port}/")
    assert SECRET in page.inner_text("body")
    assert SECRET in page.evaluate(READ, "/")
    socket = f"ws://127.0.0.1:{port}/_preview/socket?page=/"
    assert page.evaluate(OPEN_SOCKET, socket) == 'told: {"type": "ok"}'


def test_a_rebinding_page_can_neither_read_the_preview_nor_open_its_socket(
    port, browser
):
    page = browser.new_page()
    response = page.goto(f"http://{REBINDING}:{port}/")
    assert response.status == 403
    assert SECRET not in page.content()
    assert SECRET not in page.evaluate(READ, "/")
    socket = f"ws://{REBINDING}:{port}/_preview/socket?page=/"
    assert page.evaluate(OPEN_SOCKET, socket) == "refused"


def test_a_page_on_another_loopback_address_cannot_read_or_listen(port, browser):
    page = browser.new_page()
    other = f"http://127.0.0.2:{free_port()}/"
    page.route(other, lambda route: route.fulfill(body="<p>another site</p>"))
    page.goto(other)
    assert SECRET not in page.evaluate(READ, f"http://127.0.0.1:{port}/")
    socket = f"ws://127.0.0.1:{port}/_preview/socket?page=/"
    assert page.evaluate(OPEN_SOCKET, socket) == "refused"
