"""Pelican's `{static}`, `{attach}` and `{filename}` links stay inside content/.

Pelican copies the file such a link names, wherever it is: `{static}../../x`
would publish a file from outside the content folder to a place outside the
output folder. Every such link in a post's HTML (Markdown links and images,
raw HTML alike) is resolved as Pelican resolves it and refused when it leaves.
"""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path
from urllib.parse import unquote, urlsplit

from socratic_blog.errors import ContentError, display_path
from socratic_blog.posts.source_lines import source_line

KINDS = ("static", "attach", "filename")
# Links that copy the file they name: a missing one would publish nothing.
FILES = ("static", "attach")


def link_pattern(settings: dict) -> re.Pattern:
    """Return Pelican's own pattern for an intrasite link in an attribute."""
    return re.compile(
        r"<[^>]+(?:href|src|poster|data|cite|formaction|action|content)\s*=\s*"
        rf"([\"'])(?P<path>{settings['INTRASITE_LINK_REGEX']}(?P<value>.*?))\1"
    )


def candidates(value: str) -> set[str]:
    """Return the paths Pelican may look up for a link's value."""
    path = urlsplit(value).path
    return {path, unquote(path), urlsplit(unescape(value)).path}


def target(path: str, source: Path, root: Path) -> Path | None:
    """Resolve a link's path: `/` from the content folder, else from the post's."""
    start = root if path.startswith("/") else source.parent
    try:
        return Path(start, path[1:] if path.startswith("/") else path).resolve()
    except ValueError:  # a NUL byte: no file has that name, nothing is copied
        return None


def links_leaving_content(
    html: str, source: Path, settings: dict, reported: set[str] = frozenset()
) -> list[ContentError]:
    """Return a mistake for each link out of PATH; `reported` ones are skipped."""
    root = Path(settings["PATH"]).resolve()
    problems = []
    for match in link_pattern(settings).finditer(html):
        paths = candidates(match.group("value"))
        if match.group("what") not in KINDS or paths & reported:
            continue
        targets = [
            file for path in sorted(paths) if (file := target(path, source, root))
        ]
        outside = [file for file in targets if not file.is_relative_to(root)]
        written = unescape(match.group("path"))
        if outside:
            problems.append(
                ContentError(
                    source,
                    f"the link '{written}' leads outside the content folder"
                    f" (to {display_path(outside[0])})",
                    "copy the file into content/ and link it from there",
                    source_line(source, written),
                )
            )
        elif match.group("what") in FILES and not any(f.is_file() for f in targets):
            problems.append(
                ContentError(
                    source,
                    f"the link '{written}' names no file",
                    "fix the path: it starts from the post's folder, or from"
                    " content/ when it starts with /",
                    source_line(source, written),
                )
            )
    return problems
