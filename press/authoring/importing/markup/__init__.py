"""Other generators' markup made this blog's Markdown: Liquid, shortcodes, fences."""

from . import autolinks, tables


def as_read(body: str, generator: str) -> str:
    """Return `body` as its generator read it: Hugo's bare links, kramdown's tables."""
    return tables.widened(autolinks.linked(body, generator), generator)
