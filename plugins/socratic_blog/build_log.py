"""Loggers whose lines show on every build, as a preview's rebuilds need."""

from __future__ import annotations

import logging

from pelican.log import LimitLogger


def every_build_logger(name: str) -> logging.Logger:
    """Return the logger `name`, without Pelican's filter of repeated lines."""
    # Pelican's loggers drop a line identical to one the process already
    # logged; each build must repeat its own, even when they are the last's.
    log = logging.getLogger(name)
    if isinstance(log, LimitLogger):
        log.disable_filter()
    return log
