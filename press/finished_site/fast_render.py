"""Fast render: a saved post's own page, from a finished build's generators.

A preview build's worker keeps Pelican's generators once the build is in
place (a fresh `invoke build` loads them from the saved site: quick_build.py).
When the author then saves the text of posts, and nothing else, the worker
reads those files alone, swaps each into the site's lists and renders its
page in memory, as Hugo's fast render mode does; the preview serves that page
at once, and the full build that follows has the last word.

A page is rendered only when it comes out as a clean build would write it:
the post's front matter (but its title), address, status and linked files are
unchanged, so nothing else on its page (neighbours, related posts, tags) can
differ; what the reader measures in the text (reading time, description,
summary, contents) comes from the new reading. Anything else (a new file, a
template, a setting, an image) returns None.
"""

from __future__ import annotations

import contextlib
import logging
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import chain
from pathlib import Path

from pelican.contents import Article, Page
from pelican.generators import ArticlesGenerator, PagesGenerator
from pelican.plugins import signals
from pelican.writers import Writer

from socratic_blog.api import CACHE_STATE

# The lists each generator keeps its posts (or pages) in.
POST_LISTS = {
    ArticlesGenerator: (
        "articles",
        "translations",
        "hidden_articles",
        "hidden_translations",
        "drafts",
        "drafts_translations",
    ),
    PagesGenerator: (
        "pages",
        "translations",
        "hidden_pages",
        "hidden_translations",
        "draft_pages",
        "draft_translations",
    ),
}
# What a generator holds besides the site's lists.
OWN_STATE = {"context", "settings", "env", "readers", *CACHE_STATE}
CONTAINERS = (list, tuple, dict)
# What the reader derives from the text: shown on the post's own page, rendered
# anew, and on other pages, which the full build writes.
TEXT_FACTS = frozenset({"description", "reading_time", "summary", "toc"})
# Front matter the post's own page shows but no list orders or groups by: its
# page renders fast; the full build then writes the pages listing it.
OWN_PAGE_FIELDS = frozenset({"title"})
DEPTH = 4  # how deep the lists nest: tags → (tag, posts), archives → periods → posts


def post_lists(generator) -> tuple[str, ...]:
    """Name the lists a generator (or a subclass) keeps its posts or pages in."""
    return next((n for k, n in POST_LISTS.items() if isinstance(generator, k)), ())


@contextmanager
def quiet() -> Iterator[None]:
    """Keep a fast render's warnings for the full build, which prints them once."""
    logging.disable(logging.CRITICAL)
    try:
        yield
    finally:
        logging.disable(logging.NOTSET)


