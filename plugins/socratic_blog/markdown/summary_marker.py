"""Python-Markdown extension: `<!--more-->` ends the post's summary.

What comes before a `<!--more-->` standing on its own at the top level of the
post (not inside a list or a quote) is the summary that lists and feeds show.
The converter keeps that HTML in `md.summary` (None without a marker); the
marker stays in the post as the HTML comment it is.
"""

from __future__ import annotations

import re

from markdown import Extension
from markdown.postprocessors import Postprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import ETX, HTML_PLACEHOLDER_RE, STX

MORE = re.compile(r"<!--\s*more\s*-->", re.IGNORECASE)
# Where the summary ends, until the postprocessor cuts there.
SUMMARY_END = f"{STX}summary-end{ETX}"


class SummaryMarker(Treeprocessor):
    """Mark the first top-level `<!--more-->` as the end of the summary."""

    def run(self, root) -> None:
        """Put the summary's end in front of the marker's stashed HTML."""
        stash = self.md.htmlStash.rawHtmlBlocks
        # Raw HTML at the top level sits between the root's children, or in a
        # paragraph of its own.
        texts = [root.text, *(child.tail for child in root)]
        texts += [child.text for child in root if child.tag == "p" and not len(child)]
        for text in texts:
            for placeholder in HTML_PLACEHOLDER_RE.finditer(text or ""):
                index = int(placeholder.group(1))
                if MORE.fullmatch(str(stash[index]).strip()):
                    stash[index] = SUMMARY_END + str(stash[index])
                    return


class SummaryCut(Postprocessor):
    """Keep the HTML before the summary's end in `md.summary`."""

    def run(self, text: str) -> str:
        """Return the HTML without the summary's end, keeping what came before."""
        head, found, tail = text.partition(SUMMARY_END)
        if found:
            self.md.summary = head.strip() or None
        return head + tail


class SummaryMarkerExtension(Extension):
    """Let `<!--more-->` end the summary, as Jekyll and Hugo do."""

    def extendMarkdown(self, md):
        """Register the marker's finder and, after every other, the cut."""
        md.registerExtension(self)
        self.md = md
        md.summary = None
        md.treeprocessors.register(SummaryMarker(md), "summary_marker", 25)
        md.postprocessors.register(SummaryCut(md), "summary_cut", 1)

    def reset(self) -> None:
        """Forget the previous document's summary."""
        self.md.summary = None


def makeExtension(**kwargs):
    """Return the extension (Python-Markdown's entry point)."""
    return SummaryMarkerExtension(**kwargs)
