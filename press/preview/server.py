"""The preview's web server: the built site, its reload client and its socket.

Every HTML page gets one `<script src>` for the client (client/), which
the site's Content-Security-Policy allows as it allows any same-origin script.
After each rebuild the socket tells every open page to reload, or sends the
build's errors for the client to show over the page.
"""

from __future__ import annotations

import asyncio
import json
import mimetypes
from pathlib import Path
from urllib.parse import quote, unquote

from tornado import web, websocket

from press.output.search_index import BUNDLE

from .loopback import LoopbackOnly, allowed_hosts, origin_host
from .search_indexer import SearchIndexer

CLIENT = Path(__file__).with_name("client")
CLIENT_TAG = b'<script src="/_preview/livereload.js"></script>'
HEAD_END = b"</head>"
TYPES = {".wasm": "application/wasm", ".pf_meta": "application/octet-stream"}
# How long the first request for the search index waits for it, checking how often.
INDEX_WAIT_SECONDS, INDEX_CHECK_SECONDS = 600, 0.1


class Listeners:
    """The open pages, what the last build said, and pages rendered since."""

    def __init__(self, root: Path):
        """Start with no page open, no error and no fast-rendered page."""
        self.root = root
        self.sockets: set[ReloadSocket] = set()
        self.errors: list[str] = []
        # Pages the kept build rendered: output path -> (when, bytes, or None if
        # gone), until a build writes them.
        self.fresh: dict[str, tuple[int, bytes | None]] = {}
        self.renders = 0

    def rendered(self, pages: dict[str, bytes | None]) -> None:
        """Serve these fast-rendered pages, and reload the open pages showing them."""
        self.renders += 1
        for name, data in pages.items():
            self.fresh[name] = (self.renders, data)
        for socket in list(self.sockets):
            if socket.page in pages:
                socket.send({"type": "reload"})

    def built(self, errors: list[str], renders: int = 0) -> None:
        """Tell the open pages to reload or show the failed build's errors.

        Pages fast-rendered after the build began (`renders`) are kept; a page
        already showing what the build wrote is not reloaded.
        """
        shown = self.fresh
        self.fresh = {name: page for name, page in shown.items() if page[0] > renders}
        self.errors = errors
        for socket in list(self.sockets):
            if errors:
                socket.send({"type": "error", "errors": errors})
            elif not self.shows_current(socket.page, shown):
                socket.send({"type": "reload"})

    def shows_current(self, name: str, shown: dict[str, tuple[int, bytes]]) -> bool:
        """Tell whether a page shows what is served now: a newer render or the build."""
        if name in self.fresh:
            return True
        if name not in shown:
            return False
        try:
            return (self.root / name).read_bytes() == shown[name][1]
        except OSError:
            return shown[name][1] is None

    def state(self) -> dict:
        """Say what a newly opened page should show."""
        return (
            {"type": "error", "errors": self.errors} if self.errors else {"type": "ok"}
        )


def page_file(address: str) -> str:
    """Name the output file an address shows: `/posts/x/` → `posts/x/index.html`."""
    name = unquote(address).lstrip("/")
    return f"{name}index.html" if name == "" or name.endswith("/") else name


class ReloadSocket(LoopbackOnly, websocket.WebSocketHandler):
    """One open page's connection."""

    def initialize(self, listeners: Listeners, hosts: frozenset[str]) -> None:
        """Know the other pages, and the hosts the preview answers to."""
        super().initialize(hosts=hosts)
        self.listeners = listeners
        self.page = ""

    def open(self) -> None:
        """Register the page and tell it the last build's state."""
        self.page = page_file(self.get_argument("page", ""))
        self.listeners.sockets.add(self)
        self.send(self.listeners.state())

    def check_origin(self, origin: str) -> bool:
        """Accept only the pages of this preview (`prepare` checked `Origin` too)."""
        return origin_host(origin) in self.hosts

    def on_message(self, message: str | bytes) -> None:
        """Ignore what a page says: the socket only talks to it."""

    def on_close(self) -> None:
        """Forget the page."""
        self.listeners.sockets.discard(self)

    def send(self, message: dict) -> None:
        """Send a message, dropping a page that went away meanwhile."""
        try:
            self.write_message(json.dumps(message))
        except websocket.WebSocketClosedError:
            self.listeners.sockets.discard(self)