class KeptSite:
    """A finished build's generators, able to render an edited post's page."""

    def __init__(self):
        """Hold nothing until a build's generators are finalized."""
        self.generators: list = []

    def keep(self, generators) -> None:
        """Keep the build's generators (a signal's handler)."""
        self.generators = list(generators)

    def render(self, sources: list[str]) -> dict[str, bytes] | None:
        """Return {output path: bytes} for these saved files, or None if unsure."""
        try:
            with quiet():
                edited = [self.reread(source) for source in sources]
                if any(found is None for found in edited):
                    return None
                return self.pages(edited)
        except Exception:  # the full build reports what went wrong
            return None

    def warm(self) -> None:
        """Render a post's page once, unseen: compile the theme before an edit."""
        # The build rendered in forked workers: this process compiled nothing.
        for generator in self.generators:
            for content in getattr(generator, "articles", [])[:1]:
                with contextlib.suppress(Exception), quiet():
                    self.pages([(generator, content)])  # a fault: the edit's own

    def holder(self, source: str):
        """Find the generator and the post (or page) read from `source`."""
        for generator in self.generators:
            for name in post_lists(generator):
                for content in getattr(generator, name, ()):
                    if content.source_path == source:
                        return generator, content
        return None

    def reread(self, source: str):
        """Read `source` again; return (generator, post) if only its text changed."""
        found = self.holder(source)
        if found is None or not os.path.isfile(source):
            return None
        generator, old = found
        article = isinstance(generator, ArticlesGenerator)
        kind = "article" if article else "page"
        new = generator.readers.read_file(
            base_path=generator.path,
            path=os.path.relpath(source, generator.path),
            content_class=Article if article else Page,
            context=generator.context,
            preread_signal=getattr(signals, f"{kind}_generator_preread"),
            preread_sender=generator,
            context_signal=getattr(signals, f"{kind}_generator_context"),
            context_sender=generator,
        )
        if not self.same_place(generator, old, new):
            return None
        self.swap(generator, old, new)
        return generator, new

    @staticmethod
    def same_place(generator, old, new) -> bool:
        """Tell whether only the text changed: same front matter, address, files."""
        if type(new) is not type(old) or not new.is_valid():
            return False
        links = new.get_static_links()
        return (
            front_matter(new) == front_matter(old)
            and new.save_as == old.save_as
            and new.status == old.status
            and links <= generator.context["static_links"]
        )

    @staticmethod
    def swap(generator, old, new) -> None:
        """Put `new` wherever the site holds `old`, with what the build added."""
        for name, value in vars(old).items():
            if name not in vars(new):
                setattr(new, name, value)
        if hasattr(old, "tags"):
            # The same tags (same front matter), in the spelling the build chose
            # for the whole site (posts/tags.py), not only this file's.
            new.tags = old.tags
        if hasattr(new, "refresh_metadata_intersite_links"):
            new.refresh_metadata_intersite_links()
        generator.add_source_path(new)
        # The generator's lists are the ones its context (the templates) holds.
        roots = [v for k, v in vars(generator).items() if k not in OWN_STATE]
        swap_in_lists(roots, old, new, DEPTH, set())
        held = (getattr(generator, name) for name in post_lists(generator))
        for content in chain(*held):
            swap_in_lists(getattr(content, "related_posts", []), old, new, 1, set())

    def pages(self, edited: list[tuple]) -> dict[str, bytes]:
        """Render each edited post's page, as the full build would write it."""
        settings = self.generators[0].settings
        with tempfile.TemporaryDirectory(prefix="fast-render-") as folder:
            writer = Writer(folder, settings=settings)
            for generator, content in edited:
                write_page(generator, content, writer)
            return {
                content.save_as: (Path(folder) / content.save_as).read_bytes()
                for _, content in edited
            }


def write_page(generator, content, writer: Writer) -> None:
    """Write one post's (or page's) page with what Pelican's generator passes."""
    template = generator.get_template(content.template)
    common = {
        "relative_urls": generator.settings["RELATIVE_URLS"],
        "override_output": hasattr(content, "override_save_as"),
        "url": content.url,
    }
    if isinstance(generator, PagesGenerator):
        writer.write_file(
            content.save_as, template, generator.context, page=content, **common
        )
        return
    drafts = {"all_articles": generator.articles} if content.status == "draft" else {}
    writer.write_file(
        content.save_as,
        template,
        generator.context,
        article=content,
        category=getattr(content, "category", None),
        blog=True,
        **drafts,
        **common,
    )


def front_matter(content) -> dict:
    """Return a post's metadata but for what only its own page needs anew.

    A page's title is not its own: every page's menu names it.
    """
    own = OWN_PAGE_FIELDS if isinstance(content, Article) else frozenset()
    return {
        k: without_alt(v)
        for k, v in content.metadata.items()
        if k not in TEXT_FACTS | own
    }


def without_alt(value):
    """Return a picture's fields but its alt text (the title, unless given)."""
    if hasattr(value, "alt") and hasattr(value, "__dict__"):
        return {**vars(value), "alt": None}
    return value


def swap_in_lists(value, old, new, depth: int, seen: set[int]) -> None:
    """Replace `old` by `new` in the lists within `value`, `depth` levels down."""
    if depth < 0 or id(value) in seen:
        return
    seen.add(id(value))
    places = value.items() if isinstance(value, dict) else enumerate(value)
    for place, item in places if isinstance(value, list | dict) else ():
        if item is old:
            value[place] = new
    items = value.values() if isinstance(value, dict) else value
    for item in items if isinstance(value, CONTAINERS) else ():
        if isinstance(item, CONTAINERS):
            swap_in_lists(item, old, new, depth - 1, seen)
