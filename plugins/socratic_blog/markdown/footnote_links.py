"""Python-Markdown extension: footnote links that say where they lead.

Python-Markdown's footnotes link with a bare number and a "↩" arrow, which a
screen reader announces as "1" and "leftwards arrow with hook". Each link gets
a name ("Footnote 1", "Jump back to footnote 1 in the text") and the notes become a
section named "Footnotes", so they can be found and left like a landmark.
"""

from __future__ import annotations

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

NOTES_NAME = "Footnotes"


class FootnoteLinks(Treeprocessor):
    """Name the footnote references, the back-links and the notes."""

    def run(self, root) -> None:
        """Set `aria-label` on every footnote link and on the notes."""
        for link in root.iter("a"):
            match link.get("class"):
                case "footnote-ref":
                    link.set("aria-label", f"Footnote {link.text}")
                case "footnote-backref":
                    link.set("aria-label", link.get("title", ""))
        for notes in root.iter("div"):
            if notes.get("class") == "footnote":
                notes.tag = "section"
                notes.set("aria-label", NOTES_NAME)


class FootnoteLinksExtension(Extension):
    """Make Python-Markdown's footnotes readable by ear."""

    def extendMarkdown(self, md):
        """Run once the footnotes extension has added every back-link (15)."""
        md.treeprocessors.register(FootnoteLinks(md), "footnote_links", 14)


def makeExtension(**kwargs):
    """Return the extension (Python-Markdown's entry point)."""
    return FootnoteLinksExtension(**kwargs)
