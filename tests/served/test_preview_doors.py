"""The preview's server answers only its own loopback names, and never fails open."""

from __future__ import annotations

import json
import logging

import pytest
from tornado import httpclient, websocket
from tornado.testing import AsyncHTTPTestCase, gen_test

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


class PreviewServer(AsyncHTTPTestCase):
    """The preview's application over a tiny built site, on a free loopback port."""

    def get_app(self):
        root = self.tmp_path
        (root / "posts").mkdir()
        (root / "index.html").write_bytes(PAGE % b"home")
        (root / "posts/index.html").write_bytes(PAGE % b"posts")
        (root / "404.html").write_bytes(PAGE % b"not here")
        self.listeners = Listeners(root)
        return application(self.listeners, self.get_http_port())

    @pytest.fixture(autouse=True)
    def in_tmp_path(self, tmp_path, caplog):
        self.tmp_path = tmp_path
        self.caplog = caplog

    def answer(self, path: str, host: str | None = None, **options):
        headers = (
            {} if host is None else {"Host": host.format(port=self.get_http_port())}
        )
        options.setdefault("follow_redirects", False)
        return self.fetch(path, headers=headers, raise_error=False, **options)

    def socket_url(self) -> str:
        return f"ws://127.0.0.1:{self.get_http_port()}/_preview/socket?page=/"

    def open_socket(self, **headers):
        request = httpclient.HTTPRequest(self.socket_url(), headers=headers)
        return websocket.websocket_connect(request)

    def failures_logged(self) -> list[str]:
        return [
            r.getMessage() for r in self.caplog.records if r.levelno >= logging.ERROR
        ]


class TestHosts(PreviewServer):
    def test_the_loopback_names_with_the_port_are_answered(self):
        for host in ("127.0.0.1:{port}", "localhost:{port}", "[::1]:{port}"):
            response = self.answer("/", host)
            assert response.code == 200, host
            assert b"home" in response.body

    def test_any_other_host_is_refused_in_one_short_line(self):
        for host in OTHER_HOSTS:
            for path in ("/", "/posts/", "/_preview/livereload.js", "/nowhere"):
                response = self.answer(path, host)
                assert response.code == 403, (host, path)
                assert response.body == b"403: Host not allowed\n"
                assert b"home" not in response.body

    def test_a_cross_origin_request_is_refused(self):
        response = self.fetch(
            "/", headers={"Origin": "http://evil.example"}, raise_error=False
        )
        assert response.code == 403
        assert response.body == b"403: Origin not allowed\n"


class TestSocket(PreviewServer):
    @gen_test
    async def test_a_page_of_this_preview_opens_the_socket(self):
        origin = f"http://localhost:{self.get_http_port()}"
        connection = await self.open_socket(Origin=origin)
        assert json.loads(await connection.read_message()) == {"type": "ok"}
        connection.close()

    @gen_test
    async def test_another_host_or_origin_cannot_open_the_socket(self):
        port = self.get_http_port()
        for headers in (
            {"Host": "evil.example", "Origin": "http://evil.example"},
            {"Host": f"evil.example:{port}"},
            {"Origin": "http://evil.example"},
            {"Origin": f"http://127.0.0.2:{port}"},
            {"Origin": "null"},
        ):
            with pytest.raises(httpclient.HTTPClientError) as refused:
                await self.open_socket(**headers)
            assert refused.value.code == 403, headers

    @gen_test
    async def test_a_message_from_the_page_is_ignored(self):
        connection = await self.open_socket()
        assert json.loads(await connection.read_message()) == {"type": "ok"}
        await connection.write_message("hello")
        await connection.write_message(b"\x00\xff", binary=True)
        self.listeners.built(["content/posts/a/index.md:2: bad"])
        told = json.loads(await connection.read_message())
        assert told == {"type": "error", "errors": ["content/posts/a/index.md:2: bad"]}
        connection.close()
        assert self.failures_logged() == []


class TestPaths(PreviewServer):
    def test_a_folder_redirects_to_its_normalised_path_on_this_server(self):
        for path in (
            "/%5Cevil.example%2f..%2fposts",
            "/%5C%5Cevil.example%2f..%2fposts",
            "/nowhere/../posts",
            "/posts",
        ):
            response = self.answer(path)
            assert response.code == 302, path
            assert response.headers["Location"] == "/posts/", path

    def test_head_answers_as_get_without_a_body(self):
        got = self.answer("/posts/")
        for path in ("/posts/", "/_preview/livereload.js"):
            response = self.answer(path, method="HEAD")
            assert response.code == 200, path
            assert response.body == b""
        assert response.headers["Content-Type"] == "text/javascript"
        assert self.answer("/posts/", method="HEAD").headers["Content-Length"] == str(
            len(got.body)
        )
        assert self.answer("/nowhere", method="HEAD").code == 404

    def test_bad_paths_are_refused_without_a_failure(self):
        long_part = "a" * 300
        answers = {
            path: self.answer(path).code
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
        assert self.failures_logged() == []
