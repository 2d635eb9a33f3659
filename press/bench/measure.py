"""Benchmark: this project against plain Pelican and Hugo, on the same posts.

For each post count, in a temporary folder, each generator builds the same
synthetic posts cold, then again after an edit (warm), then serves them while
an edit is saved, timing how long until the served page shows it. This
project's production build is timed cold and warm too. Every build runs in
its own process, as the author runs it; the table is Markdown.
"""

from __future__ import annotations

import argparse
import http.client
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from press.ports import free_port

from .peers import PEERS, Peer
from .photos import bench_photos

EDITS = 3
# How long a server may take to build at start and take in a first edit.
SETTLE_SECONDS = 900
SETTLE_STEP = 30
# An edit not served after this long (or three warm builds) is counted as missed.
MISSED_AFTER = 30
MISSED_BUILDS = 3


@dataclass
class Run:
    """One build process: wall-clock seconds, CPU seconds and peak memory."""

    seconds: float
    cpu: float
    peak_mb: float


def run(command: list[str], cwd: Path) -> Run:
    """Run `command` to completion and measure it (fails loudly if it fails)."""
    with tempfile.TemporaryFile() as log:
        started = time.perf_counter()
        process = subprocess.Popen(
            command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=log
        )
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        if os.waitstatus_to_exitcode(status) != 0:
            log.seek(0)
            sys.exit(f"benchmark build failed in {cwd}:\n{log.read().decode()}")
    return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def median_run(runs: list[Run]) -> Run:
    """Return the run with the median wall-clock time."""
    return sorted(runs, key=lambda run: run.seconds)[len(runs) // 2]


def edit(post: Path, marker: str) -> None:
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


def settle(peer: Peer, base: str, warm: Run) -> None:
    """Edit a post until the served page shows it: the server built and watches."""
    post = peer.posts[-EDITS - 1]
    url = base + peer.page(post)
    if wait_until(lambda: page_holds(url, "</html>"), SETTLE_SECONDS, 0.2) is None:
        sys.exit(f"benchmark: {peer.name}'s server never answered")
    deadline = time.monotonic() + SETTLE_SECONDS
    while time.monotonic() < deadline:
        marker = f"settled-{time.time_ns()}"
        edit(post, marker)
        shown = time.monotonic() + max(SETTLE_STEP, MISSED_BUILDS * warm.seconds)
        while time.monotonic() < shown:
            if page_holds(url, marker):
                time.sleep(1)
                return
            time.sleep(0.2)
    sys.exit(f"benchmark: {peer.name}'s server never showed an edit")


def serve_latency(peer: Peer, warm: Run) -> str:
    """Median seconds from saving an edit to the served page showing it.

    An edit the server does not show within three warm builds is counted apart.
    """
    # Served pages appear only once the server has built them.
    shutil.rmtree(peer.folder / "output", ignore_errors=True)
    port = free_port()
    server = subprocess.Popen(
        peer.serve_command(port),
        cwd=peer.folder,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        settle(peer, base, warm)
        missed_after = max(MISSED_AFTER, MISSED_BUILDS * warm.seconds)
        latencies = []
        for number, post in enumerate(peer.posts[-EDITS:]):
            marker = f"served-edit-{number}-{time.time_ns()}"
            edit(post, marker)
            url = base + peer.page(post)
            latencies.append(
                wait_until(lambda u=url, m=marker: page_holds(u, m), missed_after)
            )
            time.sleep(0.5)
        seen = [latency for latency in latencies if latency is not None]
        shown = f"{statistics.median(seen):.2f}" if seen else "-"
        missed = len(latencies) - len(seen)
        return f"{shown} ({missed} of {len(latencies)} missed)" if missed else shown
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def build_times(peer: Peer, command: list[str], label: str) -> tuple[Run, Run]:
    """Build cold, then warm after each of a few edits; return cold and median warm."""
    cold = run(command, peer.folder)
    warm = []
    for number, post in enumerate(peer.posts[:EDITS]):
        edit(post, f"{label}-edit-{number}")
        warm.append(run(command, peer.folder))
    return cold, median_run(warm)


def bench_peer(peer: Peer, production: bool, serve: bool = True) -> dict:
    """Measure one generator: builds, the edit under serve, production builds."""
    cold, warm = build_times(peer, peer.build, "warm")
    served = serve_latency(peer, warm) if serve else "-"
    row = {"peer": peer.name, "cold": cold, "warm": warm, "served": served}
    if production and peer.production:
        row["production"] = build_times(peer, peer.production, "production")
    return row


def seconds(run_: Run) -> str:
    """Show a run's wall-clock seconds and, in brackets, its CPU seconds."""
    return f"{run_.seconds:.2f} ({run_.cpu:.2f})"


def table(rows: list[dict]) -> str:
    """Format the measurements as a Markdown table."""
    lines = [
        "| posts | generator | cold s (cpu) | cold peak MB | warm after an edit s"
        " | edit→served s | production cold s (cpu) | production warm s"
        " | prod. peak MB |",
        "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in rows:
        cold, production = row["cold"], row.get("production")
        cells = [
            row["posts"],
            row["peer"],
            seconds(cold),
            f"{cold.peak_mb:.0f}",
            seconds(row["warm"]),
            row["served"],
            seconds(production[0]) if production else "-",
            seconds(production[1]) if production else "-",
            f"{production[0].peak_mb:.0f}" if production else "-",
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> None:
    """Run the benchmark for each post count and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", default="1000,5000", help="comma-separated counts")
    parser.add_argument(
        "--production-up-to",
        type=int,
        default=1000,
        help="time production builds only up to this many posts",
    )
    parser.add_argument(
        "--serve-up-to",
        type=int,
        default=1000,
        help="time the peers' servers only up to this many posts",
    )
    parser.add_argument(
        "--photos", type=int, default=1000, help="posts of one photo each (0: none)"
    )
    options = parser.parse_args()
    counts = [int(n) for n in options.posts.split(",")]
    rows = []
    with tempfile.TemporaryDirectory(prefix="socratic-bench-") as folder:
        for count in counts:
            for make in PEERS:
                peer = make(Path(folder) / f"{make.__name__}-{count}", count)
                print(f"{peer.name}, {count:,} posts…", file=sys.stderr, flush=True)
                served = count <= options.serve_up_to or peer.name == "this project"
                row = bench_peer(peer, count <= options.production_up_to, served)
                rows.append({"posts": f"{count:,}", **row})
                print(table(rows[-1:]).splitlines()[-1], file=sys.stderr, flush=True)
        photos = options.photos and bench_photos(Path(folder), options.photos, run)
    print(table(rows))
    if photos:
        print(
            f"\n{options.photos:,} posts with one 3000-px photo each, production:"
            f" cold {seconds(photos['cold'])} s, warm (nothing changed)"
            f" {seconds(photos['warm'])} s; picture copies made warm:"
            f" {photos['remade']} of {photos['copies']}"
        )
    load = ", ".join(f"{figure:.2f}" for figure in os.getloadavg())
    print(
        f"\n{os.cpu_count()} cores, load average after the run {load}; warm and"
        f" edit→served: median of {EDITS} edits"
    )


if __name__ == "__main__":
    main()
