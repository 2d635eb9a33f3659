"""Text right under a closed block of HTML, set apart so it stays Markdown.

kramdown, Blackfriday and Pelican's Markdown end a block of HTML (`<div>` ...
`</div>`) at its closing tag: the next line is Markdown again. CommonMark
ends it only at a blank line, so `[a link][1]` right under `</div>` would be
shown as written. The import puts a blank line there; code is not read.
"""

from __future__ import annotations

import re

from .fence_options import fence_roles

BLOCK_TAGS = (
    "address|article|aside|blockquote|center|details|div|dl|fieldset|figure"
    "|footer|form|h[1-6]|header|iframe|nav|ol|p|pre|section|table|ul"
)
OPEN = re.compile(rf"<({BLOCK_TAGS})\b[^>]*(?<!/)>", re.I)
CLOSE = re.compile(rf"</({BLOCK_TAGS})\s*>", re.I)
CLOSING_LINE = re.compile(rf"^[ \t]{{0,3}}</({BLOCK_TAGS})\s*>[ \t]*$", re.I)


def closed_apart(body: str) -> str:
    """Put a blank line between a line closing the outermost HTML block and text."""
    lines = body.split("\n")
    written: list[str] = []
    depth = 0
    for number, (line, role) in enumerate(zip(lines, fence_roles(lines), strict=True)):
        written.append(line)
        if role:  # fenced code is left as it is
            continue
        depth = max(0, depth + len(OPEN.findall(line)) - len(CLOSE.findall(line)))
        following = lines[number + 1] if number + 1 < len(lines) else ""
        if (
            depth == 0
            and CLOSING_LINE.match(line)
            and following.strip()
            and not following.lstrip().startswith("<")
        ):
            written.append("")
    return "\n".join(written)
