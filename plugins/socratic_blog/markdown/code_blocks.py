"""Code fences: Pygments through pymdown-extensions' Highlight, then each line marked.

A fence may carry what Highlight already reads, `title="app.py"` (the frame's
header), `hl_lines="2 4-6"` and `linenums="1"`, and `diff`: the fence's first
column then says which lines were inserted (`+`) or deleted (`-`). This is
SuperFences' `*` fence, a formatter and validator pair. The formatter hands the
code to Highlight, then rewrites each line so that nothing but the code is text:

- a marked line is a `<mark>` (announced as marked by the stylesheet);
- a diff's `+`/`-` column leaves the text and the line becomes `<ins>`/`<del>`
  (the stylesheet draws the sign); what comes before the first `@@` hunk and the
  hunks themselves are `diff-meta` lines, shown but not copied;
- a console's output line holds its own line break, so leaving it out of a
  copy leaves no blank line (prompts are Pygments' `gp`, output its `go`);
- line numbers are Highlight's `pymdownx-inline` ones: empty spans whose
  number the stylesheet draws, so they are never selected or copied.

`fence_problems` (code_fence_options.py) refuses what the header may not say.
"""

from __future__ import annotations

import html
import re

from pymdownx.superfences import highlight_validator

DIFF = "diff"
# Languages whose whole fence is a diff: Pygments' names for its diff lexer.
DIFF_LANGUAGES = ("diff", "udiff")
HUNK = "@@"
MARKED = '<span class="hll">'
CODE = re.compile(r"(<code>)(.*)(</code></pre>)", re.DOTALL)
OUTPUT_LINE = re.compile(r'<span class="go">[^<]*</span>')
LANGUAGE_CLASS = re.compile(r'class="language-[\w#.+-]+ ')


def code_validator(language, inputs, options, attrs, md) -> bool:
    """Take Highlight's options and `diff` (SuperFences validator)."""
    if inputs.get(DIFF) == DIFF:
        options[DIFF] = True
        inputs = {key: value for key, value in inputs.items() if key != DIFF}
    valid = highlight_validator(language, inputs, options, attrs, md)
    options.pop("title_mode", None)  # an HTML title would be raw HTML
    if "title" in options:
        # Pygments writes the title as it is: it is text here, never HTML.
        options["title"] = html.escape(options["title"])
    return valid


def code_formatter(source, language, class_name, options, md, **kwargs) -> str:
    """Highlight one fence and mark its lines (SuperFences formatter)."""
    is_diff = bool(options.pop(DIFF, False)) or language in DIFF_LANGUAGES
    kinds = diff_kinds(source) if is_diff else []
    if kinds:
        source = "".join(strip_sign(line, kind) for line, kind in kinds)
    highlighter = md.preprocessors["fenced_code_block"]
    lexer = "text" if language in DIFF_LANGUAGES else language
    html = highlighter.highlight(
        src=source, language=lexer, options=options, md=md, **kwargs
    )
    if language in DIFF_LANGUAGES:
        html = LANGUAGE_CLASS.sub(f'class="language-{language} ', html, count=1)
    # A title is a word of its own to the search index, not the first line's.
    html = html.replace("</span><pre", "</span>\n<pre", 1)
    return CODE.sub(lambda found: mark_lines(found, [k for _, k in kinds]), html)


def diff_kinds(source: str) -> list[tuple[str, str]]:
    """Pair each line of a diff (with its line break) with its kind.

    Kinds: `ins`, `del`, `same` (a space or nothing in the first column),
    `meta` (headers before the first hunk, and the hunks).
    """
    lines = source.splitlines(keepends=True)
    first_hunk = next((n for n, line in enumerate(lines) if line.startswith(HUNK)), 0)
    kinds = []
    for number, line in enumerate(lines):
        if number < first_hunk or line.startswith(HUNK):
            kind = "meta"
        else:
            kind = {"+": "ins", "-": "del"}.get(line[:1], "same")
        kinds.append((line, kind))
    return kinds


def strip_sign(line: str, kind: str) -> str:
    """Drop a diff line's first column (its sign), keep the rest."""
    if kind in ("ins", "del") or (kind == "same" and line.startswith(" ")):
        return line[1:]
    return line


def split_lines(code: str) -> tuple[list[str], list[bool]]:
    """Split Pygments' code into lines, without their marks; say which were marked.

    Pygments wraps a marked line, line break included, in `<span class="hll">`,
    so its closing tag starts the next piece.
    """
    lines, marked, closing = [], [], False
    for piece in code.split("\n"):
        line = piece.removeprefix("</span>") if closing else piece
        closing = line.startswith(MARKED)
        lines.append(line.removeprefix(MARKED))
        marked.append(closing)
    if lines and lines[-1] == "":
        lines.pop()
        marked.pop()
    return lines, marked


def mark_lines(found: re.Match, kinds: list[str]) -> str:
    """Rewrite each line of a `<code>` element with its marks."""
    lines, marked = split_lines(found[2])
    if kinds and len(kinds) != len(lines):
        kinds = []
    written = []
    for number, line in enumerate(lines):
        text = line + "\n"
        if OUTPUT_LINE.fullmatch(line):
            text = f"{line[:-7]}\n</span>"
        kind = kinds[number] if kinds else "same"
        if kind == "meta":
            text = f'<span class="diff-meta">{text}</span>'
        elif kind != "same":
            text = f"<{kind}>{text}</{kind}>"
        if marked[number]:
            text = f'<mark class="hll">{text}</mark>'
        written.append(text)
    return found[1] + "".join(written) + found[3]


def code_fence() -> dict:
    """Describe the code fence as SuperFences' `*` entry in `custom_fences`."""
    return {
        "name": "*",
        "class": "highlight",
        "format": code_formatter,
        "validator": code_validator,
    }
