"""The preview's build workers: forked warm, the last good one kept for fast renders.

Each rebuild runs in a fresh process forked from a warm one that has already
imported Pelican and the libraries, so it starts in milliseconds instead of
half a second. The warm process never imports the plugin or the settings:
every rebuild reads the plugin code, the settings and the theme from disk.
A good build's worker then stays, holding the site and the posts it read, to
render saved posts' pages (press/finished_site/fast_render.py) or apply other
edits (site_model.py).
"""

from __future__ import annotations

import multiprocessing
import shutil
import signal
import sys
import threading
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path

from pelican.plugins import signals
from pelican.settings import read_settings

from press import build
from press.finished_site.fast_render import KeptSite
from press.output.staging import spare_of
from press.progress import Progress

from .answers import answers
from .kept_memory import settle
from .site_model import KeptPosts, SiteModel

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
# A fast render takes milliseconds, applying an edit to the kept site about a
# warm build's time: a worker that takes this long is stuck.
RENDER_SECONDS, APPLY_SECONDS = 30, 300
# A stopped worker has this long to remove its staging folder.
STOP_SECONDS = 10
STOPPED = "the preview stopped"
ANSWERED = "answered"  # the kept worker's last word on an edit
PREVIEW = {"PREVIEW": True}  # the preview shows drafts and scheduled posts


def preview_build(settings_file: str, connection, first: bool = False) -> None:
    """Build once (in the worker) and report; if good, render pages on request.

    Ctrl-C reaches the terminal's whole group: the worker leaves it to the
    preview, which stops its workers with SIGTERM, as Ctrl-C stops `invoke
    build`: its staging folder is removed.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        with build.sigterm_interrupts():
            build_and_keep(settings_file, connection, first)
    except KeyboardInterrupt:  # the preview stopped: end quietly
        return


def build_and_keep(settings_file: str, connection, first: bool = False) -> None:
    """Build once (the first with its progress) and report; then render pages."""
    started = time.perf_counter()
    site = KeptSite()
    signals.all_generators_finalized.connect(site.keep)
    posts = KeptPosts.recording()  # as read: the model reuses those an edit spares
    try:
        progress = Progress() if first else None
        errors = build.build(Path(settings_file), PREVIEW, True, progress, posts.fields)
        if progress is not None and errors:
            progress.clear()
        elif progress is not None:
            progress.finish()
    except Exception as error:  # the preview keeps running whatever happens
        errors = [build.bug_report(error)]
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
    site.warm()  # so that the first edit finds the theme compiled
    model = None
    try:
        model = SiteModel(Path(settings_file), PREVIEW, drafts=True, kept=posts)
        settle()  # the build's garbage gone, what stays frozen, free pages back
        while True:
            try:
                sources = connection.recv()
            except EOFError:  # replaced by a newer build, or the preview stopped
                return
            for answer in answers(site, model, sources, output, connection.send):
                connection.send(answer)
            connection.send(ANSWERED)
    finally:
        if model is not None:
            model.close()


@dataclass
class KeptWorker:
    """A good build's worker, and the sources' state that build read."""

    process: multiprocessing.Process
    connection: Connection
    seen: dict[str, tuple[int, int]]

    def retire(self) -> None:
        """Let the worker end; reap it without waiting here."""
        self.connection.close()
        threading.Thread(target=self.process.join, daemon=True).start()


def stop_worker(process: multiprocessing.Process) -> None:
    """Stop a worker as Ctrl-C stops a build, and wait until it has cleaned up."""
    process.terminate()
    process.join(STOP_SECONDS)
    if process.exitcode is None:  # stuck: the next build removes what it left
        process.kill()
        process.join()


class Rebuilder:
    """Run builds in processes forked from a warm, plugin-free server process."""

    def __init__(self, settings_file: Path):
        """Prepare the fork server; it starts with the first build."""
        self.settings_file = str(settings_file)
        self.context = multiprocessing.get_context("forkserver")
        self.context.set_forkserver_preload(WARM_MODULES)
        self.kept: KeptWorker | None = None
        self.lock = threading.Lock()
        # The worker building now, if any; none starts once the preview stopped.
        self.starting = threading.Lock()
        self.building: multiprocessing.Process | None = None
        self.stopped = False
        self.first = True

    def __call__(self, reported=None, seen=None) -> list[str]:
        """Build in a new process, `reported` told at once; keep it if good."""
        with self.starting:
            if self.stopped:
                return [STOPPED]
            ours, theirs = self.context.Pipe()
            worker = self.context.Process(
                target=preview_build,
                args=(self.settings_file, theirs, self.first),
                name="rebuild",
            )
            self.first = False
            worker.start()
            self.building = worker
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
        with self.starting:
            self.building = None
        return errors

    def stop(self) -> None:
        """Stop the running build and the kept worker; start no other."""
        with self.starting:
            self.stopped = True
            building = self.building
        kept, self.kept = self.kept, None
        for process in (building, kept and kept.process):
            if process is not None:
                stop_worker(process)

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

    def render(self, changed_since, shown) -> None:
        """Have the kept worker show what changed since its build: `shown(pages)`.

        `changed_since(seen)` lists the files changed since a build's `seen`, under
        the lock: the list and the worker are one build's. Answers: answers.py.
        """
        with self.lock:
            if self.kept is None:
                return
            sources = changed_since(self.kept.seen)
            if not sources:
                return
            connection = self.kept.connection
            try:
                connection.send(sources)
                seconds = RENDER_SECONDS
                while connection.poll(seconds):
                    pages = connection.recv()
                    if pages == ANSWERED:
                        return
                    if pages:
                        shown(pages)
                    seconds = APPLY_SECONDS
            except (EOFError, OSError):
                pass
            # A worker that broke or hangs renders no more; the builds go on.
            self.kept.process.kill()
            self.kept.retire()
            self.kept = None
