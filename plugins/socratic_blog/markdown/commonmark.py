"""Python-Markdown extension: CommonMark decides the blocks, Python-Markdown the rest.

Python-Markdown's own block parser is not CommonMark: it nests by four spaces,
splits a loose list in two, needs a blank line before a list or a fence and
renumbers lists from 1. Here markdown-it-py parses the whole document's block
structure by the CommonMark 0.31.2 rules (plus GitHub's tables and footnote
definitions) and `block_tree` turns its tokens into Python-Markdown's element
tree. Paragraph, heading and cell text is left to Python-Markdown's inline
patterns and fences to SuperFences, so every other extension works as before.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension
from markdown.blockprocessors import BlockProcessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import ETX, STX
from markdown_it import MarkdownIt

from .block_tree import BlockTree
from .footnote_definitions import footnote_definition


class CommonMarkExtension(Extension):
    """Parse blocks as CommonMark does; keep Python-Markdown for everything else."""

    def extendMarkdown(self, md):
        """Register the source keeper, the block parser and the tight-list step."""
        md.registerExtension(self)
        self.blocks = CommonMarkBlocks(md.parser)
        # Before whitespace normalisation (30): tabs and blank lines stay as
        # written, and no line-based preprocessor sees the document.
        md.preprocessors.register(WholeDocument(md, self.blocks), "commonmark", 35)
        md.parser.blockprocessors.register(self.blocks, "commonmark", 200)
        # After the inline patterns (20), before prettify (10).
        md.treeprocessors.register(TightParagraphs(md, self.blocks), "tight", 18)

    def reset(self) -> None:
        """Forget what the previous document left."""
        self.blocks.source = None
        self.blocks.tight.clear()


class WholeDocument(Preprocessor):
    """Hand the document, untouched, to the block parser."""

    def __init__(self, md, blocks: CommonMarkBlocks):
        """Remember the block parser that will read the document."""
        super().__init__(md)
        self.blocks = blocks

    def run(self, lines: list[str]) -> list[str]:
        """Keep the source for `CommonMarkBlocks`; leave no lines to preprocess."""
        self.blocks.source = "\n".join(lines).replace(STX, "").replace(ETX, "")
        return []


def block_parser() -> MarkdownIt:
    """Return markdown-it-py set to find CommonMark blocks, tables and footnotes."""
    parser = MarkdownIt("commonmark", {"html": True}).enable("table")
    # Python-Markdown parses the text inside the blocks.
    parser.core.ruler.disable(["inline", "text_join"])
    # Link definitions keep the author's URL, as Python-Markdown's links do
    # (Pelican's `{static}` must survive).
    parser.normalizeLink = lambda url: url
    parser.block.ruler.before(
        "reference",
        "footnote_definition",
        footnote_definition,
        {"alt": ["paragraph"]},
    )
    return parser


class CommonMarkBlocks(BlockProcessor):
    """Parse a whole document (or a chunk, such as a footnote) with markdown-it."""

    def __init__(self, parser):
        """Build the markdown-it parser once."""
        super().__init__(parser)
        self.markdown_it = block_parser()
        self.source: str | None = None
        self.tight: list[etree.Element] = []

    def test(self, parent, block) -> bool:
        """Take every block: this processor parses them all at once."""
        return True

    def run(self, parent, blocks: list[str]) -> None:
        """Build the elements of the document (or chunk) under `parent`."""
        if self.source is None:
            text = "\n\n".join(blocks)
        else:
            text, self.source = self.source, None
        blocks.clear()
        env: dict = {}
        tokens = self.markdown_it.parse(text, env)
        md = self.parser.md
        # Python-Markdown's links look their definitions up by lower-case label.
        for label, link in env.get("references", {}).items():
            definition = (link["href"], link["title"] or None)
            md.references.setdefault(label.lower(), definition)
        BlockTree(md, self.tight).build(parent, tokens)


class TightParagraphs(Treeprocessor):
    """Unwrap the paragraphs of tight lists: their text sits in the `<li>`."""

    def __init__(self, md, blocks: CommonMarkBlocks):
        """Remember where the block parser lists the tight paragraphs."""
        super().__init__(md)
        self.blocks = blocks

    def run(self, root) -> None:
        """Replace each tight paragraph by its content."""
        parents = {child: parent for parent in root.iter() for child in parent}
        for paragraph in self.blocks.tight:
            if paragraph in parents:
                unwrap(paragraph, parents[paragraph])
        self.blocks.tight.clear()


def unwrap(element: etree.Element, parent: etree.Element) -> None:
    """Put `element`'s text and children in its place inside `parent`."""
    index = list(parent).index(element)
    parent.remove(element)
    children = list(element)
    for offset, child in enumerate(children):
        parent.insert(index + offset, child)
    before = parent[index - 1] if index else None
    append_text(parent, before, element.text)
    append_text(parent, children[-1] if children else before, element.tail)


def append_text(parent: etree.Element, before, text: str | None) -> None:
    """Add `text` after `before` (a child of `parent`), or at `parent`'s start."""
    if not text:
        return
    if before is None:
        parent.text = (parent.text or "") + text
    else:
        before.tail = (before.tail or "") + text


def makeExtension(**kwargs):
    """Return the extension (Python-Markdown's entry point)."""
    return CommonMarkExtension(**kwargs)