class SiteFile(LoopbackOnly):
    """Serve the built site as a static host would, with the client in each page."""

    def initialize(
        self,
        listeners: Listeners,
        hosts: frozenset[str],
        search: SearchIndexer | None = None,
    ) -> None:
        """Serve the listeners' root (looked up on each request: builds swap it)."""
        super().initialize(hosts=hosts)
        self.listeners = listeners
        self.search = search

    async def get(self, path: str) -> None:
        """Send a fast-rendered page, the file, its folder's index, or the 404 page.

        A request for the search index asks for it, and the first waits for it.
        """
        if "\0" in path:
            raise web.HTTPError(400, reason="Bad path")
        if self.search is not None and path.split("/", 1)[0] == BUNDLE:
            self.search.want()
            waited = 0.0
            while not self.search.ready() and waited < INDEX_WAIT_SECONDS:
                await asyncio.sleep(INDEX_CHECK_SECONDS)
                waited += INDEX_CHECK_SECONDS
        root = self.listeners.root.resolve()
        try:
            self.send_path(root, (root / path).resolve(), path.endswith("/"))
        except (OSError, ValueError):  # a name too long, say: no such page
            self.send_missing(root)

    head = get

    def send_path(self, root: Path, target: Path, slashed: bool) -> None:
        """Send what `target` shows; a folder named without its slash redirects."""
        if not target.is_relative_to(root):
            self.send_missing(root)
            return
        fresh = self.listeners.fresh
        if target.is_dir() or (
            slashed and f"{target.relative_to(root).as_posix()}/index.html" in fresh
        ):
            if target != root and not slashed:
                # Built from the resolved path, never from what the request said.
                where = target.relative_to(root).as_posix()
                self.redirect(quote(f"/{where}/"), permanent=False)
                return
            target = target / "index.html"
        page = fresh.get(target.relative_to(root).as_posix())
        if page is not None and page[1] is None:  # the kept build removed it
            self.send_missing(root)
        elif page is not None:
            self.send_data(target, page[1])
        elif target.is_file():
            self.send_data(target, target.read_bytes())
        else:
            self.send_missing(root)

    def send_missing(self, root: Path) -> None:
        """Answer 404 with the site's 404 page, if it has one."""
        self.clear()
        self.set_status(404)
        missing = root / "404.html"
        if missing.is_file():
            self.send_data(missing, missing.read_bytes())

    def send_data(self, target: Path, data: bytes) -> None:
        """Write a file's bytes, never cached, the client added to HTML pages."""
        kind = TYPES.get(target.suffix) or mimetypes.guess_type(target.name)[0]
        kind = kind or "application/octet-stream"
        if kind == "text/html":
            data = data.replace(HEAD_END, CLIENT_TAG + HEAD_END, 1)
            kind += "; charset=utf-8"
        self.set_header("Content-Type", kind)
        self.set_header("Cache-Control", "no-store")
        self.write(data)


class ClientFile(LoopbackOnly, web.StaticFileHandler):
    """The client's script and style sheet, never cached."""

    def parse_url_path(self, url_path: str) -> str:
        """Refuse a path no file can have, with 400."""
        if "\0" in url_path:
            raise web.HTTPError(400, reason="Bad path")
        return super().parse_url_path(url_path)

    def set_extra_headers(self, path: str) -> None:
        """Let every reload fetch the client anew."""
        self.set_header("Cache-Control", "no-store")


def application(
    listeners: Listeners, port: int, search: SearchIndexer | None = None
) -> web.Application:
    """Route the socket, the client's files and the site, for the loopback `port`.

    The site's search index comes from `search`, once asked for (else as built).
    """
    hosts = allowed_hosts(port)
    site = {"listeners": listeners, "hosts": hosts}
    return web.Application(
        [
            (r"/_preview/socket", ReloadSocket, site),
            (r"/_preview/(.*)", ClientFile, {"path": str(CLIENT), "hosts": hosts}),
            (r"/(.*)", SiteFile, {**site, "search": search}),
        ]
    )
