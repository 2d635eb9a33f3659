"""How many examples a property test tries: all in the suite, fewer in the fast tier."""

from __future__ import annotations

import os

# `invoke test --fast` sets TEST_TIER=fast: the edit-test loop tries fewer.
FAST = os.environ.get("TEST_TIER") == "fast"


def examples(full: int) -> int:
    """Return `full`, or a fifth of it (at least 20) in the fast tier."""
    return max(20, full // 5) if FAST else full
