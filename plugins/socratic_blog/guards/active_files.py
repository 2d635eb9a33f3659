"""Files under content/ that would run in a reader's browser: not published.

`content/images/`, `content/extra/` and a post's folder are published as they
are, so a script put there (`<script src="{static}/images/x.js">`) would run
from the site itself, which the Content-Security-Policy allows. Scripts,
pages (`.html`, `.xhtml`, `.xml` and the like, which a browser renders with
their own scripts) and SVG images holding a script, a handler or foreign HTML
are withheld with a warning naming the file, unless `PUBLISHED_ACTIVE_FILES`
in pelicanconf.py lists them (paths from content/, like a host's
verification page `extra/google1234.html`).
"""

from __future__ import annotations

from pathlib import Path

from socratic_blog.build_log import every_build_logger
from socratic_blog.errors import display_path
from socratic_blog.markup_runs import markup_runs

from .active_html import ADDRESSES, is_handler, runs_script

log = every_build_logger(__name__)

SETTING = "PUBLISHED_ACTIVE_FILES"
# Scripts, and documents a browser renders with scripts of their own.
ACTIVE_SUFFIXES = {".js", ".mjs", ".cjs", ".html", ".htm", ".xhtml", ".xht"}
ACTIVE_SUFFIXES |= {".shtml", ".xml", ".xsl", ".xslt", ".mht", ".mhtml", ".hta"}
# SVG compressed (read as it is only after unzipping) and Flash.
ACTIVE_SUFFIXES |= {".svgz", ".swf"}
# SVG elements that run script or hold another document.
ACTIVE_ELEMENTS = {"script", "foreignobject", "iframe", "embed", "object", "handler"}
ANIMATED_LINKS = {"href", "xlink:href"}


def svg_activity(data: bytes) -> str | None:
    """Say what in an SVG image would run when opened, if anything would."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in data:
        return "is not UTF-8, so what it holds cannot be checked"
    for run in markup_runs(data.decode("utf-8", errors="replace")):
        raw = run.raw.lower()
        if run.kind == "other" and ("<!entity" in raw or raw.startswith("<?xml-s")):
            return "declares entities or a style sheet, which can add scripts"
        if run.kind == "start" and (reason := element_activity(run)):
            return reason
    return None


def element_activity(run) -> str | None:
    """Say what in one SVG element would run: itself, a handler, a script link."""
    if run.tag.rpartition(":")[2] in ACTIVE_ELEMENTS:
        return f"holds a <{run.raw[1:][: len(run.tag)]}> element"
    for name, value in run.attrs:
        local = name.rpartition(":")[2]
        if is_handler(local):
            return f"holds an {name}= handler"
        if (local in ADDRESSES or name in ANIMATED_LINKS) and runs_script(value):
            return f"holds a script address in {name}="
        if name == "attributename" and value in ANIMATED_LINKS:
            return "animates a link, which can make it run a script"
    return None


def activity(path: Path) -> str | None:
    """Say why a file would run in a browser, if it would."""
    suffix = path.suffix.lower()
    if suffix in ACTIVE_SUFFIXES:
        return f"is a file that runs in the browser ({suffix})"
    if suffix == ".svg" and (reason := svg_activity(path.read_bytes())):
        return f"is an SVG image that {reason}"
    return None


def withhold_active_files(generator) -> None:
    """Leave out of the static files those that would run, unless listed."""
    listed = set(generator.settings.get(SETTING, []))
    kept = []
    for static in generator.staticfiles:
        relative = Path(static.relative_source_path).as_posix()
        reason = None if relative in listed else activity(Path(static.source_path))
        if reason is None:
            kept.append(static)
            continue
        log.warning(
            "%s: %s, so it is not published; remove it, or list '%s' in %s"
            " (pelicanconf.py) to publish it",
            display_path(static.source_path),
            reason,
            relative,
            SETTING,
        )
    # The context holds this same list: the writer reads it from there.
    generator.staticfiles[:] = kept
