"""Pools of forked workers, one per core, that a pool can always stop.

The build turns SIGTERM into KeyboardInterrupt so that it cleans up after
itself (`build.sigterm_interrupts`), and forked workers inherit that handler.
Leaving a pool stops its workers with SIGTERM; a worker then waiting for the
task queue's lock, which the pool holds meanwhile, could take the signal just
before it blocks, never see it, and hang the build. So each worker puts back
the default action first: SIGTERM ends it at once.

`fork_map` is how the build's workers get their work: what they share is set
in a module global before forking (fork copies it), never pickled.
"""

from __future__ import annotations

import functools
import multiprocessing
import os
import signal
from collections.abc import Callable
from multiprocessing.pool import Pool


def cores() -> int:
    """Count the cores this process may run on."""
    return len(os.sched_getaffinity(0))


def end_on_sigterm() -> None:
    """Let SIGTERM end this worker, whatever the build made of it (in a worker).

    Ctrl-C reaches every process of the terminal's group; the build stops its
    pool itself, so a worker ignores it rather than print a traceback.
    """
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def forked_pool(workers: int) -> Pool:
    """Start `workers` processes forked from this one (they inherit the build)."""
    context = multiprocessing.get_context("fork")
    return context.Pool(workers, initializer=end_on_sigterm)


# What the forked workers work with (a cache, the readers, the pages to
# render): set just before forking, so each worker inherits it with the rest of
# the build's memory; only the tasks' arguments are sent to them.
_shared = None


def fork_map(work: Callable, tasks: list, shared, chunksize: int | None = None) -> list:
    """Run `work(shared, task)` for each task in forked workers, one per core."""
    global _shared  # noqa: PLW0603 - inherited by the forked workers
    _shared = shared
    try:
        with forked_pool(cores()) as pool:
            return pool.map(functools.partial(run_shared, work), tasks, chunksize)
    finally:
        _shared = None


def run_shared(work: Callable, task):
    """Run one task with what the parent shared before forking (in a worker)."""
    return work(_shared, task)
