"""Source paths: each post's path within content/, worked out once a build.

Pelican works a post's path relative to content/ out anew each time it
expands an address setting (`save_as`, `url`): about a dozen times a post a
build, two `abspath`s and a `relpath` each. The answer depends only on the
two paths (and the working folder, which a build does not change), so one
build remembers it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from pelican.contents import Content

PELICANS_OWN = Content.get_relative_source_path


@contextmanager
def remembered_source_paths() -> Iterator[None]:
    """Work each post's relative source path out once, while the build runs."""
    known: dict[tuple[str, str], str | None] = {}
    before = Content.get_relative_source_path

    def relative(content, source_path: str | None = None) -> str | None:
        """Pelican's relative source path, remembered by its two paths."""
        key = (content.settings["PATH"], source_path or content.source_path)
        if key not in known:
            known[key] = PELICANS_OWN(content, source_path)
        return known[key]

    Content.get_relative_source_path = relative
    try:
        yield
    finally:
        Content.get_relative_source_path = before
