"""The kept worker settles its memory: the build's freed pages go back to the system."""

from __future__ import annotations

import ctypes
import subprocess
import sys

import pytest

from tests.support.builds import ROOT

# Freed C-allocator blocks under a block still in use: only a trim hands them back.
SCRIPT = """
import gc
from press.preview.kept_memory import settle

def resident_kb():
    status = open("/proc/self/status").read().split("VmRSS:")[1]
    return int(status.split()[0])

blocks = [bytes(2048) for _ in range(40_000)]
fence = bytes(2048)
del blocks
before = resident_kb()
settle()
print(before - resident_kb(), gc.get_freeze_count() > 0)
"""


@pytest.mark.skipif(
    not hasattr(ctypes.CDLL(None), "malloc_trim"), reason="no glibc to trim"
)
def test_settling_freezes_what_stays_and_hands_freed_pages_back():
    printed = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        check=True,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    handed_back_kb, frozen = printed.stdout.split()
    assert int(handed_back_kb) > 40_000, printed  # of the 80 MB freed
    assert frozen == "True"
