"""Live preview: rebuild when a source changes, serve the output, reload the browser.

Each rebuild runs in a fresh process forked from a warm one that has already
imported Pelican and the libraries, so it starts in milliseconds instead of
half a second. The warm process never imports the plugin or the settings:
every rebuild reads the plugin code, the settings and the theme from disk.
The rebuild reports its errors as soon as the new output is in place; the
open pages then reload (or show the errors) while it tidies up.
"""

from __future__ import annotations

import multiprocessing
import shutil
import sys
import threading
import time
from pathlib import Path

from pelican.settings import read_settings
from tornado.ioloop import IOLoop

from . import build
from .preview_server import Listeners, application
from .search_index import refresh_live_index
from .source_watch import SourceWatch
from .staging import spare_of

# What a build imports that never changes while the author writes.
WARM_MODULES = [
    "importlib.metadata",
    "jinja2",
    "markdown",
    "markdown.extensions.footnotes",
    "markdown.extensions.toc",
    "markdown_it",
    "pelican",
    "pelican.generators",
    "pelican.readers",
    "pelican.writers",
    "PIL.Image",
    "PIL.ImageDraw",
    "PIL.ImageFont",
    "pygments.formatters.html",
    "pymdownx.highlight",
    "pymdownx.superfences",
    "smartypants",
    "typogrify.filters",
    "yaml",
    "press.incremental",
]
# How often the sources are checked for changes, and the most of its time a
# check may take: a big blog is checked less often.
POLL_SECONDS = 0.05
POLL_SHARE = 0.1
# The preview shows drafts and scheduled posts.
PREVIEW = {"PREVIEW": True}


def preview_build(settings_file: str, report) -> None:
    """Build once (in the worker), report the errors, then drop the old output."""
    started = time.perf_counter()
    try:
        errors = build.build(Path(settings_file), PREVIEW, drafts=True)
    except Exception as error:  # the preview keeps running whatever happens
        errors = [f"build failed: {type(error).__name__}: {error}"]
    report.send(errors)
    report.close()
    for error in errors:
        print(f"error: {error}", file=sys.stderr)
    if errors:
        print("build failed: the preview shows the last good build", file=sys.stderr)
    else:
        print(f"built in {time.perf_counter() - started:.2f} s", flush=True)
        output = Path(read_settings(settings_file)["OUTPUT_PATH"]).resolve()
        shutil.rmtree(spare_of(output), ignore_errors=True)


class Rebuilder:
    """Run builds in processes forked from a warm, plugin-free server process."""

    def __init__(self, settings_file: Path):
        """Prepare the fork server; it starts with the first build."""
        self.settings_file = str(settings_file)
        self.context = multiprocessing.get_context("forkserver")
        self.context.set_forkserver_preload(WARM_MODULES)

    def __call__(self, reported=None) -> list[str]:
        """Build once in a new process; call `reported` with its errors at once."""
        receiver, sender = self.context.Pipe(duplex=False)
        worker = self.context.Process(
            target=preview_build, args=(self.settings_file, sender), name="rebuild"
        )
        worker.start()
        sender.close()
        try:
            errors = receiver.recv()
        except EOFError:
            errors = [f"the build stopped (exit status {worker.exitcode})"]
        if reported is not None:
            reported(errors)
        worker.join()
        return errors


class SearchIndexer:
    """Re-index the live preview after good builds, one run at a time, off the loop."""

    def __init__(self, output: Path):
        """Index `output`."""
        self.output = output
        self.lock = threading.Lock()
        self.running = False
        self.again = False

    def request(self) -> None:
        """Index soon: now if idle, else once the running pass ends."""
        with self.lock:
            if self.running:
                self.again = True
                return
            self.running = True
        threading.Thread(target=self.run, daemon=True).start()

    def run(self) -> None:
        """Index until no build asked for another pass meanwhile."""
        while True:
            if error := refresh_live_index(self.output):
                print(f"warning: {error}", file=sys.stderr)
            with self.lock:
                if not self.again:
                    self.running = False
                    return
                self.again = False


class Previewer:
    """Rebuild once per batch of changes, one build at a time, off the server's loop."""

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

    def poll(self) -> None:
        """Check the sources; start a build when one changed and none runs."""
        started = time.perf_counter()
        try:
            if not self.building and self.watch.changed():
                self.building = True
                threading.Thread(target=self.run, daemon=True).start()
        finally:  # keep watching even if one check failed
            spent = time.perf_counter() - started
            self.loop.call_later(max(POLL_SECONDS, spent / POLL_SHARE), self.poll)

    def run(self) -> None:
        """Build, tell the pages as soon as the output is in place, then go idle."""
        try:
            if not self.rebuild(self.told):
                self.search.request()
        finally:
            self.building = False

    def told(self, errors: list[str]) -> None:
        """Pass a build's result to the pages, on the server's loop."""
        self.loop.add_callback(self.listeners.built, errors)


def serve(settings_file: Path, sources: list[Path], host: str, port: int) -> None:
    """Build, then serve the output and rebuild whenever a source changes."""
    rebuild = Rebuilder(settings_file)
    watch = SourceWatch(sources)
    watch.changed()  # the state the first build sees
    listeners = Listeners()
    listeners.errors = rebuild()
    output = Path(read_settings(str(settings_file))["OUTPUT_PATH"]).resolve()
    search = SearchIndexer(output)
    if not listeners.errors:
        search.request()
    application(str(output), listeners).listen(port, address=host)
    print(f"Serving on http://{host}:{port}", flush=True)
    previewer = Previewer(rebuild, watch, listeners, search)
    previewer.loop.call_later(POLL_SECONDS, previewer.poll)
    try:
        previewer.loop.start()
    except KeyboardInterrupt:
        print("stopped")
