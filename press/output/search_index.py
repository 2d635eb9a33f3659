"""The search index: Pagefind over the built site (in shards: search_shards.py).

The production build indexes its staging folder before the swap. The preview,
once a page asked for the index, indexes the live output after each good
build, in the background, and swaps the new index in; a build carries the
last index over until then. The swap and the carrying take turns (a lock
file beside the output), so a build never links an index being replaced.
"""

from __future__ import annotations

import fcntl
import functools
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .search_shards import PAGES_PER_INDEX, index_in_shards
from .staging import hold

# Where Pagefind writes its index and its search UI, inside the site.
BUNDLE = "pagefind"
BACKGROUND_NICENESS = "15"
# The setting that bounds the pages one Pagefind run reads (search_shards.py).
PAGES_SETTING = "SEARCH_PAGES_PER_INDEX"


def run_pagefind(site: Path, bundle: Path, started=None) -> str | None:
    """Index the pages marked `data-pagefind-body` into `bundle`; return an error.

    Run for the preview (`started(process)` told of it), Pagefind runs in the
    background: it yields the cores to the next rebuild, in a process group of
    its own that the preview stops (Ctrl-C in the terminal does not reach it).
    """
    nice = shutil.which("nice")
    background = started is not None
    yielding = [nice, "-n", BACKGROUND_NICENESS] if background and nice else []
    with subprocess.Popen(
        [
            *yielding,
            *(sys.executable, "-m", "pagefind", "--site", str(site)),
            *("--output-path", str(bundle), "--silent"),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        process_group=0 if background else None,
    ) as process:
        if started is not None:
            started(process)
        stdout, stderr = process.communicate()
    if process.returncode == 0:
        return None
    detail = (stderr or stdout).strip().splitlines()
    return f"search index failed: {detail[-1] if detail else 'pagefind exited'}"


def pages_per_index(settings: dict) -> int | str | None:
    """Return how many pages a Pagefind run may read (None: all), or what is wrong.

    Unset, the production index is one bundle (search_shards.py says why).
    """
    most = settings.get(PAGES_SETTING)
    if most is None or (type(most) is int and most > 0):
        return most
    return (
        f"{PAGES_SETTING} = {most!r}: set it to a whole number above 0 in the settings"
    )


def index_site(site: Path, output: Path, most: int | None) -> str | None:
    """Index a staging folder before it goes live as `output`; return an error line.

    Pagefind reads at most `most` pages a run (search_shards.py).
    """
    # Written afresh: index files are named by their content.
    shutil.rmtree(site / BUNDLE, ignore_errors=True)
    with scratch(output) as links:
        return index_in_shards(site, site / BUNDLE, run_pagefind, most, links)


@contextmanager
def scratch(output: Path) -> Iterator[Path]:
    """Make a new folder beside `output`, held while in use, then removed.

    Named as the preview's index folders are: a stopped build's is removed
    by the next (staging.remove_abandoned).
    """
    folder = Path(tempfile.mkdtemp(prefix=f".{output.name}-index.", dir=output.parent))
    try:
        with hold(folder):
            yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def index_turn(output: Path) -> Iterator[None]:
    """Hold the live index still: one swap or one carry at a time."""
    lock = output.parent / f".{output.name}-index.lock"
    with lock.open("a") as file:
        fcntl.flock(file, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(file, fcntl.LOCK_UN)


def carry_index(staging: Path, output: Path) -> None:
    """Link the live site's index into a staging folder that has none."""
    live = output / BUNDLE
    if (staging / BUNDLE).exists():
        return
    with index_turn(output):
        if not live.is_dir():
            return
        for folder, _, files in os.walk(live):
            target = staging / BUNDLE / Path(folder).relative_to(live)
            target.mkdir(parents=True, exist_ok=True)
            for name in files:
                os.link(Path(folder, name), target / name)


def refresh_live_index(
    output: Path, started, most: int = PAGES_PER_INDEX
) -> str | None:
    """Index the live site into a new folder, then swap it in (the preview).

    `started(process)` is told of each Pagefind run (at most `most` pages
    each). The folder is held locked meanwhile: a build removes it only once
    its process has gone.
    """
    try:
        with scratch(output) as fresh:
            run = functools.partial(run_pagefind, started=started)
            error = index_in_shards(output, fresh / BUNDLE, run, most, fresh)
            if error is None:
                with index_turn(output):
                    live = output / BUNDLE
                    if live.exists():
                        live.rename(fresh / "old")
                    (fresh / BUNDLE).rename(live)
        return error
    except OSError as error:  # a build swapped output/ meanwhile: index again
        return f"search index not refreshed: {error}"
