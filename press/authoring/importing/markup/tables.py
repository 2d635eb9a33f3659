"""A kramdown table whose rows differ in cells, widened so it stays a table here.

kramdown (Jekyll) makes every row of a table as wide as its widest row, and
reads the separator's alignments for the columns it names. This blog's tables
follow GitHub's rules: a header and separator that disagree in cells are no
table, only a paragraph of pipes. The import adds empty header cells and
plain separator cells (`---`) up to the widest row. Code is not read.
"""

from __future__ import annotations

import re

from .fence_options import fence_roles

CELL_SPLIT = re.compile(r"(?<!\\)\|")
ROW = re.compile(r"^ {0,3}\S.*(?<!\\)\|")
SEPARATOR = re.compile(
    r"^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$"
)


def widened(body: str, generator: str) -> str:
    """Return a Jekyll post's `body` with each table's header as wide as its rows."""
    if generator != "jekyll":
        return body
    lines = body.split("\n")
    for number, role in enumerate(fence_roles(lines)):
        if not role and is_table_start(lines, number):
            widen(lines, number)
    return "\n".join(lines)


def is_table_start(lines: list[str], number: int) -> bool:
    """Tell whether a table's header row starts at `number`, after a blank line."""
    return (
        number + 1 < len(lines)
        and (number == 0 or not lines[number - 1].strip())
        and bool(ROW.match(lines[number]))
        and bool(SEPARATOR.match(lines[number + 1]))
        and "|" in lines[number + 1]
    )


def widen(lines: list[str], header: int) -> None:
    """Pad the header and separator at `header` to the table's widest row."""
    end = header + 2
    while end < len(lines) and ROW.match(lines[end]):
        end += 1
    widest = max(cells(line) for line in lines[header:end])
    lines[header] = padded(lines[header], widest, "")
    lines[header + 1] = padded(lines[header + 1], widest, "---")


def cells(row: str) -> int:
    """Count a row's cells as GitHub's table rules do (outer pipes are edges)."""
    text = row.strip()
    if text.startswith("|"):
        text = text[1:]
    if text.endswith("|") and not text.endswith("\\|"):
        text = text[:-1]
    return len(CELL_SPLIT.split(text))


def padded(row: str, wanted: int, cell: str) -> str:
    """Return `row` with cells `cell` added until it has `wanted` of them."""
    missing = wanted - cells(row)
    if missing <= 0:
        return row
    text = row.rstrip()
    edged = text.endswith("|") and not text.endswith("\\|")
    extra = f" {cell} |" * missing if cell else " |" * missing
    return f"{text}{extra}" if edged else f"{text} |{extra}"
