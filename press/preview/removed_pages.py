"""Removed pages: a deleted post's own page, gone from the preview at once.

Deleting a post changes other pages too (lists, tags, neighbours), which the
site model works out; its own page, though, is simply gone in a clean build,
so the preview can stop serving it before the model is done. Only when every
saved file is gone: a file added meanwhile (a post moved to another folder)
may claim the same address, which only the model can tell.
"""

from __future__ import annotations

import os

from .fast_render import KeptSite


def removed_pages(site: KeptSite, sources: list[str]) -> dict[str, None] | None:
    """Return {output path: None} for the deleted posts' pages, or None."""
    if not sources or any(os.path.lexists(source) for source in sources):
        return None
    held = (site.holder(source) for source in sources)
    gone = {found[1].save_as: None for found in held if found and found[1].save_as}
    return gone or None
