"""Benchmark: this project against plain Pelican and Hugo, on the same posts.

For each post count, in a temporary folder, each generator builds the same
synthetic posts cold, then again after an edit (warm), then serves them while
an edit is saved, timing how long until the served page shows it. This
project's production build is timed cold and warm too. Every build runs in
its own process, as the author runs it; the table is Markdown.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from .edit_kinds import KINDS
from .peers import PEERS, Peer
from .photos import bench_photos
from .served import EDITS, edit, kinds_latency, serve_latency


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


def build_times(peer: Peer, command: list[str], label: str) -> tuple[Run, Run]:
    """Build cold, then warm after each of a few edits; return cold and median warm."""
    cold = run(command, peer.folder)
    warm = []
    for number, post in enumerate(peer.posts[:EDITS]):
        edit(post, f"{label}-edit-{number}")
        warm.append(run(command, peer.folder))
    return cold, median_run(warm)


def rebuild_time(peer: Peer, command: list[str]) -> Run:
    """Time a build after a retitled post: every page listing it is built again."""
    KINDS["title"](peer.posts[EDITS], f"rebuilt-{time.time_ns()}", peer.home)
    return run(command, peer.folder)


def bench_peer(
    peer: Peer, production: bool, serve: bool = True, edits: int = EDITS
) -> dict:
    """Measure one generator: builds, the edits under serve, production builds."""
    cold, warm = build_times(peer, peer.build, "warm")
    # A server's work on an edit is a full rebuild: the waits follow its time.
    rebuilt = rebuild_time(peer, peer.build)
    kinds, peak = {}, None
    if serve and peer.kinds:
        kinds, peak = kinds_latency(peer, rebuilt.seconds, edits)
    served = kinds.get("body") or (
        serve_latency(peer, rebuilt.seconds) if serve else "-"
    )
    row = {"peer": peer.name, "cold": cold, "warm": warm, "served": served}
    row["rebuilt"] = rebuilt
    row["kinds"], row["serving peak"] = kinds, peak
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
        " | warm after a retitle s | edit→served s | production cold s (cpu)"
        " | production warm s | prod. peak MB |",
        "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in rows:
        cold, production = row["cold"], row.get("production")
        cells = [
            row["posts"],
            row["peer"],
            seconds(cold),
            f"{cold.peak_mb:.0f}",
            seconds(row["warm"]),
            seconds(row["rebuilt"]),
            row["served"],
            seconds(production[0]) if production else "-",
            seconds(production[1]) if production else "-",
            f"{production[0].peak_mb:.0f}" if production else "-",
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def kinds_table(rows: list[dict]) -> str:
    """Format edit→served seconds by kind of edit as a Markdown table."""
    lines = [
        f"| posts | generator | {' | '.join(KINDS)} | median"
        " | serving peak MB (search index left out) |",
        "| ---: | --- |" + " ---: |" * (len(KINDS) + 2),
    ]
    for row in rows:
        if not row["kinds"]:
            continue
        cells = [row["kinds"][kind] for kind in KINDS]
        figures = [float(cell.split()[0]) for cell in cells if cell[0].isdigit()]
        median = f"{statistics.median(figures):.2f}" if figures else "-"
        peak, builds = row["serving peak"]
        peak = f"{peak:.0f}" if peak == builds else f"{peak:.0f} ({builds:.0f})"
        lines.append(
            f"| {row['posts']} | {row['peer']} | {' | '.join(cells)} | {median}"
            f" | {peak} |"
        )
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
    parser.add_argument(
        "--peers",
        default=",".join(make.__name__ for make in PEERS),
        help="comma-separated generators to measure",
    )
    parser.add_argument(
        "--no-bytecode",
        action="store_true",
        help="keep PYTHONDONTWRITEBYTECODE (no compiled modules kept between runs)",
    )
    parser.add_argument(
        "--kind-edits",
        type=int,
        default=EDITS,
        help="edits of each kind timed under the servers",
    )
    options = parser.parse_args()
    if not options.no_bytecode:  # as in an author's shell (a sandbox may set it)
        os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    kept = "off" if os.environ.get("PYTHONDONTWRITEBYTECODE") else "kept"
    chosen = options.peers.split(",")
    counts = [int(n) for n in options.posts.split(",")]
    rows = []
    with tempfile.TemporaryDirectory(prefix="socratic-bench-") as folder:
        for count in counts:
            for make in (make for make in PEERS if make.__name__ in chosen):
                peer = make(Path(folder) / f"{make.__name__}-{count}", count)
                print(f"{peer.name}, {count:,} posts…", file=sys.stderr, flush=True)
                served = count <= options.serve_up_to or peer.kinds
                production = count <= options.production_up_to
                row = bench_peer(peer, production, served, options.kind_edits)
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
    print(f"\nedit→served s by kind of edit (median of {options.kind_edits} of each)\n")
    print(kinds_table(rows))
    load = ", ".join(f"{figure:.2f}" for figure in os.getloadavg())
    print(
        f"\n{os.cpu_count()} cores, load average after the run {load}; warm and"
        f" edit→served: median of {EDITS} edits; compiled modules {kept}"
    )


if __name__ == "__main__":
    main()
