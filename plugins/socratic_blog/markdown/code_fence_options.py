"""What a code fence's header may say after its language, and the mistakes it may hold.

````markdown
```python title="app.py" hl_lines="2 4-6" linenums="1"
```diff
```python diff
````

Highlight reads `title`, `hl_lines` and `linenums`; `diff` is the code fence's
own (code_blocks.py). Anything else, or a value these cannot read, is a mistake
that `block_tree` records in `md.fence_problems` (a fence's header and its
(problem, fix) pairs); the reader reports it with its file and line
(`socratic_blog.posts.source_lines.fence_line`).
"""

from __future__ import annotations

import re

from markdown import Extension

from .callout import InformationFence

# key="value", key='value' or a bare key, as SuperFences reads them.
OPTION = re.compile(r"""([A-Za-z][\w-]*)(?:=("[^"]*"|'[^']*'))?(?=\s|$)""")
HL_LINES = re.compile(r"\d+(?:-\d+)?(?:[ \t]+\d+(?:-\d+)?)*")
# The first number, then (as Highlight reads them) a step and a "special" line.
LINENUMS = re.compile(r"[1-9]\d*(?:[ \t]+[1-9]\d*){0,2}")
KNOWN = 'title="app.py", hl_lines="2 4-6", linenums="1" or diff'
# The options that take no value, and those that must have one.
BARE = {"diff"}
VALUED = {"title": None, "hl_lines": HL_LINES, "linenums": LINENUMS}


def split_header(info: str) -> tuple[str, str]:
    """Return a fence header's language and the options after it."""
    words = info.split(maxsplit=1)
    if not words or "=" in words[0]:
        return "", info.strip()
    return words[0], "".join(words[1:]).strip()


def fence_problems(info: str, code: str) -> list[tuple[str, str]]:
    """Return (problem, fix) for each mistake in a fence's header; [] when none."""
    language, rest = split_header(info)
    if not rest:
        return []
    header = f"```{info.strip()}"
    if language == InformationFence.name:
        return [(f"'{header}' has options, and a callout takes none", "remove them")]
    problems = []
    position = 0
    for found in OPTION.finditer(rest):
        skipped = rest[position : found.start()].strip()
        if skipped:
            problems.append(unknown(skipped, header))
        position = found.end()
        problems.extend(option_problems(found[1], found[2], code, header))
    if leftover := rest[position:].strip():
        problems.append(unknown(leftover, header))
    return problems


def unknown(text: str, header: str) -> tuple[str, str]:
    """Say that `text` is no option a code fence knows."""
    return (
        f"unknown code fence option '{text}' in '{header}'",
        f"write {KNOWN} after the language, or nothing",
    )


def option_problems(
    key: str, quoted: str | None, code: str, header: str
) -> list[tuple[str, str]]:
    """Return the mistakes of one `key` or `key="value"` option."""
    if key in BARE and quoted is None:
        return []
    if key not in VALUED:
        return [unknown(key if quoted is None else f"{key}={quoted}", header)]
    if quoted is None:
        return [(f"'{key}' has no value in '{header}'", f'write {key}="..."')]
    value, pattern = quoted[1:-1], VALUED[key]
    if pattern is not None and not pattern.fullmatch(value.strip()):
        example = {"hl_lines": "2 4-6", "linenums": "1"}[key]
        return [
            (
                f"{key}=\"{value}\" is not what {key} takes, in '{header}'",
                f'write line numbers from 1, like {key}="{example}"',
            )
        ]
    if key == "hl_lines":
        return beyond_the_end(value, code, header)
    return []


def beyond_the_end(hl_lines: str, code: str, header: str) -> list[tuple[str, str]]:
    """Say which marked lines the code does not have."""
    count = len(code.splitlines())
    numbers = [int(n) for n in re.findall(r"\d+", hl_lines)]
    wrong = [n for n in numbers if not 1 <= n <= count]
    if not wrong:
        return []
    return [
        (
            f'hl_lines="{hl_lines}" marks line {wrong[0]}, and the code has'
            f" {count} line{'s' if count != 1 else ''}, in '{header}'",
            "number the code's lines from 1",
        )
    ]


class FenceProblems(Extension):
    """Keep the mistakes of the document's fence headers in `md.fence_problems`."""

    def extendMarkdown(self, md):
        """Give the converter its (empty) list of mistakes."""
        md.registerExtension(self)
        self.md = md
        md.fence_problems = []

    def reset(self) -> None:
        """Forget the previous document's mistakes."""
        self.md.fence_problems = []


def makeExtension(**kwargs):
    """Return the extension (Python-Markdown's entry point)."""
    return FenceProblems(**kwargs)
