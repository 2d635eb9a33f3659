"""The kept worker's memory, settled once its build is in place and before any edit."""

from __future__ import annotations

import ctypes
import gc


def settle() -> None:
    """Collect the build's garbage, freeze what stays, and hand free pages back.

    Frozen, the kept site is not walked by each edit's collections. The C
    allocator keeps the pages the build freed (pages rendered, posts read)
    for later; handed back to the system, the first edit's new site grows
    into pages the build no longer counts, so the worker's peak stays nearer
    the build's own.
    """
    gc.collect()
    gc.freeze()  # kept till it retires
    # The process's own symbols hold the C library's: glibc's trim, elsewhere none.
    trim = getattr(ctypes.CDLL(None), "malloc_trim", None)
    if trim is not None:
        trim(0)
