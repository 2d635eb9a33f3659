"""Forked worker pools: a pool can always stop its workers."""

from __future__ import annotations

import multiprocessing
import os
import signal
import time

import pytest

from press import build
from press.workers.pool import cores, forked_pool


@pytest.mark.skipif(cores() < 2, reason="forked workers need 2+ cores")
def test_a_worker_ends_on_sigterm_whatever_the_build_made_of_it():
    with build.sigterm_interrupts():
        assert signal.getsignal(signal.SIGTERM) not in (signal.SIG_DFL, None)
        with forked_pool(2) as pool:
            handlers = pool.map(signal.getsignal, [signal.SIGTERM] * 4)
    assert set(handlers) == {signal.SIG_DFL}


@pytest.mark.skipif(cores() < 2, reason="forked workers need 2+ cores")
def test_ctrl_c_leaves_the_workers_to_the_build(capfd):
    # A terminal's Ctrl-C reaches every worker; the build stops the pool itself.
    with forked_pool(2) as pool:
        pool.map(time.sleep, [0.2, 0.2], chunksize=1)  # both workers have started
        napping = pool.map_async(time.sleep, [0.5, 0.5])
        for worker in multiprocessing.active_children():
            os.kill(worker.pid, signal.SIGINT)
        assert napping.get(timeout=10) == [None, None]
    assert "Traceback" not in capfd.readouterr().err
