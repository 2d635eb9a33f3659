"""Raw HTML in a post that would run, or send the reader off: removed, with a warning.

The Content-Security-Policy already stops inline scripts and handlers, but
not a `<meta http-equiv="refresh">` that sends readers to another site, and a
policy only holds where it is sent. So the reader removes, from the post's
HTML: `<script>` elements with their code, `<meta http-equiv>`, `<base>`,
event handler attributes (`onclick=`…) and `javascript:` addresses. The rest
of the HTML keeps its bytes: the tags are found by `html.parser`
(`markup_runs`), and only the offending ones are rewritten. Where that parser
and a browser's part ways (a comment a browser ends early, a `<![CDATA[`
section, the end of a `<style>` or `<textarea>` hidden in a comment or a
quoted value), the whole stretch goes; the tests read what is left with an
HTML5 parser (html5lib), as a browser does.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

from socratic_blog.errors import display_path
from socratic_blog.markup_runs import Run, markup_runs
from socratic_blog.posts.source_lines import source_line

# Attributes whose value is an address the browser follows or loads, and the
# animation values that can set one (<set to="javascript:…">).
ADDRESSES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster"}
ADDRESSES |= {"background", "cite", "longdesc", "ping", "to", "from", "values"}
SCRIPT_SCHEMES = ("javascript:", "vbscript:")
# Characters a browser drops from an address before reading its scheme (a
# table for str.translate, which drops them).
IGNORED_IN_ADDRESSES = dict.fromkeys(range(0x21))
NO_SCRIPT = "(a post runs no script)"
# Elements that go whole, when they do (a <meta> only with http-equiv).
WHOLE_ELEMENTS = {"script", "meta", "base"}
# Elements whose content a browser reads as text up to the first `</name`
# (html.parser reads it as markup: a comment or a quoted value can hide the end).
RAW_TEXT = {"style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"}
RAW_TEXT |= {"noscript"}  # as browsers running scripts read it


@dataclass(frozen=True)
class Removal:
    """Something taken out of a post's HTML: what to find in the source, and why."""

    needles: tuple[str, ...]  # looked for in the source in turn, for the line
    problem: str
    fix: str


def is_handler(name: str) -> bool:
    """Tell whether an attribute is an event handler (onclick=, onerror=…)."""
    return name.lower().startswith("on")


def runs_script(value: str | None) -> bool:
    """Tell whether an address runs script when followed (javascript:, vbscript:).

    An animation's `values` is a list: any one of them counts.
    """
    kept = (value or "").translate(IGNORED_IN_ADDRESSES).lower()
    return any(part.startswith(SCRIPT_SCHEMES) for part in kept.split(";"))


def element_removal(run: Run) -> Removal | None:
    """Say why a whole element goes: a script, a page-wide meta, a base."""
    names = {name for name, _ in run.attrs}
    if run.tag == "script":
        return Removal(
            ("<script",),
            f"a <script> element is removed {NO_SCRIPT}",
            "show code in a fenced code block instead",
        )
    if run.tag == "meta" and "http-equiv" in names:
        return Removal(
            ("http-equiv", run.raw),
            "a <meta http-equiv> is removed: it acts on the whole page (a refresh"
            " sends readers elsewhere)",
            "link to the page instead",
        )
    if run.tag == "base":
        return Removal(
            ("<base",),
            "a <base> is removed: it changes where every link of the page leads",
            "write each link in full",
        )
    return None


def read_differently(run: Run) -> bool:
    """Tell whether a browser may end a comment or section elsewhere than we do.

    `<!-->`, `<!--->` and `--!>` end a comment early in a browser, and outside
    <svg> a browser ends `<![CDATA[` at the first `>`: what follows would be
    markup to it. The whole stretch goes, whatever it holds.
    """
    raw = run.raw
    early = raw.startswith(("<!-->", "<!--->")) or "--!>" in raw
    return raw.startswith("<![") or (raw.startswith("<!--") and early)


def attribute_removals(run: Run) -> list[Removal]:
    """Say which of a tag's attributes go: handlers and script addresses."""
    found = []
    for name, value in run.attrs:
        if is_handler(name):
            found.append(
                Removal(
                    (f"{name}=", run.raw),
                    f"the {name}= handler is removed {NO_SCRIPT}",
                    "remove it",
                )
            )
        elif name in ADDRESSES and runs_script(value):
            found.append(
                Removal(
                    # As written; in a tag as written; what follows the scheme
                    # (an address Markdown made from escapes).
                    (value.strip(), run.raw, value.partition(":")[2].strip()),
                    f"the script address in {name}= is removed {NO_SCRIPT}",
                    "link to a page instead",
                )
            )
    return found


def without_attributes(run: Run, removals: list[Removal]) -> str:
    """Write a start tag again, less the attributes `removals` name."""
    kept = [
        (name, value)
        for name, value in run.attrs
        if not (is_handler(name) or (name in ADDRESSES and runs_script(value)))
    ]
    written = "".join(
        f" {name}" if value is None else f' {name}="{html.escape(value)}"'
        for name, value in kept
    )
    name = run.raw[1:][: len(run.tag)]
    closing = "/>" if run.raw.endswith("/>") else ">"
    return f"<{name}{written}{closing}"


def ends_early(run: Run, raw_text: str | None) -> bool:
    """Tell whether a browser ends the raw-text element `raw_text` inside `run`."""
    closing = run.kind == "end" and run.tag == raw_text
    return bool(raw_text) and not closing and f"</{raw_text}" in run.raw.lower()


def remove_active_html(fragment: str) -> tuple[str, list[Removal]]:
    """Return `fragment` less what would run or redirect, and what was removed."""
    kept, removals, inside_script, raw_text = [], [], False, None
    for run in markup_runs(fragment):
        if inside_script:
            inside_script = not (run.kind == "end" and run.tag == "script")
            continue
        if ends_early(run, raw_text):
            removals.append(
                Removal(
                    (run.raw.splitlines()[0],),
                    f"markup that browsers read as the end of <{raw_text}> is removed",
                    f"close the <{raw_text}> before it",
                )
            )
            kept.append(f"</{raw_text}>")  # where a browser ends it
            raw_text = None
            continue
        if run.kind in ("start", "end") and run.tag in RAW_TEXT:
            raw_text = run.tag if run.kind == "start" else None
        if run.kind == "other" and read_differently(run):
            removals.append(
                Removal(
                    (run.raw.splitlines()[0],),
                    "a comment or section that browsers read otherwise is removed",
                    "write a comment as <!-- ... -->",
                )
            )
            continue
        if run.kind != "start":
            kept.append(run.raw)
            continue
        if run.tag in WHOLE_ELEMENTS and (removal := element_removal(run)):
            removals.append(removal)
            # A browser reads <script/> as an opening tag too: what follows is code.
            inside_script = run.tag == "script"
            continue
        found = attribute_removals(run) if run.attrs else []
        removals += found
        kept.append(without_attributes(run, found) if found else run.raw)
    return "".join(kept), removals


def removal_warnings(removals: list[Removal], source: Path) -> list[str]:
    """Return one warning per removal kind: `file:line: problem; fix`."""
    warnings = {}
    for removal in removals:
        where = display_path(source)
        lines = (source_line(source, needle) for needle in removal.needles)
        if line := next(filter(None, lines), None):
            where = f"{where}:{line}"
        warnings.setdefault(
            (removal.problem, where), f"{where}: {removal.problem}; {removal.fix}"
        )
    return list(warnings.values())
