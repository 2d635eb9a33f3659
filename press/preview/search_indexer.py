"""The preview's search index: made once a page asks for it, then after good builds.

Pagefind indexes the whole site, in shards of at most `most` pages (about
190 MB each at its peak): at 5,000 posts it holds both cores for 12 to 14 s.
An author who never searches the preview should not pay that after every
save, so the preview indexes only once a page asks for Pagefind's files
(the search page does); that first request waits for the index (server.py).
From then on the index follows every good build, one run at a time, off the
server's loop.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

from press.output.search_index import refresh_live_index
from press.output.search_shards import PAGES_PER_INDEX

from .rebuilds import STOP_SECONDS


class SearchIndexer:
    """Index the live preview once wanted, then after good builds, one run at a time."""

    def __init__(self, output: Path, most: int = PAGES_PER_INDEX):
        """Index `output`, once a page wants the index, `most` pages a Pagefind run."""
        self.output = output
        self.most = most
        self.lock = threading.Lock()
        self.running: threading.Thread | None = None
        self.again = self.stopped = self.wanted = False
        self.passes = 0  # runs done since the index was first wanted
        self.pagefind: subprocess.Popen | None = None

    def want(self) -> None:
        """Keep the index from now on: the first time, index now."""
        with self.lock:
            if self.wanted:
                return
            self.wanted = True
        self.request()

    def ready(self) -> bool:
        """Tell whether a run since the index was wanted is over (or none can come)."""
        with self.lock:
            return self.passes > 0 or self.stopped or not self.wanted

    def request(self) -> None:
        """Index soon, if wanted: now if idle, else once the running pass ends."""
        with self.lock:
            if self.stopped or not self.wanted:
                return
            if self.running:
                self.again = True
                return
            self.running = threading.Thread(target=self.run, daemon=True)
            self.running.start()

    def run(self) -> None:
        """Index until no build asked for another pass meanwhile (a pass may fail)."""
        while True:
            try:
                error = refresh_live_index(self.output, self.started, self.most)
            except Exception as failure:  # the next good build tries again
                error = f"search index not refreshed: {failure}"
            with self.lock:
                self.pagefind = None
                self.passes += 1
                if error and not self.stopped:
                    print(f"warning: {error}", file=sys.stderr)
                if self.stopped or not self.again:
                    self.running = None
                    return
                self.again = False

    def started(self, pagefind: subprocess.Popen) -> None:
        """Know the running Pagefind, to stop it; stop it now if the preview stopped."""
        with self.lock:
            self.pagefind = pagefind
            if self.stopped:
                end_group(pagefind)

    def stop(self) -> None:
        """Stop indexing, and wait until the half-written index is removed."""
        with self.lock:
            self.stopped = True
            running = self.running
            if self.pagefind is not None:
                end_group(self.pagefind)
        if running is not None:
            running.join(STOP_SECONDS)


def end_group(process: subprocess.Popen) -> None:
    """End a process and the processes it started (its own process group)."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
