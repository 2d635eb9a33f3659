"""A saved site's header: what the site stands for, checked before it is loaded.

The build base (theme, settings, plugin, libraries), this package's code, the
output folder the build swapped in (another build swaps in another), the
sources as the build found them, what its templates read of posts other than
a page's own, and when its first scheduled post falls due.
"""

from __future__ import annotations

import functools
import time
from pathlib import Path

from press.incremental.template_variables import template_reads
from socratic_blog.api import fetched_templates, folder_digest

from .fast_render import post_lists

FORMAT = 1
PACKAGE = Path(__file__).resolve().parents[1]


@functools.cache
def press_code() -> str:
    """Hash this package's code: it shapes the pages it writes."""
    return folder_digest(PACKAGE, lambda path: path.suffix == ".py")


def path_id(path: Path) -> list[int] | None:
    """Tell a file or folder apart from another put in its place (a swap, a save)."""
    try:
        status = path.stat()
    except OSError:
        return None
    return [status.st_dev, status.st_ino]


def writes_whole_site(settings: dict) -> bool:
    """Tell whether a build writes what shows every post's text: feeds, the index."""
    feeds = (
        value
        for name, value in settings.items()
        if "FEED" in name and name.endswith(("_ATOM", "_RSS"))
    )
    return bool(settings.get("SEARCH_INDEX")) or any(feeds)


def other_reads(generators: list) -> list[str] | None:
    """Name what the build's templates read of posts other than a page's own."""
    found: set[str] = set()
    for generator in generators:
        for template in fetched_templates(generator):
            _, fields = template_reads(template.environment, template.name)
            if fields is None:
                return None
            found |= fields
    return sorted(found)


def first_due(generators: list) -> float | None:
    """Return when the first scheduled post falls due (a timestamp), if one waits."""
    dates = [
        post.date.timestamp()
        for generator in generators
        for name in post_lists(generator)
        for post in getattr(generator, name, ())
        if getattr(post, "scheduled", False)
    ]
    return min(dates, default=None)


def header(base: str, output: Path, read: dict, generators: list) -> dict:
    """Say what a finished build's site stands for."""
    return {
        "format": FORMAT,
        "base": base,
        "code": press_code(),
        "output": path_id(output),
        "sources": read,
        "reads": other_reads(generators),
        "due": first_due(generators),
    }


def stands(found: dict | None, base: str, output: Path) -> bool:
    """Tell whether a saved site stands for a build of this base into `output`."""
    if found is None or found.get("format") != FORMAT or found["reads"] is None:
        return False
    due = found["due"]
    return not (due and time.time() >= due) and (
        (found["base"], found["code"], found["output"])
        == (base, press_code(), path_id(output))
    )
