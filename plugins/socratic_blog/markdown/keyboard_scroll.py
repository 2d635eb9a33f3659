"""Python-Markdown extension: blocks that may scroll sideways take keyboard focus.

Code blocks and tables scroll inside their own box on a phone rather than widen
the page. A reader without a pointer scrolls them with the arrow keys once
they are focused, so each `<pre>` and `<table>` joins the tab order.
"""

from __future__ import annotations

import re

from markdown import Extension
from markdown.postprocessors import Postprocessor

SCROLLING_BLOCK = re.compile(r"<(pre|table)(?=[\s>])(?![^>]*\btabindex=)")


class KeyboardScroll(Postprocessor):
    """Add `tabindex="0"` to every `<pre>` and `<table>` that has none."""

    def run(self, text: str) -> str:
        """Return the HTML with the scrolling blocks made focusable."""
        return SCROLLING_BLOCK.sub(r'<\1 tabindex="0"', text)


class KeyboardScrollExtension(Extension):
    """Make code blocks and tables reachable with the keyboard."""

    def extendMarkdown(self, md):
        """Run after highlighted code and raw HTML are back in the text."""
        md.postprocessors.register(KeyboardScroll(md), "keyboard_scroll", 5)


def makeExtension(**kwargs):
    """Return the extension (Python-Markdown's entry point)."""
    return KeyboardScrollExtension(**kwargs)
