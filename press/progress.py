"""One live progress line for long builds on a terminal; a plain summary in logs.

On a terminal the line is rewritten in place (posts read, pages written and
rendered, time left), as Hugo and pip do. In CI (CI set) or when the output
is not a terminal, nothing is shown while the build runs, and one summary
line is printed at the end.
"""

from __future__ import annotations

import os
import sys
import time
from typing import TextIO

from pelican.generators import ArticlesGenerator, PagesGenerator
from pelican.plugins import signals

# The line is redrawn at most this often.
REDRAW_SECONDS = 0.1


def live_terminal(stream: TextIO) -> bool:
    """Tell whether `stream` is a terminal a person watches (not a CI log)."""
    return stream.isatty() and not os.environ.get("CI")


class Progress:
    """Count a build's posts read and pages written; show them on one line."""

    def __init__(self, stream: TextIO | None = None, live: bool | None = None):
        """Show on `stream` (stderr), live when it is a person's terminal."""
        self.stream = stream or sys.stderr
        self.live = live_terminal(self.stream) if live is None else live
        self.started = time.perf_counter()
        self.drawn = 0.0
        self.sources = self.read = 0
        self.pages = self.queued = self.rendered = 0
        self.width = 0
        self.saved_site: int | None = None  # pages a quick build wrote

    def connect(self) -> None:
        """Count what Pelican reads (its generators' signals)."""
        signals.generator_init.connect(self.found)
        signals.article_generator_context.connect(self.post_read)
        signals.page_generator_context.connect(self.post_read)

    def disconnect(self) -> None:
        """Stop counting what Pelican reads."""
        signals.generator_init.disconnect(self.found)
        signals.article_generator_context.disconnect(self.post_read)
        signals.page_generator_context.disconnect(self.post_read)

    def found(self, generator) -> None:
        """Count the sources a posts' or pages' generator will read."""
        settings = generator.settings
        if isinstance(generator, ArticlesGenerator):
            paths, excluded = settings["ARTICLE_PATHS"], settings["ARTICLE_EXCLUDES"]
        elif isinstance(generator, PagesGenerator):
            paths, excluded = settings["PAGE_PATHS"], settings["PAGE_EXCLUDES"]
        else:
            return
        self.sources += len(generator.get_files(paths, exclude=excluded))

    def post_read(self, generator, metadata=None) -> None:
        """Count one post (or page) read, from the cache or its file."""
        self.read += 1
        self.show()

    def page_written(self, queued: bool) -> None:
        """Count one page written: linked from output/, or queued to render."""
        self.pages += 1
        self.queued += queued
        self.show()

    def pages_rendered(self, count: int) -> None:
        """Count pages rendered (a worker's share at a time)."""
        self.rendered += count
        self.show(force=True)

    def line(self) -> str:
        """Say what is done so far, and the time left while rendering."""
        parts = [f"{self.read:,}/{self.sources:,} posts read" if self.sources else ""]
        if self.pages:
            parts.append(f"{self.pages:,} pages written")
        if self.queued:
            parts.append(f"{self.rendered:,}/{self.queued:,} rendered")
            left = self.time_left()
            if left is not None:
                parts.append(f"about {left:.0f} s left")
        return ", ".join(part for part in parts if part)

    def time_left(self) -> float | None:
        """Estimate the seconds the remaining renders take, at the rate so far."""
        if not self.rendered or self.rendered >= self.queued:
            return None
        spent = time.perf_counter() - self.started
        return spent / self.rendered * (self.queued - self.rendered)

    def show(self, force: bool = False) -> None:
        """Redraw the line on a terminal (now and then); nothing in a log."""
        now = time.perf_counter()
        if not self.live or (not force and now - self.drawn < REDRAW_SECONDS):
            return
        self.drawn = now
        text = self.line()
        self.stream.write("\r" + text.ljust(self.width))
        self.stream.flush()
        self.width = len(text)

    def clear(self) -> None:
        """Erase the live line (a failed build's errors follow), print nothing else."""
        if self.live and self.width:
            self.stream.write("\r" + " " * self.width + "\r")
            self.stream.flush()

    def from_saved_site(self, written: int) -> None:
        """Note a quick build: only the edited posts' pages, from the saved site."""
        self.saved_site = written

    def finish(self) -> None:
        """Print the summary: over the live line on a terminal, as one line in a log."""
        if self.saved_site is not None:
            pages = "page" if self.saved_site == 1 else "pages"
            print(
                f"text edits only: {self.saved_site} {pages} rendered from the"
                " last build's saved site",
                file=self.stream,
                flush=True,
            )
            return
        if not (self.read or self.pages):
            return
        seconds = time.perf_counter() - self.started
        text = f"{self.line()} in {seconds:.1f} s"
        start = "\r" if self.live else ""
        print(start + text.ljust(self.width), file=self.stream, flush=True)


class Unshown(Progress):
    """The progress of a build nobody watches: its sources are not counted."""

    def __init__(self):
        """Never redraw a line (and nobody calls finish() on this one)."""
        super().__init__(live=False)

    def connect(self) -> None:
        """Count nothing Pelican reads (counting walks the sources again)."""

    def disconnect(self) -> None:
        """Nothing was connected."""
