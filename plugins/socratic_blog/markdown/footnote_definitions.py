"""A markdown-it-py block rule: `[^label]: text` defines a footnote.

The definition runs on over lazy continuation lines and over blank-line
separated blocks indented by four spaces, as Python-Markdown and GitHub read
it. The rule keeps the note's Markdown (indentation removed) in a
`footnote_definition` token; Python-Markdown's footnotes extension renders it.
"""

from __future__ import annotations

import re

from markdown_it.rules_block import StateBlock

LABEL = re.compile(r"\[\^([^\]\s]+)\]:[ \t]*")
# A note's later blocks are indented by this many columns.
INDENT = 4


def footnote_definition(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """Read a footnote definition starting at line `start` (markdown-it rule)."""
    if state.is_code_block(start):
        return False
    label = LABEL.match(
        state.src, state.bMarks[start] + state.tShift[start], state.eMarks[start]
    )
    if label is None:
        return False
    if silent:
        return True
    last = definition_end(state, start, end)
    first_line = state.src[label.end() : state.eMarks[start]]
    rest = state.getLines(start + 1, last, state.blkIndent + INDENT, False)
    token = state.push("footnote_definition", "", 0)
    token.meta = {"label": label.group(1)}
    token.content = f"{first_line}\n{rest}" if rest else first_line
    token.map = [start, last]
    state.line = last
    return True


def definition_end(state: StateBlock, start: int, end: int) -> int:
    """Return the line after the definition's last non-blank line."""
    terminators = state.md.block.ruler.getRules("paragraph")
    last, line, lazy = start + 1, start + 1, True
    while line < end:
        if state.isEmpty(line):
            lazy = False
        elif state.sCount[line] - state.blkIndent >= INDENT:
            last, lazy = line + 1, True
        elif lazy and not any(rule(state, line, end, True) for rule in terminators):
            last = line + 1
        else:
            break
        line += 1
    return last
