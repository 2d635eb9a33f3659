"""The pages an applied edit shows first: those that show an edited post.

The site model applies an edit to the whole site (site_model.py), which takes
a while on a big blog. Its writer renders the pages that show an edited post
as soon as Pelican hands them over, before any other page: the post's own
page (the posts' pages come first), and the page of each list that holds it
(the home page for a redated post, a tag's page for a new tag). Each one's
bytes, where they differ from output/'s, go to the preview at once: the same
bytes the whole edit brings. The other pages (neighbours, related guides,
the rest of the lists) follow once the edit is applied. Nothing is sent
first once the build has logged an error; one found later (in a page
rendered after) leaves the pages sent until the full build, which has the
last word, reports it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pelican.contents import Content
from pelican.paginator import Page

from press.incremental.reuse import holds

from .kept_posts import edited_paths

Pages = dict[str, bytes | None]


class ShownFirst:
    """The pages showing the edited posts: which they are, and sending them."""

    def __init__(self, sources: list[str], staging: Path, output: Path, send):
        """Know the edited sources, both folders, and where the pages go."""
        self.edited = edited_paths(sources)
        self.staging = staging
        self.output = output
        self.send: Callable[[Pages], None] = send

    def wanted(self, own: dict) -> bool:
        """Tell whether a page's own variables show an edited post."""
        for value in own.values():
            if isinstance(value, Content) and value.source_path in self.edited:
                return True
            if isinstance(value, Page) and any(
                getattr(post, "source_path", None) in self.edited
                for post in value.object_list
            ):
                return True
        return False

    def placed(self, names: list[str]) -> None:
        """Send the pages placed in staging that differ from output/'s."""
        pages: Pages = {}
        for name in names:
            new, old = self.staging / name, self.output / name
            if old.exists() and old.stat().st_ino == new.stat().st_ino:
                continue  # linked: output/ holds these bytes
            data = new.read_bytes()
            if not holds(old, data):
                pages[name] = data
        if pages:
            self.send(pages)


def unsent(pages: Pages | None, sent: Pages) -> Pages | None:
    """Return the pages not already sent with these very bytes."""
    if pages is None:
        return None
    return {
        name: data
        for name, data in pages.items()
        if name not in sent or sent[name] != data
    }
