"""Posts' warnings, each kind said once a build: the first with its line, then a count.

An imported blog can carry the same unknown key in hundreds of posts; one line
a post would drown the warnings that matter.
"""

from __future__ import annotations

import re
from collections import Counter

from socratic_blog.build_log import every_build_logger
from socratic_blog.errors import display_path

log = every_build_logger(__name__)

# This build's warnings by what they say (without their file and line).
SAID: Counter[str] = Counter()
FIRST: dict[str, str] = {}


def start_counting(_pelican) -> None:
    """Forget the last build's warnings."""
    SAID.clear()
    FIRST.clear()


def warn_once(source_path: str, warning: str) -> None:
    """Log a warning the first time a build meets its kind; count the others."""
    kind = what_it_says(source_path, warning)
    SAID[kind] += 1
    if SAID[kind] == 1:
        FIRST[kind] = warning
        log.warning(warning)


def what_it_says(source_path: str, warning: str) -> str:
    """Return a warning without the `file:line: ` that starts it."""
    where = re.escape(display_path(source_path))
    return re.sub(rf"^{where}(:\d+)?: ", "", warning)


def count_repeats(_pelican) -> None:
    """Say how many more files had each warning said once."""
    for kind, count in SAID.items():
        if count > 1:
            more = count - 1
            files = "file has" if more == 1 else "files have"
            log.warning("%s (%d more %s the same warning)", FIRST[kind], more, files)
