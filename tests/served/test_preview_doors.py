"""The preview's server answers only its own loopback names, and never fails open."""

from __future__ import annotations

import asyncio
import http.client
import json
import logging
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest
from tornado import httpclient, websocket

from press.ports import free_port
from press.preview.server import Listeners, application

pytestmark = pytest.mark.server

PAGE = b"<html><head></head><body>%s</body></html>"
OTHER_HOSTS = [
    "evil.example",
    "evil.example:{port}",
    "127.0.0.1.evil.example:{port}",
    "localhost.:{port}",
    "127.0.0.1:1",
    "",
]


@dataclass
class Answer:
    """What the server said: status, headers and body."""

    code: int
    headers: dict[str, str]
    body: bytes


class PreviewServer:
    """The preview's application over a tiny built site, on a free loopback port.

    It runs in a thread of its own with its own event loop: the session's
    Chromium (sync Playwright) keeps an asyncio loop running in the main thread.
    """

    def __init__(self, root: Path):
        """Write the tiny site and start serving it."""
        (root / "posts").mkdir()
        (root / "index.html").write_bytes(PAGE % b"home")
        (root / "posts/index.html").write_bytes(PAGE % b"posts")
        (root / "404.html").write_bytes(PAGE % b"not here")
        self.listeners = Listeners(root)
        self.port = free_port()
        self.loop = asyncio.new_event_loop()
        started = threading.Event()
        self.thread = threading.Thread(target=self.serve, args=(started,), daemon=True)
        self.thread.start()
        started.wait(10)

    def serve(self, started: threading.Event) -> None:
        """Listen on the port and run the loop until stopped (in the thread)."""
        asyncio.set_event_loop(self.loop)
        self.server = application(self.listeners, self.port).listen(
            self.port, "127.0.0.1"
        )
        self.loop.call_soon(started.set)
        self.loop.run_forever()

    def stop(self) -> None:
        """Stop listening and end the thread."""
        self.loop.call_soon_threadsafe(self.server.stop)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)

    def run(self, work):
        """Run a coroutine on the server's loop and return its result."""
        return asyncio.run_coroutine_threadsafe(work, self.loop).result(30)

    def answer(self, path: str, host: str | None = None, method="GET", **headers):
        """Send one request, the Host header as given (the port filled in)."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        connection.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
        named = f"127.0.0.1:{self.port}" if host is None else host
        connection.putheader("Host", named.format(port=self.port))
        for name, value in headers.items():
            connection.putheader(name, value)
        connection.endheaders()
        response = connection.getresponse()
        answer = Answer(response.status, dict(response.getheaders()), response.read())
        connection.close()
        return answer

    def socket_url(self) -> str:
        """The reload socket's address."""
        return f"ws://127.0.0.1:{self.port}/_preview/socket?page=/"

    async def open_socket(self, **headers):
        """Open the reload socket with these headers (on the server's loop)."""
        request = httpclient.HTTPRequest(self.socket_url(), headers=headers)
        return await websocket.websocket_connect(request)


@pytest.fixture
def preview(tmp_path):
    """The preview's server over a tiny site, stopped after the test."""
    server = PreviewServer(tmp_path)
    yield server
    server.stop()


def failures_logged(caplog) -> list[str]:
    """The errors the server logged (a 500 logs one)."""
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]


def test_the_loopback_names_with_the_port_are_answered(preview):
    for host in ("127.0.0.1:{port}", "localhost:{port}", "[::1]:{port}"):
        response = preview.answer("/", host)
        assert response.code == 200, host
        assert b"home" in response.body


def test_any_other_host_is_refused_in_one_short_line(preview):
    for host in OTHER_HOSTS:
        for path in ("/", "/posts/", "/_preview/livereload.js", "/nowhere"):
            response = preview.answer(path, host)
            assert response.code == 403, (host, path)
            assert response.body == b"403: Host not allowed\n"


def test_a_cross_origin_request_is_refused(preview):
    response = preview.answer("/", Origin="http://evil.example")
    assert response.code == 403
    assert response.body == b"403: Origin not allowed\n"


def test_a_page_of_this_preview_opens_the_socket(preview):
    async def check():
        origin = f"http://localhost:{preview.port}"
        connection = await preview.open_socket(Origin=origin)
        assert json.loads(await connection.read_message()) == {"type": "ok"}
        connection.close()

    preview.run(check())


def test_another_host_or_origin_cannot_open_the_socket(preview):
    port = preview.port

    async def refused(headers) -> int:
        try:
            await preview.open_socket(**headers)
        except httpclient.HTTPClientError as error:
            return error.code
        return 101

    for headers in (
        {"Host": "evil.example", "Origin": "http://evil.example"},
        {"Host": f"evil.example:{port}"},
        {"Origin": "http://evil.example"},
        {"Origin": f"http://127.0.0.2:{port}"},
        {"Origin": "null"},
    ):
        assert preview.run(refused(headers)) == 403, headers


def test_a_message_from_the_page_is_ignored(preview, caplog):
    async def check():
        connection = await preview.open_socket()
        assert json.loads(await connection.read_message()) == {"type": "ok"}
        await connection.write_message("hello")
        await connection.write_message(b"\x00\xff", binary=True)
        preview.listeners.built(["content/posts/a/index.md:2: bad"])
        told = json.loads(await connection.read_message())
        connection.close()
        return told

    told = preview.run(check())
    assert told == {"type": "error", "errors": ["content/posts/a/index.md:2: bad"]}
    assert failures_logged(caplog) == []


def test_a_folder_redirects_to_its_normalised_path_on_this_server(preview):
    for path in (
        "/%5Cevil.example%2f..%2fposts",
        "/%5C%5Cevil.example%2f..%2fposts",
        "/nowhere/../posts",
        "/posts",
    ):
        response = preview.answer(path)
        assert response.code == 302, path
        assert response.headers["Location"] == "/posts/", path


def test_head_answers_as_get_without_a_body(preview):
    got = preview.answer("/posts/")
    for path in ("/posts/", "/_preview/livereload.js"):
        response = preview.answer(path, method="HEAD")
        assert response.code == 200, path
        assert response.body == b""
    assert response.headers["Content-Type"] == "text/javascript"
    head = preview.answer("/posts/", method="HEAD")
    assert head.headers["Content-Length"] == str(len(got.body))
    assert preview.answer("/nowhere", method="HEAD").code == 404


def test_bad_paths_are_refused_without_a_failure(preview, caplog):
    long_part = "a" * 300
    answers = {
        path: preview.answer(path).code
        for path in (
            "/%00",
            "/posts/%00/x",
            f"/{long_part}",
            f"/posts/{long_part}/index.html",
            f"/{long_part}/",
            "/_preview/%00",
            f"/_preview/{long_part}",
            "/%ff",
            "/../../etc/passwd",
            "/%2e%2e/%2e%2e/etc/passwd",
        )
    }
    assert set(answers.values()) <= {400, 404}, answers
    assert answers["/%00"] == 400
    assert answers[f"/{long_part}"] == 404
    assert failures_logged(caplog) == []
