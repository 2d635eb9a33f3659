"""Source paths and addresses: each post's worked out once a build.

Pelican works a post's path relative to content/ out anew each time it
expands an address setting (`save_as`, `url`): about a dozen times a post a
build, two `abspath`s and a `relpath` each. The answer depends only on the
two paths (and the working folder, which a build does not change), so one
build remembers it.

The address itself (`save_as`: the handlers ask whether a post is written,
seven times a post a build) is formatted from a copy of the post's metadata
and a few fields each time. It is remembered with those inputs, and formatted
again when one of them changed.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from pelican.contents import Content

PELICANS_OWN = Content.get_relative_source_path
PELICANS_ADDRESS = Content.get_url_setting
UNSET = object()


def address_inputs(content, key: str) -> tuple:
    """Return what Pelican formats a post's `key` address from (Content.url_format)."""
    author = getattr(content, "author", None)
    category = getattr(content, "category", None)
    return (
        content.status,  # a draft's address comes from the DRAFT_ settings
        content.in_default_lang,
        content.source_path,
        getattr(content, "slug", ""),
        getattr(content, "lang", "en"),
        getattr(content, "date", None),
        author.slug if author is not None else None,
        category.slug if category is not None else None,
        tuple(content.metadata.items()),
        content.settings,
    )


@contextmanager
def remembered_source_paths() -> Iterator[None]:
    """Work each post's source path and addresses out once, while the build runs."""
    known: dict[tuple[str, str], str | None] = {}
    addresses: dict[tuple[int, str], tuple] = {}
    before = Content.get_relative_source_path, Content.get_url_setting

    def relative(content, source_path: str | None = None) -> str | None:
        """Pelican's relative source path, remembered by its two paths."""
        key = (content.settings["PATH"], source_path or content.source_path)
        if key not in known:
            known[key] = PELICANS_OWN(content, source_path)
        return known[key]

    def address(content, key: str) -> str:
        """Pelican's address setting, remembered while its inputs are the same."""
        if getattr(content, f"override_{key}", UNSET) is not UNSET:
            return PELICANS_ADDRESS(content, key)
        inputs = address_inputs(content, key)
        last = addresses.get((id(content), key))
        if last is not None and last[0] is content and last[1] == inputs:
            return last[2]
        value = PELICANS_ADDRESS(content, key)
        addresses[(id(content), key)] = (content, inputs, value)
        return value

    Content.get_relative_source_path, Content.get_url_setting = relative, address
    try:
        yield
    finally:
        Content.get_relative_source_path, Content.get_url_setting = before
