"""Hugo's code fence attributes written as the fence options this blog reads.

````markdown
```go {linenos=table,hl_lines=[2,"4-6"],linenostart=10}
```go linenums="10" hl_lines="2 4-6"
````

The same holds for the options of Hugo's `highlight` shortcode
(`"linenos=table,hl_lines=8 15-17"`). `linenos` (true, table or inline) with
`linenostart` become `linenums`; `hl_lines` (a list, or ranges apart) becomes
`hl_lines`; `title` stays. Options that only choose Chroma's look (`style`,
`noclasses`, `anchorlinenos`, ...) go: the theme colours code. Any other
attribute (a class, an id, a key Hugo's renderer passes on to a template of
the old site) has no equal here: it is kept, and named as a thing to fix.
"""

from __future__ import annotations

import re

# A fence line whose header ends with an attribute list: ```go {linenos=true}
FENCE = re.compile(
    r"^([ \t]*(?:`{3,}|~{3,})[ \t]*)([^\s{`]*)[ \t]*\{([^{}\n]*)\}[ \t]*$"
)
OPENING = re.compile(r"^[ \t]*(`{3,}|~{3,})")
# What a line is to fenced code (see fence_roles).
OPEN, INSIDE, CLOSE = "open", "inside", "close"
# key=value, key="value", key=[1,"2-3"], or a bare .class / #id / key.
ATTRIBUTE = re.compile(
    r"""([.#]?[\w-]+)(?:\s*=\s*("[^"]*"|'[^']*'|\[[^\]]*\]|[^\s,]+))?"""
)
LOOK = {
    "style",
    "noclasses",
    "anchorlinenos",
    "lineanchors",
    "linenosintable",
    "linenumbersintable",
    "guesssyntax",
    "tabwidth",
    "hl_inline",
    "wrapperclass",
}
SHOWN = {"true", "table", "inline"}


def converted(attributes: str) -> tuple[str, list[str]]:
    """Return the fence options for Hugo `attributes`, and those with no equal."""
    values, unknown = {}, []
    for found in ATTRIBUTE.finditer(attributes):
        key, value = found.group(1), (found.group(2) or "").strip("\"'")
        if key.lower() in {"linenos", "linenostart", "hl_lines", "title"}:
            values[key.lower()] = value
        elif key.lower() not in LOOK:
            unknown.append(found.group(0))
    options = []
    if values.get("title"):
        options.append(f'title="{values["title"]}"')
    lines = " ".join(re.findall(r"\d+(?:-\d+)?", values.get("hl_lines", "")))
    if lines:
        options.append(f'hl_lines="{lines}"')
    if values.get("linenos", "").lower() in SHOWN:
        start = values.get("linenostart", "")
        options.append(f'linenums="{start if start.isdigit() else 1}"')
    return " ".join(options), unknown


def fence_roles(lines: list[str]) -> list[str]:
    """Say what each line is to fenced code: OPEN, INSIDE, CLOSE, or "" (prose).

    CommonMark's rules: ```a``` is inline code, not a fence; only a bare run of
    the opening's character, as long or longer, closes.
    """
    roles, inside = [], ""
    for line in lines:
        mark = OPENING.match(line)
        if mark and mark[1][0] == "`" and "`" in line[mark.end() :]:
            mark = None
        if inside:
            closes = (
                mark and mark[1].startswith(inside) and not line[mark.end() :].strip()
            )
            roles.append(CLOSE if closes else INSIDE)
            inside = "" if closes else inside
        elif mark:
            roles.append(OPEN)
            inside = mark[1]
        else:
            roles.append("")
    return roles


def convert_fences(body: str, first: int) -> tuple[str, int, list[tuple[int, str]]]:
    """Rewrite every fence header of `body` that has Hugo attributes.

    Return the body, how many headers changed, and (file line, attribute) for
    each attribute with no equal here (`first` is the body's first file line).
    """
    lines = body.split("\n")
    changed, unknown = 0, []
    for number, (line, role) in enumerate(zip(lines, fence_roles(lines), strict=True)):
        found = FENCE.match(line) if role in ("", OPEN) else None
        if not found:
            continue
        options, left = converted(found.group(3))
        left_text = f" {{{' '.join(left)}}}" if left else ""
        header = " ".join(part for part in (found.group(2), options) if part)
        lines[number] = f"{found.group(1)}{header}{left_text}"
        changed += 1
        unknown += [(first + number, attribute) for attribute in left]
    return "\n".join(lines), changed, unknown


def fences_apart(body: str) -> str:
    """Set each fence of `body` apart from the lines around it by a blank line.

    Hugo's Blackfriday, kramdown and Pelican's Markdown read a fence right
    under a line of text or HTML as code; CommonMark reads a fence after a
    line of HTML (`<br />`, `</p>`) as more of that HTML, up to a blank line.
    """
    written: list[str] = []
    closed = False
    lines = body.split("\n")
    for line, role in zip(lines, fence_roles(lines), strict=True):
        if closed and line.strip():
            written.append("")
        closed = role == CLOSE
        if role == OPEN and written and written[-1].strip():
            written.append("")
        written.append(line)
    return "\n".join(written)
