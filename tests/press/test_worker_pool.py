"""Forked worker pools: a pool can always stop its workers."""

from __future__ import annotations

import signal

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
