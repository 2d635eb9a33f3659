"""Posts' warnings, each kind said for the first file a build meets, then counted.

An imported blog can carry the same unknown key in hundreds of posts; one line
a post would drown the warnings that matter. Within its first file a kind is
said at every line (the author fixes each); other files are counted.
"""

from __future__ import annotations

import re

from socratic_blog.build_log import every_build_logger
from socratic_blog.errors import display_path

log = every_build_logger(__name__)

# This build's warnings by what they say (without their file and line): the
# first file's first line saying it, and the other files saying it.
FIRST: dict[str, tuple[str, str]] = {}
OTHERS: dict[str, set[str]] = {}


def start_counting(_pelican) -> None:
    """Forget the last build's warnings."""
    FIRST.clear()
    OTHERS.clear()


def warn_once(source_path: str, warning: str) -> None:
    """Log a warning in the first file a build meets its kind in; count the others."""
    kind = what_it_says(source_path, warning)
    first_path, _ = FIRST.setdefault(kind, (source_path, warning))
    if first_path == source_path:
        log.warning(warning)
    else:
        OTHERS.setdefault(kind, set()).add(source_path)


def what_it_says(source_path: str, warning: str) -> str:
    """Return a warning without the `file:line: ` that starts it."""
    where = re.escape(display_path(source_path))
    return re.sub(rf"^{where}(:\d+)?: ", "", warning)


def count_repeats(_pelican) -> None:
    """Say how many more files had each warning said for one file only."""
    for kind, others in OTHERS.items():
        files = "file has" if len(others) == 1 else "files have"
        first = FIRST[kind][1]
        log.warning("%s (%d more %s the same warning)", first, len(others), files)
