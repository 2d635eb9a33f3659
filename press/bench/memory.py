"""Memory: the peak memory of a server's processes, read from /proc (Linux).

A preview is several processes: the server, the warm process builds are
forked from, the build running and the kept worker holding the site model.
Each process's peak (VmHWM) is kept by the kernel; the highest of them is
the figure, not their sum (forked processes share much of their memory).
Only live processes count: a kept worker retired by a newer build is gone,
its peak with it, and a short one (the search indexer, run once a page asks
for the index) is seen only while it runs; so a watch reads the session
twice a second while the edits go on.
"""

from __future__ import annotations

import threading
from pathlib import Path

# How often a watch reads the session's processes.
WATCH_SECONDS = 0.5
# What the search indexer's command line holds (its process and Pagefind's own).
SEARCH_INDEXER = b"pagefind"


def session_peaks_mb(session: int) -> tuple[float, float]:
    """Return the highest peak memory of a session's processes, then but Pagefind's.

    The search indexer is left out of the second (plain Pelican runs none), in MB.
    """
    peak = builds = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[3]) != session:
                continue
            status = stat.with_name("status").read_text().splitlines()
            indexing = SEARCH_INDEXER in stat.with_name("cmdline").read_bytes()
        except (OSError, IndexError, ValueError):  # ended meanwhile
            continue
        high = [int(line.split()[1]) for line in status if line.startswith("VmHWM:")]
        peak = max([peak, *high])
        if not indexing:
            builds = max([builds, *high])
    return peak / 1024, builds / 1024


class PeakWatch:
    """The highest peak memory of a session's processes, read while it runs."""

    def __init__(self, session: int):
        """Watch the processes of `session` from now until `stop`."""
        self.session = session
        self.peak = 0.0
        self.without_search = 0.0  # the search indexer left out
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self.watch, daemon=True)
        self.thread.start()

    def watch(self) -> None:
        """Read the session's peak until stopped."""
        while True:
            peak, builds = session_peaks_mb(self.session)
            self.peak = max(self.peak, peak)
            self.without_search = max(self.without_search, builds)
            if self.stopped.wait(WATCH_SECONDS):
                return

    def stop(self) -> float:
        """Stop watching; return the highest peak seen, in MB."""
        self.stopped.set()
        self.thread.join()
        return self.peak
