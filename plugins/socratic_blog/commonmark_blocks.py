"""Python-Markdown extension: lists and fences start where CommonMark starts them.

Python-Markdown needs a blank line between a paragraph and a list or a fenced
block, and (with two-space nesting) takes a list item indented by two or three
spaces for plain text. CommonMark does neither. This preprocessor inserts the
blank lines a paragraph needs around a list or a fence, and shifts a list that
starts indented by one to three spaces back to the margin, keeping its inner
nesting. It runs after fenced code has been stashed (each fence is then one
placeholder line), so code is never touched.
"""

from __future__ import annotations

import re

from markdown import Extension
from markdown.preprocessors import Preprocessor
from markdown.util import STX

ANY_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])(?:\s+\S|\s*$)")
# CommonMark: only a non-empty bullet item or an ordered list starting at 1
# may interrupt a paragraph.
INTERRUPTING_ITEM = re.compile(r"^ {0,3}(?:[-*+]|1[.)])\s+\S")
NOT_PARAGRAPH = re.compile(r"^ {0,3}(?:#|>|\||```|~~~)")


def indent_of(line: str) -> int:
    """Count the spaces that start `line`."""
    return len(line) - len(line.lstrip(" "))


class CommonMarkBlocks(Preprocessor):
    """Separate lists and fences from the paragraph they interrupt."""

    def run(self, lines: list[str]) -> list[str]:
        """Return the lines with blank lines added and list starts shifted."""
        out: list[str] = []
        in_paragraph = in_list = after_blank = False
        shift = 0
        for line in lines:
            if line.startswith(STX):
                if out and out[-1].strip():
                    out.append("")
                out.extend((line, ""))
                in_paragraph = in_list = False
                after_blank = True
                continue
            if not line.strip():
                after_blank, in_paragraph = True, False
            elif ANY_ITEM.match(line) and (in_list or indent_of(line) < 4):
                if not in_list:
                    shift = indent_of(line)
                    if in_paragraph and INTERRUPTING_ITEM.match(line):
                        out.append("")
                in_list, in_paragraph, after_blank = True, False, False
            else:
                in_list = in_list and (not after_blank or line[:1] == " ")
                in_paragraph = not in_list and not NOT_PARAGRAPH.match(line)
                after_blank = False
            out.append(line[min(shift, indent_of(line)) :] if in_list else line)
        return out


class CommonMarkBlocksExtension(Extension):
    """Let lists and fences interrupt paragraphs, as in CommonMark."""

    def extendMarkdown(self, md):
        """Register the preprocessor just after fenced code is stashed."""
        md.preprocessors.register(CommonMarkBlocks(md), "commonmark_blocks", 24)


def makeExtension(**kwargs):
    """Return the extension (Python-Markdown's entry point)."""
    return CommonMarkBlocksExtension(**kwargs)
