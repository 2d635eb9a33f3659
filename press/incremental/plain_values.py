"""Plain values in a render key: values holding no others, described as they are."""

from __future__ import annotations

import datetime
import hashlib
import types
from pathlib import PurePath

# Text longer than this is described by its hash.
LONG_TEXT = 256
SIMPLE = (int, bool, float, type(None))


def plain_text(value) -> str | None:
    """Describe a value that holds no other objects; None for the others."""
    kind = type(value).__name__
    if type(value) in SIMPLE or (isinstance(value, str) and len(value) <= LONG_TEXT):
        return f"{kind}:{value!r}"
    if isinstance(value, str):
        return f"{kind}#{hashlib.sha256(value.encode()).hexdigest()}"
    if isinstance(value, datetime.date | datetime.time | PurePath):
        return repr(value)
    if isinstance(value, types.FunctionType | types.MethodType | type):
        return f"fn:{value.__module__}.{value.__qualname__}"
    return f"fn:{value!r}" if isinstance(value, types.BuiltinFunctionType) else None
