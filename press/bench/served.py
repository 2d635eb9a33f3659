"""Timing servers: from saving an edit to the served page showing it.

A server builds, then each edit is saved and the page that shows it polled
until it does; edits of every kind (edit_kinds.py) are timed the same way.
"""

from __future__ import annotations

import http.client
import os
import shutil
import signal
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager

from press.ports import free_port

from .edit_kinds import KINDS, Shown
from .memory import PeakWatch

# What the search page asks for first: the preview's search index.
SEARCH_INDEX = "/pagefind/pagefind-entry.json"
EDITS = 3
# How long a server may take to build at start and take in a first edit.
SETTLE_SECONDS = 900
SETTLE_STEP = 30
# An edit not served after this long (or three warm builds) is counted as missed.
MISSED_AFTER = 30
MISSED_BUILDS = 3


def edit(post, marker: str) -> None:
    """Append a sentence holding `marker` to a post, as an author would."""
    with post.open("a", encoding="utf-8") as file:
        file.write(f"\nOne more thought: {marker}.\n")


def page_holds(url: str, text: str) -> bool:
    """Tell whether the page at `url` answers and contains `text`."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return text in response.read().decode()
    except (OSError, http.client.HTTPException):  # a page half-written meanwhile
        return False


def wait_until(check, seconds: float = 300, step: float = 0.01) -> float | None:
    """Poll `check` until it holds; return the seconds it took (None: never)."""
    started = time.perf_counter()
    while not check():
        if time.perf_counter() - started > seconds:
            return None
        time.sleep(step)
    return time.perf_counter() - started


def page_gone(url: str) -> bool:
    """Tell whether the page at `url` answers 404."""
    try:
        with urllib.request.urlopen(url, timeout=5):
            return False
    except urllib.error.HTTPError as error:
        return error.code == 404
    except (OSError, http.client.HTTPException):
        return False


def shows(url: str, text: str | None) -> bool:
    """Tell whether the page at `url` holds `text` (None: is gone)."""
    return page_gone(url) if text is None else page_holds(url, text)


def settle(peer, base: str, warm_seconds: float) -> None:
    """Edit a post until the served page shows it: the server built and watches."""
    post = peer.posts[0]
    url = base + peer.page(post)
    if wait_until(lambda: page_holds(url, "</html>"), SETTLE_SECONDS, 0.2) is None:
        sys.exit(f"benchmark: {peer.name}'s server never answered")
    deadline = time.monotonic() + SETTLE_SECONDS
    while time.monotonic() < deadline:
        marker = f"settled-{time.time_ns()}"
        edit(post, marker)
        shown = time.monotonic() + max(SETTLE_STEP, MISSED_BUILDS * warm_seconds)
        while time.monotonic() < shown:
            if page_holds(url, marker):
                time.sleep(1)
                return
            time.sleep(0.2)
    sys.exit(f"benchmark: {peer.name}'s server never showed an edit")


@contextmanager
def server(peer, warm_seconds: float) -> Iterator[tuple[str, int]]:
    """Serve the peer's site from a cold start; yield its URL and session, settled."""
    # Served pages appear only once the server has built them.
    shutil.rmtree(peer.folder / "output", ignore_errors=True)
    port = free_port()
    process = subprocess.Popen(
        peer.serve_command(port),
        cwd=peer.folder,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        settle(peer, base, warm_seconds)
        yield base, process.pid  # the server leads its own session
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


def median_shown(latencies: list[float | None]) -> str:
    """Show the median latency, and how many edits were never shown."""
    seen = [latency for latency in latencies if latency is not None]
    shown = f"{statistics.median(seen):.2f}" if seen else "-"
    missed = len(latencies) - len(seen)
    return f"{shown} ({missed} of {len(latencies)} missed)" if missed else shown


def serve_latency(peer, warm_seconds: float) -> str:
    """Median seconds from saving a sentence to the served page showing it.

    An edit the server does not show within three warm builds is counted apart.
    """
    missed_after = max(MISSED_AFTER, MISSED_BUILDS * warm_seconds)
    latencies = []
    with server(peer, warm_seconds) as (base, _):
        for number, post in enumerate(peer.posts[-EDITS:]):
            marker = f"served-edit-{number}-{time.time_ns()}"
            edit(post, marker)
            url = base + peer.page(post)
            latencies.append(
                wait_until(lambda u=url, m=marker: page_holds(u, m), missed_after)
            )
            time.sleep(0.5)
    return median_shown(latencies)


def kinds_latency(
    peer, warm_seconds: float, edits: int = EDITS
) -> tuple[dict[str, str], tuple[float, float]]:
    """Median seconds from saving each kind of edit to the served page showing it.

    Each edit waits for the server's work on the one before (twice a warm
    build's time), so no edit is timed while another is still being built.
    Also returns the highest peak memory of the server's live processes, in
    MB (memory.py), watched while the edits go on: the kept worker holding
    the site model; then, the edits done, the search page's first request
    for the index has the preview run the search indexer (search_indexer.py),
    and the highest but the search indexer's comes second.
    """
    missed_after = max(MISSED_AFTER, MISSED_BUILDS * warm_seconds)
    middle = len(peer.posts) // 2
    posts = iter(peer.posts[middle:])
    found: dict[str, list[float | None]] = {kind: [] for kind in KINDS}
    with server(peer, warm_seconds) as (base, session):
        watch = PeakWatch(session)
        for number in range(edits):
            for kind, make in KINDS.items():
                marker = f"bench{number}x{time.time_ns()}"
                edited: Shown = make(next(posts), marker, peer.home)
                url = base + edited.path
                found[kind].append(
                    wait_until(lambda u=url, e=edited: shows(u, e.text), missed_after)
                )
                # The server's full build, and a kept model's, are done by then.
                time.sleep(1.0 + 2 * warm_seconds)
        searched = base + SEARCH_INDEX
        wait_until(lambda: page_holds(searched, ""), SETTLE_SECONDS)
        peaks = (watch.stop(), watch.without_search)
    return {kind: median_shown(lat) for kind, lat in found.items()}, peaks
