"""The preview's build workers: forked warm, the last good one kept for fast renders.

Each rebuild runs in a fresh process forked from a warm one that has already
imported Pelican and the libraries, so it starts in milliseconds instead of
half a second. The warm process never imports the plugin or the settings:
every rebuild reads the plugin code, the settings and the theme from disk.
The rebuild reports its errors as soon as the new output is in place; a good
build's worker then stays, holding the site it built, to render saved posts'
pages at once (fast_render.py) until the next good build replaces it.
"""

from __future__ import annotations

import multiprocessing
import shutil
import sys
import threading
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path

from pelican.plugins import signals
from pelican.settings import read_settings

from press import build
from press.output.staging import spare_of

from .fast_render import KeptSite

# What a build imports that never changes while the author writes: libraries
# only, since our own build code imports the plugin (tests/press check it).
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
# A fast render takes milliseconds; one that takes this long is stuck.
RENDER_SECONDS = 30
# The preview shows drafts and scheduled posts.
PREVIEW = {"PREVIEW": True}


def preview_build(settings_file: str, connection) -> None:
    """Build once (in the worker) and report; if good, render pages on request."""
    started = time.perf_counter()
    site = KeptSite()
    signals.all_generators_finalized.connect(site.keep)
    try:
        errors = build.build(Path(settings_file), PREVIEW, drafts=True)
    except Exception as error:  # the preview keeps running whatever happens
        errors = [f"build failed: {type(error).__name__}: {error}"]
    connection.send(errors)
    for error in errors:
        print(f"error: {error}", file=sys.stderr)
    if errors:
        print("build failed: the preview shows the last good build", file=sys.stderr)
        connection.close()
        return
    print(f"built in {time.perf_counter() - started:.2f} s", flush=True)
    output = Path(read_settings(settings_file)["OUTPUT_PATH"]).resolve()
    shutil.rmtree(spare_of(output), ignore_errors=True)
    connection.send("tidied")  # the next build may swap its output in
    while True:
        try:
            sources = connection.recv()
        except EOFError:  # replaced by a newer build, or the preview stopped
            return
        connection.send(site.render(sources))


@dataclass
class KeptWorker:
    """A good build's worker, and the sources' state that build read."""

    process: multiprocessing.Process
    connection: Connection
    seen: dict[str, tuple[int, int]]

    def retire(self) -> None:
        """Let the worker end, and reap it without waiting here."""
        self.connection.close()
        threading.Thread(target=self.process.join, daemon=True).start()


class Rebuilder:
    """Run builds in processes forked from a warm, plugin-free server process."""

    def __init__(self, settings_file: Path):
        """Prepare the fork server; it starts with the first build."""
        self.settings_file = str(settings_file)
        self.context = multiprocessing.get_context("forkserver")
        self.context.set_forkserver_preload(WARM_MODULES)
        self.kept: KeptWorker | None = None
        self.lock = threading.Lock()

    def __call__(self, reported=None, seen=None) -> list[str]:
        """Build in a new process, `reported` told at once; keep it if good."""
        ours, theirs = self.context.Pipe()
        worker = self.context.Process(
            target=preview_build, args=(self.settings_file, theirs), name="rebuild"
        )
        worker.start()
        theirs.close()
        try:
            errors = ours.recv()
        except EOFError:
            errors = [f"the build stopped (exit status {worker.exitcode})"]
        if reported is not None:
            reported(errors)
        if not errors and self.tidied(ours):
            self.keep(KeptWorker(worker, ours, seen or {}))
        else:
            ours.close()
            worker.join()
        return errors

    @staticmethod
    def tidied(connection) -> bool:
        """Wait until a good build's worker has removed the output it replaced."""
        try:
            return connection.recv() == "tidied"
        except EOFError:
            return False

    def keep(self, worker: KeptWorker | None) -> None:
        """Keep this good build's worker, retiring the one before."""
        with self.lock:
            retired, self.kept = self.kept, worker
        if retired is not None:
            retired.retire()

    def render(self, changed_since) -> dict[str, bytes] | None:
        """Have the kept worker render the pages of what changed since its build.

        `changed_since(seen)` lists the files changed since a build's `seen`
        state (None: more than files' text changed); it is asked under the lock,
        so the list and the worker that renders it belong to the same build.
        """
        with self.lock:
            if self.kept is None:
                return None
            sources = changed_since(self.kept.seen)
            if not sources:
                return None
            connection = self.kept.connection
            try:
                connection.send(sources)
                if connection.poll(RENDER_SECONDS):
                    return connection.recv()
            except (EOFError, OSError):
                pass
            # A worker that broke or hangs renders no more; the builds go on.
            self.kept.process.kill()
            self.kept.retire()
            self.kept = None
            return None
