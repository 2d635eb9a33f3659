"""markdown-it-py block tokens turned into Python-Markdown's element tree.

Blocks become elements; the text inside paragraphs, headings and table cells
stays Markdown for Python-Markdown's inline patterns. Fences go through
SuperFences (highlighting, the custom fences), raw HTML blocks through the
HTML stash, exactly as Python-Markdown's own parser would send them.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown.extensions.footnotes import FootnoteExtension
from markdown.util import AtomicString, code_escape
from markdown_it.token import Token

from .code_fence_options import fence_problems

# markdown-it aligns table cells with a style attribute, which the site's
# Content-Security-Policy refuses; a class does the same.
SIDES = ("left", "center", "right")
ALIGNMENT = {f"text-align:{side}": f"align-{side}" for side in SIDES}
LINE_INDENT = re.compile(r"\n[ \t]+")
# A hard line break: Python-Markdown's takes exactly two spaces before it.
HARD_BREAK = re.compile(r" {2,}\n")
# A line of tildes that would close a tilde fence.
FENCE_LINE = re.compile(r"^(~+)[ \t]*$", re.MULTILINE)


class BlockTree:
    """Build the elements of a token stream under a parent element."""

    def __init__(self, md, tight: list[etree.Element]):
        """Use `md`'s stash and fences; list tight paragraphs in `tight`."""
        self.md = md
        self.tight = tight

    def build(self, parent: etree.Element, tokens: list[Token]) -> None:
        """Add an element for each block token, nested as the tokens nest."""
        open_elements = [parent]
        for token in tokens:
            if token.nesting == 1:
                open_elements.append(self.open(open_elements[-1], token))
            elif token.nesting == -1:
                open_elements.pop()
            else:
                self.leaf(open_elements[-1], token)

    def open(self, parent: etree.Element, token: Token) -> etree.Element:
        """Start the element of a container or text block."""
        element = etree.SubElement(parent, token.tag)
        if token.type == "paragraph_open" and token.hidden:
            # A tight list's paragraph: unwrapped once its text is parsed.
            self.tight.append(element)
        if "start" in token.attrs:
            element.set("start", str(token.attrs["start"]))
        if alignment := ALIGNMENT.get(str(token.attrs.get("style", ""))):
            element.set("class", alignment)
        return element

    def leaf(self, parent: etree.Element, token: Token) -> None:
        """Add a block that holds no other block."""
        match token.type:
            case "inline":
                # CommonMark drops the spaces around the line breaks.
                text = LINE_INDENT.sub("\n", token.content)
                parent.text = HARD_BREAK.sub("  \n", text)
            case "hr":
                etree.SubElement(parent, "hr")
            case "code_block":
                code = etree.SubElement(etree.SubElement(parent, "pre"), "code")
                code.text = AtomicString(code_escape(token.content))
            case "fence":
                self.raw(parent, self.fence(token.info.strip(), token.content))
            case "html_block":
                self.raw(parent, self.md.htmlStash.store(token.content.rstrip("\n")))
            case "footnote_definition":
                self.footnote(parent, token)

    def fence(self, info: str, code: str) -> str:
        """Format a fence with SuperFences; return its stash placeholder."""
        problems = getattr(self.md, "fence_problems", None)
        if problems is not None and (found := fence_problems(info, code)):
            problems.append((info, found))
        tildes = max((len(line) for line in FENCE_LINE.findall(code)), default=0)
        fence = "~" * max(3, tildes + 1)
        superfences = self.md.preprocessors["fenced_code_block"]
        # SuperFences joins the lines: the empty last one keeps the final newline.
        lines = code.split("\n") if code else []
        # CommonMark takes any info string; SuperFences refuses some, so fall
        # back to its first word (the language), then to none.
        for header in dict.fromkeys((info, info.split(" ", 1)[0], "")):
            formatted = superfences.run([fence + header, *lines, fence])
            if len(formatted) == 1:
                return formatted[0]
        return self.md.htmlStash.store(f"<pre><code>{code_escape(code)}</code></pre>")

    def raw(self, parent: etree.Element, placeholder: str) -> None:
        """Place a stashed block of HTML after the parent's last child."""
        text = AtomicString(f"\n{placeholder}\n")
        if len(parent):
            last = parent[-1]
            last.tail = AtomicString((last.tail or "") + text)
        else:
            parent.text = AtomicString((parent.text or "") + text)

    def footnote(self, parent: etree.Element, token: Token) -> None:
        """Hand a footnote's Markdown to Python-Markdown's footnotes extension."""
        for extension in self.md.registeredExtensions:
            if isinstance(extension, FootnoteExtension):
                extension.setFootnote(token.meta["label"], token.content)
                return
        # Without the extension, the definition reads as the author wrote it.
        paragraph = etree.SubElement(parent, "p")
        paragraph.text = f"[^{token.meta['label']}]: {token.content}"
