"""Pools of forked workers, one per core, that a pool can always stop.

The build turns SIGTERM into KeyboardInterrupt so that it cleans up after
itself (`build.sigterm_interrupts`), and forked workers inherit that handler.
Leaving a pool stops its workers with SIGTERM; a worker then waiting for the
task queue's lock, which the pool holds meanwhile, could take the signal just
before it blocks, never see it, and hang the build. So each worker puts back
the default action first: SIGTERM ends it at once.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
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
