"""Memory: the peak memory of a server's processes, read from /proc (Linux).

A preview is several processes: the server, the warm process builds are
forked from, the build running and the kept worker holding the site model.
Each process's peak (VmHWM) is kept by the kernel; the highest of them is
the figure, not their sum (forked processes share much of their memory).
Only live processes count: a kept worker retired by a newer build is gone,
its peak with it.
"""

from __future__ import annotations

from pathlib import Path


def session_peak_mb(session: int) -> float:
    """Return the highest peak memory (VmHWM) of a session's live processes, in MB."""
    peak = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[3]) != session:
                continue
            status = stat.with_name("status").read_text().splitlines()
        except (OSError, IndexError, ValueError):  # ended meanwhile
            continue
        high = [line.split()[1] for line in status if line.startswith("VmHWM:")]
        peak = max([peak, *(int(kb) for kb in high)])
    return peak / 1024
