"""Find the line of a post's source that a mistake or a warning is about."""

from __future__ import annotations

from pathlib import Path

from .callout import InformationFence

FENCES = ("```", "~~~")


def source_line(source: Path, needle: str) -> int | None:
    """Return the first line of `source` outside code fences that holds `needle`.

    A callout's fence (```information) holds Markdown, not code: it is searched.
    """
    closing = None  # the fence that ends the code block we are in
    callout = None  # the fence that ends the callout we are in
    for number, line in enumerate(source.read_text(encoding="utf-8").splitlines(), 1):
        stripped = line.strip()
        fence = next((mark for mark in FENCES if stripped.startswith(mark)), None)
        if closing is not None:
            if fence == closing and stripped.strip(closing[0]) == "":
                closing = None
            continue
        if fence is not None:
            info = stripped.lstrip(fence[0]).strip()
            if callout == fence and info == "":
                callout = None
            elif info == InformationFence.name and callout is None:
                callout = fence
            else:
                closing = fence
            continue
        if needle.lower() in line.lower():
            return number
    return None
