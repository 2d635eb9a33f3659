"""Build benchmark: our build against plain Pelican on synthetic posts.

For each post count, in a temporary folder: plain Pelican 4.12 (native
metadata, default theme, typogrify on, no plugins) builds the posts cold; our
project builds the same posts cold, then again after one post is edited (warm
cache); then `invoke serve` runs and the time from saving an edit to the
rebuilt page being served is measured. The real site's edit-to-rebuilt time
closes the table. Every build runs in its own process, as the author runs it.
"""

from __future__ import annotations

import argparse
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

from site_checks.nginx import free_port

from .synthetic_posts import write_posts

ROOT = Path(__file__).resolve().parents[1]

# Not copied into a benchmark project: content, outputs, caches, tools, tests.
LEFT_OUT = ("content", "output", "reports", "tests", ".*", "*.egg-info", "__pycache__")
PLAIN_SETTINGS = """\
SITENAME = "plain"
TIMEZONE = "Europe/Paris"
PATH = "content"
OUTPUT_PATH = "output"
TYPOGRIFY = True
PLUGINS = []
"""
EDITS = 3
# Targets at the largest post count, on a 2-core machine.
COLD_TARGET, WARM_TARGET, SERVE_TARGET = 1.0, 0.25, 1.0


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


def invoke(*args: str) -> list[str]:
    """Return the command line for `invoke ARGS` with this interpreter."""
    return [sys.executable, "-m", "invoke", *args]


def copy_project(target: Path, with_content: bool = False) -> Path:
    """Copy the code, settings and theme (and the real content) to `target`."""
    shutil.copytree(ROOT, target, ignore=shutil.ignore_patterns(*LEFT_OUT))
    if with_content:
        shutil.copytree(ROOT / "content", target / "content")
    return target


def edit(post: Path, marker: str) -> None:
    """Append a sentence holding `marker` to a post, as an author would."""
    with post.open("a", encoding="utf-8") as file:
        file.write(f"\nOne more thought: {marker}.\n")


def page_holds(url: str, text: str) -> bool:
    """Tell whether the page at `url` answers and contains `text`."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return text in response.read().decode()
    except OSError:
        return False


def wait_until(check, seconds: float = 120, step: float = 0.01) -> float:
    """Poll `check` until it holds; return the seconds it took."""
    started = time.perf_counter()
    while not check():
        if time.perf_counter() - started > seconds:
            sys.exit("benchmark: the served page never changed")
        time.sleep(step)
    return time.perf_counter() - started


def serve_latency(project: Path, posts: list[Path]) -> float:
    """Median seconds from saving an edit to the rebuilt page being served."""
    port = free_port()
    server = subprocess.Popen(
        invoke("serve", "--port", str(port)),
        cwd=project,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until(lambda: page_holds(f"{base}/", "</html>"), step=0.2)
        latencies = []
        for number, post in enumerate(posts[:EDITS]):
            marker = f"served-edit-{number}-{time.time_ns()}"
            url = f"{base}/posts/{post.parent.name}/"
            edit(post, marker)
            latencies.append(wait_until(lambda u=url, m=marker: page_holds(u, m)))
        return statistics.median(latencies)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def bench_posts(count: int, folder: Path) -> dict:
    """Measure plain Pelican and our build on `count` synthetic posts."""
    plain = folder / f"plain-{count}"
    write_posts(plain / "content", count, native=True)
    (plain / "settings.py").write_text(PLAIN_SETTINGS, encoding="utf-8")
    plain_run = run([sys.executable, "-m", "pelican", "-s", "settings.py"], plain)

    ours = copy_project(folder / f"ours-{count}")
    posts = write_posts(ours / "content" / "posts", count)
    return {"posts": f"{count:,}", "plain": plain_run, **bench_project(ours, posts)}


def bench_real_site(folder: Path) -> dict:
    """Measure the real site: cold and warm build, and edit-to-rebuilt."""
    project = copy_project(folder / "real-site", with_content=True)
    posts = sorted((project / "content" / "posts").glob("*/index.md"))
    return {
        "posts": f"real ({len(posts)})",
        "plain": None,
        **bench_project(project, posts),
    }


def bench_project(project: Path, posts: list[Path]) -> dict:
    """Build `project` cold, then warm after edits, then edit it under serve."""
    cold = run(invoke("build"), project)
    warm = []
    for number, post in enumerate(posts[:EDITS]):
        edit(post, f"warm-edit-{number}")
        warm.append(run(invoke("build"), project))
    return {
        "cold": cold,
        "warm": median_run(warm),
        "serve": serve_latency(project, posts[-EDITS:]),
    }


def table(rows: list[dict]) -> str:
    """Format the measurements as a Markdown table."""
    head = (
        "| posts | plain Pelican s (cpu) | plain peak MB | ours cold s (cpu) "
        "| ours peak MB | cold / plain | warm s (cpu) | warm / cold | edit→served s |\n"
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"
    )
    lines = [head]
    for row in rows:
        plain, cold = row["plain"], row["cold"]
        plain_cells = (
            [f"{plain.seconds:.2f} ({plain.cpu:.2f})", f"{plain.peak_mb:.0f}"]
            if plain
            else ["-", "-"]
        )
        ratio = f"{cold.seconds / plain.seconds:.2f}" if plain else "-"
        cells = [
            row["posts"],
            *plain_cells,
            f"{cold.seconds:.2f} ({cold.cpu:.2f})",
            f"{cold.peak_mb:.0f}",
            ratio,
            f"{row['warm'].seconds:.2f} ({row['warm'].cpu:.2f})",
            f"{row['warm'].seconds / cold.seconds:.2f}",
            f"{row['serve']:.2f}",
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def verdicts(largest: dict, real: dict) -> list[str]:
    """Say which target holds, with the figure that decides it."""
    cold = largest["cold"].seconds / largest["plain"].seconds
    warm = largest["warm"].seconds / largest["cold"].seconds
    checks = [
        (f"cold / plain at {largest['posts']} posts", cold, COLD_TARGET, "≤"),
        (f"warm / cold at {largest['posts']} posts", warm, WARM_TARGET, "≤"),
        ("edit→served on the real site (s)", real["serve"], SERVE_TARGET, "<"),
    ]
    lines = []
    for name, value, target, sign in checks:
        met = value <= target if sign == "≤" else value < target
        lines.append(
            f"{'met ' if met else 'MISSED'} {name}: {value:.2f} {sign} {target:.2f}"
        )
    return lines


def main() -> None:
    """Run the benchmark for each post count and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", default="100,1000", help="comma-separated counts")
    counts = [int(n) for n in parser.parse_args().posts.split(",")]
    with tempfile.TemporaryDirectory(prefix="socratic-bench-") as folder:
        rows = []
        for count in counts:
            print(f"benchmarking {count:,} posts…", file=sys.stderr, flush=True)
            rows.append(bench_posts(count, Path(folder)))
        print("benchmarking the real site…", file=sys.stderr, flush=True)
        real = bench_real_site(Path(folder))
    print(table([*rows, real]))
    print(f"\n{os.cpu_count()} cores; warm and edit→served: median of {EDITS} edits")
    print("\n".join(verdicts(rows[-1], real)))


if __name__ == "__main__":
    main()
