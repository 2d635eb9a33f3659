"""Find the line of a post's source that a mistake or a warning is about."""

from __future__ import annotations

from pathlib import Path


def source_line(source: Path, needle: str) -> int | None:
    """Return the first line of `source` outside code fences that holds `needle`."""
    fenced = False
    for number, line in enumerate(source.read_text(encoding="utf-8").splitlines(), 1):
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        elif not fenced and needle.lower() in line.lower():
            return number
    return None
