"""Python-Markdown extension: a post's top heading becomes an `<h2>`.

The page's `<h1>` is the post title, so the post's own headings must start one
level below it, whatever level the author started at (the seed post starts at
`###`). Relative levels are kept, so the outline nests as the author wrote it.
"""

from __future__ import annotations

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

HEADINGS = {f"h{level}": level for level in range(1, 7)}
TOP_LEVEL = 2


class HeadingLevels(Treeprocessor):
    """Shift every heading so that the highest one is an `<h2>`."""

    def run(self, root) -> None:
        """Rename the h1 to h6 elements in place."""
        headings = [el for el in root.iter() if el.tag in HEADINGS]
        if not headings:
            return
        shift = TOP_LEVEL - min(HEADINGS[el.tag] for el in headings)
        for element in headings:
            element.tag = f"h{min(6, HEADINGS[element.tag] + shift)}"


class HeadingLevelsExtension(Extension):
    """Start the post's outline at `<h2>`."""

    def extendMarkdown(self, md):
        """Run before the table of contents reads the headings."""
        md.treeprocessors.register(HeadingLevels(md), "heading_levels", 30)


def makeExtension(**kwargs):
    """Return the extension (Python-Markdown's entry point)."""
    return HeadingLevelsExtension(**kwargs)
