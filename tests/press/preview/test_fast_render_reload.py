"""A fast-rendered page reloads once: not again when the full build wrote the same."""

from __future__ import annotations

from press.preview.server import Listeners, page_file


class Socket:
    """An open page as the preview server's listeners see it."""

    def __init__(self, address: str):
        """Show the page at `address`."""
        self.page = page_file(address)
        self.messages: list[str] = []

    def send(self, message: dict) -> None:
        """Record what the page was told."""
        self.messages.append(message["type"])


def test_a_page_reloads_for_its_fast_render_and_not_again_for_the_same_build(tmp_path):
    built = b"<html>saved text</html>"
    (tmp_path / "posts/a").mkdir(parents=True)
    listeners = Listeners(tmp_path)
    showing, other = Socket("/posts/a/"), Socket("/tags/")
    listeners.sockets |= {showing, other}

    listeners.rendered({"posts/a/index.html": built})
    assert (showing.messages, other.messages) == (["reload"], [])
    assert listeners.fresh["posts/a/index.html"][1] == built

    (tmp_path / "posts/a/index.html").write_bytes(built)
    listeners.built([], renders=listeners.renders)
    assert (showing.messages, other.messages) == (["reload"], ["reload"])
    assert listeners.fresh == {}


def test_a_build_begun_before_a_render_keeps_it_and_one_after_replaces_it(tmp_path):
    (tmp_path / "posts/a").mkdir(parents=True)
    (tmp_path / "posts/a/index.html").write_bytes(b"<html>as built</html>")
    listeners = Listeners(tmp_path)
    showing = Socket("/posts/a/index.html")
    listeners.sockets.add(showing)

    began = listeners.renders
    listeners.rendered({"posts/a/index.html": b"<html>newer</html>"})
    listeners.built([], renders=began)  # the newer render stays served
    assert listeners.fresh["posts/a/index.html"][1] == b"<html>newer</html>"
    assert showing.messages == ["reload"]

    listeners.built([], renders=listeners.renders)  # the build wrote otherwise
    assert listeners.fresh == {}
    assert showing.messages == ["reload", "reload"]

    listeners.built(["content/posts/a/index.md:2: bad"], renders=listeners.renders)
    assert showing.messages == ["reload", "reload", "error"]
