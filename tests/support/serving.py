"""`invoke serve` run in a copy of the project, for the preview's tests."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from press.ports import free_port
from press.preview.rebuilds import STOP_SECONDS

# A name the tests' Chromium resolves to 127.0.0.1, as after a DNS rebinding.
REBINDING = "rebinding.example"
# The most a stop may take: the preview waits up to STOP_SECONDS each for the
# search index, the running build and the kept worker (a loaded machine's).
STOPPED_WITHIN = 3 * STOP_SECONDS


@contextmanager
def serving(root: Path, ready: str, **env: str) -> Iterator[str]:
    """Run `invoke serve` in a copy at `root`; yield its URL once `ready` answers.

    `env` adds to the environment the preview runs in.
    """
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "invoke", "serve", "--port", str(port)],
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root / "plugins"), **env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while not answers(url + ready):
            assert process.poll() is None, "serve stopped"
            assert time.monotonic() < deadline, "serve never answered"
            time.sleep(0.1)
        yield url
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=STOPPED_WITHIN)
        except subprocess.TimeoutExpired:  # fail, but leave nothing running
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            raise


def answers(url: str) -> bool:
    """Tell whether `url` answers 200."""
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except OSError:
        return False
