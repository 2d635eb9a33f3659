"""What another generator's templates left in a post: shortcodes and Liquid tags."""

from __future__ import annotations

import re

# Hugo shortcodes ({{< x >}}, {{% x %}}), Liquid tags ({% x %}) and output ({{ x }}).
TEMPLATE_TAG = re.compile(r"\{\{[<%].*?[>%]\}\}|\{%.*?%\}|\{\{.*?\}\}")
FENCES = ("```", "~~~")


def template_tags(text: str) -> list[tuple[int, str]]:
    """Return (line, tag) for each template tag in the body, outside code fences."""
    lines = text.split("\n")
    end = next(
        (i for i, line in enumerate(lines[1:], start=1) if line.rstrip() == "---"),
        0,
    )
    found, fenced = [], False
    for number, line in enumerate(lines[end + 1 :], start=end + 2):
        if line.lstrip().startswith(FENCES):
            fenced = not fenced
        elif not fenced:
            found += [(number, tag) for tag in TEMPLATE_TAG.findall(line)]
    return found
