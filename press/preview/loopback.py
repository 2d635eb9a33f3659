"""Which requests the preview answers: those addressed to the loopback it bound.

A page on any other site can make the browser send requests to 127.0.0.1,
and a DNS-rebinding page can even read the answers, as its own name then
points there. Its requests still name that other host in `Host` (and, for a
websocket, in `Origin`), so the preview answers only the loopback names, as
Vite's and webpack's dev servers do.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from tornado import web

LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]")


def allowed_hosts(port: int) -> frozenset[str]:
    """List the `Host` values that name this preview: a loopback name and its port."""
    hosts = {f"{name}:{port}" for name in LOOPBACK_NAMES}
    if port == 80:  # a browser leaves out the default port
        hosts.update(LOOPBACK_NAMES)
    return frozenset(hosts)


def origin_host(origin: str) -> str | None:
    """Name the host and port of an `Origin` header, None unless it is http(s)."""
    try:
        parts = urlsplit(origin)
    except ValueError:
        return None
    return parts.netloc.lower() if parts.scheme in ("http", "https") else None


class LoopbackOnly(web.RequestHandler):
    """Refuse a request whose `Host` (or `Origin`) names another site."""

    def initialize(self, hosts: frozenset[str], **kwargs) -> None:
        """Know the hosts this preview answers to (the rest is the handler's)."""
        super().initialize(**kwargs)
        self.hosts = hosts

    def prepare(self) -> None:
        """Stop here, with 403, unless the request names this preview."""
        host = self.request.headers.get("Host", "").lower()
        if host not in self.hosts:
            raise web.HTTPError(403, reason="Host not allowed")
        origin = self.request.headers.get("Origin")
        if origin is not None and origin_host(origin) not in self.hosts:
            raise web.HTTPError(403, reason="Origin not allowed")

    def write_error(self, status_code: int, **kwargs) -> None:
        """Say in one short line why the request was refused, never a traceback."""
        self.set_header("Content-Type", "text/plain; charset=utf-8")
        self.set_header("Cache-Control", "no-store")
        if self.request.method != "HEAD":
            self.finish(f"{status_code}: {self._reason}\n")
