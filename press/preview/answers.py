"""The kept worker's two answers to an edit: what it shows at once, then the model's.

First, the saved posts' own pages when only their text changed (a fast
render, press/finished_site/fast_render.py); or, when every saved file is
gone, the deleted posts' own pages, gone: a clean build simply lacks them,
and the site model needs a moment to work out the pages that listed them. A
file added meanwhile (a post moved to another folder) may take the same
address; a translated post waits too (deleting one a translation names as
its original breaks the site).

Then the pages the site model changed (site_model.py), unless a fast render
said everything: those showing an edited post as soon as it has them, then
the others. A page the first answer took away and the model does not
mention comes back as output/ holds it: its file was back before the model
read it (an editor that deletes, then writes).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from press.finished_site.fast_render import KeptSite
from socratic_blog.api import has_twins

from .first_pages import unsent
from .site_model import SiteModel, applied

Pages = dict[str, bytes | None]


def answers(
    site: KeptSite, model: SiteModel, sources: list[str], output: Path, send=None
) -> Iterator[Pages | None]:
    """Yield the pages to show at once, then the model's (each None if none).

    `send(pages)`, if given, is sent the pages showing the edited posts as
    soon as the model has them (first_pages.py): the model's answer then
    holds only the others.
    """
    pages = site.render(sources)
    if pages is not None:
        yield pages
        yield None  # a fast render needs no model: it would hold the next one back
        return
    gone = removed_pages(site, sources)
    yield gone
    sent: Pages = {}

    def first(pages: Pages) -> None:
        sent.update(pages)
        send(pages)

    changed = applied(model, sources, first if send is not None else None)
    yield unsent(settled(gone, changed, output), sent)


def removed_pages(site: KeptSite, sources: list[str]) -> dict[str, None] | None:
    """Return {output path: None} for the deleted posts' own pages, or None."""
    if not sources or any(os.path.lexists(source) for source in sources):
        return None
    held = [site.holder(source) for source in sources]
    if any(found and has_twins(found[1]) for found in held):
        return None
    gone = {found[1].save_as: None for found in held if found and found[1].save_as}
    return gone or None


def settled(gone: Pages | None, changed: Pages | None, output: Path) -> Pages | None:
    """Return the model's pages, with output/'s copy of any page wrongly gone."""
    if not gone:
        return changed
    answer = dict(changed or {})
    for name in gone.keys() - answer.keys():
        page = output / name
        answer[name] = page.read_bytes() if page.is_file() else None
    return answer
