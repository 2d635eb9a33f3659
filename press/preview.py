"""Live preview: rebuild when a source changes, serve the output, reload the browser.

Each rebuild runs in a fresh process forked from a warm one that has already
imported Pelican and the libraries, so it starts in milliseconds instead of
half a second. The warm process never imports the plugin or the settings:
every rebuild reads the plugin code, the settings and the theme from disk.
"""

from __future__ import annotations

import multiprocessing
import time
from pathlib import Path

from livereload import Server
from livereload.handlers import LiveReloadHandler
from livereload.watcher import Watcher
from pelican.settings import read_settings
from tornado.ioloop import IOLoop

from . import build

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
]
# How often the sources are checked for changes (livereload polls every 0.8 s),
# and the most of its time a check may take: a big blog is checked less often.
POLL_SECONDS = 0.1
# The preview shows drafts and scheduled posts, and runs livereload's script.
PREVIEW = {"PREVIEW": True}
POLL_SHARE = 0.1


class Rebuilder:
    """Run builds in processes forked from a warm, plugin-free server process."""

    def __init__(self, settings_file: Path):
        """Prepare the fork server; it starts with the first build."""
        self.settings_file = str(settings_file)
        self.context = multiprocessing.get_context("forkserver")
        self.context.set_forkserver_preload(WARM_MODULES)

    def __call__(self) -> int:
        """Build once in a new process and return its exit status."""
        worker = self.context.Process(
            target=build.main,
            args=(self.settings_file, PREVIEW, True),
            name="rebuild",
        )
        worker.start()
        worker.join()
        return worker.exitcode


class SourceWatcher(Watcher):
    """livereload's watcher: poll often, and rebuild once per batch of changes."""

    def __init__(self, rebuild: Rebuilder):
        """Remember how to rebuild."""
        super().__init__()
        self.rebuild = rebuild
        self.changed = False
        self.scan_seconds = 0.0

    def mark_changed(self) -> None:
        """Note that a watched file changed (livereload calls this per source)."""
        self.changed = True

    def start(self, callback) -> bool:
        """Poll on livereload's loop (True: livereload needn't poll itself)."""
        loop = IOLoop.current()

        def poll() -> None:
            try:
                callback()
            finally:  # keep watching even if one check failed
                pause = max(POLL_SECONDS, self.scan_seconds / POLL_SHARE)
                loop.call_later(pause, poll)

        loop.call_later(POLL_SECONDS, poll)
        return True

    def examine(self):
        """Rebuild when any watched file changed, then let the browser reload."""
        self.changed = False
        started = time.perf_counter()
        path, delay = super().examine()
        self.scan_seconds = time.perf_counter() - started
        if self.changed:
            self.rebuild()
        return path, delay


def serve(settings_file: Path, sources: list[Path], host: str, port: int) -> None:
    """Build, then serve the output and rebuild whenever a source changes."""
    rebuild = Rebuilder(settings_file)
    rebuild()
    # livereload drops a reload that comes within 3 s of the last one; here each
    # reload follows a rebuild that already took in every change before it.
    LiveReloadHandler.DEFAULT_RELOAD_TIME = 0
    watcher = SourceWatcher(rebuild)
    server = Server(watcher=watcher)
    for source in sources:
        server.watch(str(source), watcher.mark_changed)
    output = read_settings(str(settings_file))["OUTPUT_PATH"]
    server.serve(host=host, port=port, root=output, open_url_delay=None)
