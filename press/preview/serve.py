"""Live preview: rebuild when a source changes, serve the output, reload the browser.

Builds run in worker processes (rebuilds.py), one at a time. When posts or
pages changed, the last good build's worker first renders the saved posts'
own pages (finished_site/fast_render.py), then applies the edit to the whole site
(site_model.py): the server serves those pages at once and the pages showing
them reload; the full build then follows, and a page reloads again only if
the full build wrote it otherwise. The search index is made once a page asks
for it, then after each good build (search_indexer.py).
"""

from __future__ import annotations

import contextlib
import functools
import shutil
import signal
import sys
import threading
import time
from pathlib import Path

from pelican.settings import read_settings
from tornado.ioloop import IOLoop

from press import build
from press.output.search_index import pages_per_index
from press.output.search_shards import PAGES_PER_INDEX
from press.output.staging import remove_abandoned, spare_of

from .rebuilds import Rebuilder
from .search_indexer import SearchIndexer
from .server import Listeners, application
from .source_watch import SourceWatch

# How often the sources are checked for changes, and the most of its time a
# check may take: a big blog is checked less often. Woken by the kernel on
# each change, the preview checks only now and then, to be safe.
POLL_SECONDS = 0.05
POLL_SECONDS_WOKEN = 1.0
POLL_SHARE = 0.1


class Previewer:
    """Fast-render, then rebuild, once per batch of changes, off the server's loop."""

    def __init__(
        self,
        rebuild: Rebuilder,
        watch: SourceWatch,
        listeners: Listeners,
        search: SearchIndexer,
    ):
        """Know how to rebuild, what to watch, whom to tell and what to index."""
        self.rebuild = rebuild
        self.watch = watch
        self.listeners = listeners
        self.search = search
        self.loop = IOLoop.current()
        self.building = False
        self.rendering = False
        self.stale = self.render_due = False
        self.woken = watch.wake_on_change(
            lambda: self.loop.add_callback(self.check, True),
            lambda error: self.loop.add_callback(self.watch_lost, error),
        )

    def watch_lost(self, error: Exception) -> None:
        """Say the kernel's watch failed, and poll often again (on the loop)."""
        print(f"warning: watching for changes by polling: {error}", file=sys.stderr)
        self.woken = False

    def poll(self) -> None:
        """Check the sources now, and again after a while."""
        started = time.perf_counter()
        try:
            self.check()
        finally:  # keep watching even if one check failed
            spent = time.perf_counter() - started
            every = POLL_SECONDS_WOKEN if self.woken else POLL_SECONDS
            self.loop.call_later(max(every, spent / POLL_SHARE), self.poll)

    def check(self, woken: bool = False) -> None:
        """Check the sources (`woken`: only where the kernel said); render, build."""
        if self.watch.changed(woken):
            self.stale = self.render_due = True
        if self.render_due and not self.rendering:
            self.render_due, self.rendering = False, True
            threading.Thread(target=self.render, daemon=True).start()
        if self.stale and not self.building and not self.rendering:
            self.stale, self.building = False, True
            began = (self.watch.seen, self.listeners.renders)
            threading.Thread(target=self.run, args=began, daemon=True).start()

    def render(self) -> None:
        """Render the changed pages from the kept build, if it can, and serve them."""
        try:
            if not self.listeners.errors:
                self.rebuild.render(self.watch.since, self.show)
        finally:
            self.loop.add_callback(self.rendered)

    def show(self, pages: dict[str, bytes | None]) -> None:
        """Serve pages the kept build rendered (None: gone), on the server's loop."""
        self.loop.add_callback(self.listeners.rendered, pages)

    def rendered(self) -> None:
        """Note the kept build is done (on the server's loop); the build may start."""
        self.rendering = False
        self.check(woken=True)  # a build may be due

    def run(self, seen: dict, renders: int) -> None:
        """Build, tell the pages as soon as the output is in place, then go idle."""
        try:
            told = functools.partial(self.told, renders=renders)
            if not self.rebuild(told, seen):
                self.search.request()
        finally:
            self.building = False
            self.loop.add_callback(self.check, True)  # edits made meanwhile

    def told(self, errors: list[str], renders: int) -> None:
        """Pass a build's result to the pages, on the server's loop."""
        self.loop.add_callback(self.listeners.built, errors, renders)


def preview_pages_per_index(settings: dict) -> int:
    """Return how many pages a Pagefind run reads (warned of and the default if bad)."""
    most = pages_per_index(settings)
    if isinstance(most, str):  # the production build fails on it
        print(f"warning: {most}", file=sys.stderr)
    return most if isinstance(most, int) else PAGES_PER_INDEX


def serve(settings_file: Path, sources: list[Path], host: str, port: int) -> None:
    """Build, then serve the output and rebuild whenever a source changes.

    Ctrl-C or SIGTERM stops it in one line: the running build, the kept
    worker and the search index are stopped, and their folders removed.
    """
    rebuild = Rebuilder(settings_file)
    settings = read_settings(str(settings_file))
    output = Path(settings["OUTPUT_PATH"]).resolve()
    search = SearchIndexer(output, preview_pages_per_index(settings))
    try:
        with build.sigterm_interrupts():
            preview(rebuild, search, SourceWatch(sources), (host, port))
    except KeyboardInterrupt:
        print("stopped")
    finally:
        # A second Ctrl-C must not cut the tidying short.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        search.stop()
        rebuild.stop()
        remove_abandoned(output)
        shutil.rmtree(spare_of(output), ignore_errors=True)


def preview(
    rebuild: Rebuilder, search: SearchIndexer, watch: SourceWatch, address: tuple
) -> None:
    """Build once, then serve and rebuild until interrupted."""
    watch.changed()  # the state the first build sees
    listeners = Listeners(search.output)
    listeners.errors = rebuild(seen=watch.seen)
    if not listeners.errors:
        search.request()
    host, port = address
    application(listeners, port, search).listen(port, address=host)
    print(f"Serving on http://{host}:{port}", flush=True)
    previewer = Previewer(rebuild, watch, listeners, search)
    previewer.loop.call_later(POLL_SECONDS, previewer.poll)
    with stopped_by_signals(previewer.loop):
        previewer.loop.start()


@contextlib.contextmanager
def stopped_by_signals(loop: IOLoop):
    """Let Ctrl-C and SIGTERM stop the server's loop, then go on as KeyboardInterrupt.

    Raised where the signal lands, in a finalizer say, the interrupt was dropped.
    """
    stops = (signal.SIGINT, signal.SIGTERM)
    before = {number: signal.getsignal(number) for number in stops}
    signalled = []

    def stop() -> None:
        signalled.append(True)
        loop.stop()

    for number in stops:
        loop.asyncio_loop.add_signal_handler(number, stop)
    try:
        yield
    finally:
        for number in stops:
            loop.asyncio_loop.remove_signal_handler(number)
            signal.signal(number, before[number])
    if signalled:
        raise KeyboardInterrupt
