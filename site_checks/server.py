"""Serve a built site on 127.0.0.1 the way a static host does: gzip and a 404 page."""

from __future__ import annotations

import gzip
import mimetypes
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

HOST = "127.0.0.1"
COMPRESSED = ("text/", "image/svg+xml", "application/javascript", "application/json")
NOT_FOUND_PAGE = "404.html"


class StaticSiteHandler(SimpleHTTPRequestHandler):
    """Answer with the file, gzipped when it is text, or with the site's 404 page."""

    def do_GET(self):
        """Send the file the path names."""
        self.respond(head_only=False)

    def do_HEAD(self):
        """Send the headers of the file the path names."""
        self.respond(head_only=True)

    def respond(self, head_only: bool) -> None:
        """Find the file, then send it with its type and encoding."""
        path = Path(self.translate_path(self.path))
        if path.is_dir() and not self.path.split("?")[0].endswith("/"):
            self.send_response(HTTPStatus.MOVED_PERMANENTLY)
            self.send_header("Location", self.path.split("?")[0] + "/")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if path.is_dir():
            path = path / "index.html"
        status = HTTPStatus.OK
        if not path.is_file():
            status, path = HTTPStatus.NOT_FOUND, Path(self.directory) / NOT_FOUND_PAGE
        body = path.read_bytes() if path.is_file() else b""
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        self.send_response(status)
        self.send_header("Content-Type", kind)
        if kind.startswith(COMPRESSED) and "gzip" in self.headers.get(
            "Accept-Encoding", ""
        ):
            body = gzip.compress(body, mtime=0)
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if not head_only:
            self.wfile.write(body)

    def log_message(self, format, *args):
        """Stay quiet: tests and the audit print their own results."""


def free_port() -> int:
    """Return a port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


@contextmanager
def serve(root: Path, port: int = 0) -> Iterator[str]:
    """Serve `root` on 127.0.0.1 while the block runs; yield the base URL."""
    handler = partial(StaticSiteHandler, directory=str(root))
    server = ThreadingHTTPServer((HOST, port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{HOST}:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
