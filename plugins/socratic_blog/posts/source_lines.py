"""Find the line of a post's source that a mistake or a warning is about."""

from __future__ import annotations

import re
from pathlib import Path

from socratic_blog.markdown.callout import InformationFence

# A fence line as CommonMark reads it: up to three spaces, then ``` or ~~~ or longer.
FENCE = re.compile(r" {0,3}(?P<mark>`{3,}|~{3,})(?P<info>.*)")


def closes(fence: str, line: re.Match | None) -> bool:
    """Tell whether a fence line closes the block `fence` opened (CommonMark rule)."""
    if line is None:
        return False
    mark = line["mark"]
    return mark[0] == fence[0] and len(mark) >= len(fence) and not line["info"].strip()


def source_line(source: Path, needle: str) -> int | None:
    """Return the first line of `source` holding `needle`, code blocks left out."""
    code = callout = None  # the fences that opened the block we are in
    for number, line in enumerate(source.read_text(encoding="utf-8").splitlines(), 1):
        fence = FENCE.match(line)
        if code is not None:
            code = None if closes(code, fence) else code
        elif callout is not None and closes(callout, fence):
            callout = None
        elif fence is not None:
            if fence["info"].strip() == InformationFence.name and callout is None:
                callout = fence["mark"]  # a callout holds Markdown: it is searched
            else:
                code = fence["mark"]
        elif needle.lower() in line.lower():
            return number
    return None


# A fence's opening line anywhere: inside a list item or a quote too.
NESTED_FENCE = re.compile(r"[\s>]*(?P<mark>`{3,}|~{3,})(?P<info>.*)")


def fence_line(source: Path, info: str, occurrence: int = 1) -> int | None:
    """Return the line of the `occurrence`-th fence whose header is `info`."""
    seen = 0
    for number, line in enumerate(source.read_text(encoding="utf-8").splitlines(), 1):
        fence = NESTED_FENCE.match(line)
        if fence is not None and fence["info"].strip() == info.strip():
            seen += 1
            if seen == occurrence:
                return number
    return None
