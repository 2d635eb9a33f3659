"""Live preview: rebuild when a source changes, serve the output, reload the browser.

Each rebuild runs in a fresh process forked from a warm one that has already
imported Pelican and the libraries, so it starts in milliseconds instead of
half a second. The warm process never imports the plugin or the settings:
every rebuild reads the plugin code, the settings and the theme from disk.
"""

from __future__ import annotations

import multiprocessing
from pathlib import Path

from livereload import Server
from livereload.watcher import Watcher
from pelican.settings import read_settings
from tornado.ioloop import PeriodicCallback

from . import build

# What a build imports that never changes while the author writes.
WARM_MODULES = [
    "jinja2",
    "markdown",
    "markdown.extensions.tables",
    "markdown.extensions.toc",
    "mdx_truly_sane_lists",
    "pelican",
    "pelican.generators",
    "pelican.readers",
    "pelican.writers",
    "PIL.Image",
    "pygments.formatters.html",
    "pymdownx.highlight",
    "pymdownx.superfences",
    "smartypants",
    "typogrify.filters",
    "yaml",
]
# How often the sources are checked for changes (livereload's default is 800).
POLL_MS = 100


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
            target=build.main, args=(self.settings_file,), name="rebuild"
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

    def mark_changed(self) -> None:
        """Note that a watched file changed (livereload calls this per source)."""
        self.changed = True

    def start(self, callback) -> bool:
        """Poll every POLL_MS milliseconds (True: livereload needn't poll)."""
        PeriodicCallback(callback, POLL_MS).start()
        return True

    def examine(self):
        """Rebuild when any watched file changed, then let the browser reload."""
        self.changed = False
        path, delay = super().examine()
        if self.changed:
            self.rebuild()
        return path, delay


def serve(settings_file: Path, sources: list[Path], host: str, port: int) -> None:
    """Build, then serve the output and rebuild whenever a source changes."""
    rebuild = Rebuilder(settings_file)
    rebuild()
    watcher = SourceWatcher(rebuild)
    server = Server(watcher=watcher)
    for source in sources:
        server.watch(str(source), watcher.mark_changed)
    output = read_settings(str(settings_file))["OUTPUT_PATH"]
    server.serve(host=host, port=port, root=output, open_url_delay=None)
