"""Links into the old site that lead nowhere once its posts have moved.

A link names a post (and was rewritten to its new address), a file the
import copied beside the post, or the web. Anything else that stays on the
site leads nowhere here: `/archives.html` (a page of the old site that was
not imported), `c9.io` (a web address written without `https://`, which the
old site served as a missing page too), `/images/http://x.org`. Each is
listed to fix with its line; code is never read.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import urlsplit

from .addresses import LINKS
from .markup.templates import FENCED, INLINE_CODE

# A first path part that reads as a host name: www.x.org, c9.io, x.co.nz.
HOST_NAME = re.compile(r"^(?:[a-z0-9-]+\.)+[a-z]{2,6}$", re.I)
PAGE_SUFFIXES = (".html", ".htm", ".php", ".asp", ".aspx")
PELICAN_MARKERS = ("{filename}", "{static}", "{attach}")


def blank_code(text: str) -> str:
    """Return `text` with its code replaced by as many line breaks."""

    def blank(match: re.Match) -> str:
        return "\n" * match.group(0).count("\n")

    return INLINE_CODE.sub(blank, FENCED.sub(blank, text))


def stays_on_site(target: str) -> bool:
    """Tell whether a link's target is an address on the site, not the web."""
    parts = urlsplit(target)
    return not (parts.scheme or parts.netloc or target.startswith("#"))


def fix_for(target: str, refused: dict[str, str]) -> str:
    """Say how to mend one link that leads nowhere."""
    if why := refused.get(target):
        return (
            f"the import did not copy it: it {why}; copy the file beside the post"
            " and link its name, or link it on the web"
        )
    if target.startswith(PELICAN_MARKERS):
        return (
            "it names a file of the old site that the import does not copy (it"
            " copies pictures, sound, video and PDF); copy the file beside the post"
            " and link its name, or link it on the web"
        )
    first = urlsplit(target).path.split("/")[0]
    if HOST_NAME.match(first) and not first.lower().endswith(PAGE_SUFFIXES):
        return f"if a web address was meant, write 'https://{target}'"
    return "point it at a post or page of this blog, or at the web, or remove it"


def dead_links(
    text: str, answers: Callable[[str], bool], files: set[str], refused: dict
) -> list[tuple[int, str, str]]:
    """Return (line, target, fix) for each link of `text` that leads nowhere.

    `answers(path)` tells whether a path names a post, `files` holds the
    names of the files copied beside this post (and those already listed as
    missing), `refused` why a file was not copied; `/` (the home page) answers.
    A Pelican link left as written (`{filename}/exp/x.py`) leads nowhere here.
    """
    prose = blank_code(text)
    found = []
    for pattern in LINKS:
        for match in pattern.finditer(prose):
            target = match.group(2)
            if "[^" in match.group(1):
                continue  # a footnote's text, not a link
            path = urlsplit(target).path
            if not stays_on_site(target) or not path or path == "/":
                continue
            if path in files or (path.startswith("/") and answers(path)):
                continue
            found.append((match.start(2), target))
    return [
        (prose.count("\n", 0, start) + 1, target, fix_for(target, refused))
        for start, target in sorted(found)
    ]
