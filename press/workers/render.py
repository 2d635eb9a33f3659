"""Render queued pages in forked workers, one per core.

The workers inherit the whole build (posts, templates, writer) when they are
forked, so nothing is sent to them but which pages to render; each writes its
pages into the staging folder itself. Errors they log are logged again here,
so the build fails as it would have.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from .pool import cores, fork_map

log = logging.getLogger(__name__)
# Fewer pages than this render faster here than in freshly forked workers.
WORTH_FORKING = 150


class ErrorLines(logging.Handler):
    """Collect what a worker logs as errors."""

    def __init__(self):
        """Start with none."""
        super().__init__(logging.ERROR)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        """Keep the error's message."""
        self.lines.append(record.getMessage())


def render_share(jobs: list[Callable[[], None]], bounds: tuple[int, int]) -> list[str]:
    """Render one worker's share of the pages; return the errors it logged."""
    errors = ErrorLines()
    logging.getLogger().addHandler(errors)
    start, stop = bounds
    for job in jobs[start:stop]:
        job()
    return errors.lines


def render_all(
    jobs: list[Callable[[], None]], done: Callable[[int], None] | None = None
) -> None:
    """Run every render job, in parallel when there are enough of them.

    `done(count)` is told of the pages rendered as they are.
    """
    done = done or (lambda count: None)
    workers = cores()
    if len(jobs) < WORTH_FORKING or workers < 2:
        for job in jobs:
            job()
            done(1)
        return
    size = -(-len(jobs) // (workers * 4))
    shares = [(start, start + size) for start in range(0, len(jobs), size)]
    for (start, stop), lines in zip(
        shares, fork_map(render_share, shares, jobs), strict=True
    ):
        done(len(jobs[start:stop]))
        for line in lines:
            log.error("%s", line)
