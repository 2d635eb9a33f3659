"""The preview's web server: the built site, its reload client and its socket.

Every HTML page gets one `<script src>` for the client (preview_client/), which
the site's Content-Security-Policy allows as it allows any same-origin script.
After each rebuild the socket tells every open page to reload, or sends the
build's errors for the client to show over the page.
"""

from __future__ import annotations

import json
import mimetypes
from pathlib import Path

from tornado import web, websocket

CLIENT = Path(__file__).with_name("preview_client")
CLIENT_TAG = b'<script src="/_preview/livereload.js"></script>'
HEAD_END = b"</head>"
TYPES = {".wasm": "application/wasm", ".pf_meta": "application/octet-stream"}


class Listeners:
    """The open pages, and what the last build said, for pages opened later."""

    def __init__(self):
        """Start with no page open and no error."""
        self.sockets: set[ReloadSocket] = set()
        self.errors: list[str] = []

    def built(self, errors: list[str]) -> None:
        """Tell every open page to reload, or to show the failed build's errors."""
        self.errors = errors
        message = {"type": "error", "errors": errors} if errors else {"type": "reload"}
        for socket in list(self.sockets):
            socket.send(message)

    def state(self) -> dict:
        """Say what a newly opened page should show."""
        return (
            {"type": "error", "errors": self.errors} if self.errors else {"type": "ok"}
        )


class ReloadSocket(websocket.WebSocketHandler):
    """One open page's connection."""

    def initialize(self, listeners: Listeners) -> None:
        """Know the other pages."""
        self.listeners = listeners

    def open(self) -> None:
        """Register the page and tell it the last build's state."""
        self.listeners.sockets.add(self)
        self.send(self.listeners.state())

    def on_close(self) -> None:
        """Forget the page."""
        self.listeners.sockets.discard(self)

    def send(self, message: dict) -> None:
        """Send a message, dropping a page that went away meanwhile."""
        try:
            self.write_message(json.dumps(message))
        except websocket.WebSocketClosedError:
            self.listeners.sockets.discard(self)


class SiteFile(web.RequestHandler):
    """Serve the built site as a static host would, with the client in each page."""

    def initialize(self, root: str) -> None:
        """Serve from `root` (looked up on each request: builds swap it)."""
        self.root = Path(root)

    def get(self, path: str) -> None:
        """Send the file, the folder's index.html, or the site's 404 page."""
        root = self.root.resolve()
        target = (root / path).resolve()
        if not target.is_relative_to(root):
            raise web.HTTPError(404)
        if target.is_dir():
            if path and not path.endswith("/"):
                self.redirect(f"/{path}/", permanent=False)
                return
            target = target / "index.html"
        if not target.is_file():
            self.set_status(404)
            target = root / "404.html"
            if not target.is_file():
                return
        self.send_file(target)

    def send_file(self, target: Path) -> None:
        """Write the file, never cached, the client added to HTML pages."""
        data = target.read_bytes()
        kind = TYPES.get(target.suffix) or mimetypes.guess_type(target.name)[0]
        kind = kind or "application/octet-stream"
        if kind == "text/html":
            data = data.replace(HEAD_END, CLIENT_TAG + HEAD_END, 1)
            kind += "; charset=utf-8"
        self.set_header("Content-Type", kind)
        self.set_header("Cache-Control", "no-store")
        self.write(data)


class ClientFile(web.StaticFileHandler):
    """The client's script and style sheet, never cached."""

    def set_extra_headers(self, path: str) -> None:
        """Let every reload fetch the client anew."""
        self.set_header("Cache-Control", "no-store")


def application(root: str, listeners: Listeners) -> web.Application:
    """Route the socket, the client's files and the site."""
    return web.Application(
        [
            (r"/_preview/socket", ReloadSocket, {"listeners": listeners}),
            (r"/_preview/(.*)", ClientFile, {"path": str(CLIENT)}),
            (r"/(.*)", SiteFile, {"root": root}),
        ]
    )
