"""Pelican that writes only what changed, reading, rendering and drawing in parallel.

The writer links unchanged pages from output/ (writer.py), the static
generator unchanged files (static_files.py); before Pelican reads, the posts
the content cache lacks are read by forked workers (press.workers.read_ahead),
the posts' WebP cover copies and picture copies are made ahead the same way
(workers.webp, workers.pictures), and production builds draw the social cards
ahead too (workers.cards).
"""

from __future__ import annotations

from pathlib import Path

from pelican.generators import ArticlesGenerator, StaticGenerator
from pelican.plugins import signals

from press.progress import Progress, Unshown
from press.workers.cards import draw_cards_ahead
from press.workers.pictures import make_pictures_ahead
from press.workers.read_ahead import read_ahead
from press.workers.webp import encode_covers_ahead
from socratic_blog.api import ChoosingPelican, QuietWhenNoReaderIsOff

from .compiled_templates import share_compiled_templates
from .content_cache import seal
from .reuse import OutputReuse
from .shown_fields import linkless
from .source_paths import remembered_source_paths
from .static_files import ReusingStatic
from .writer import ReusingWriter


class IncrementalPelican(ChoosingPelican):
    """Pelican with the reusing writer and static files for one build."""

    def __init__(
        self,
        settings: dict,
        reuse: OutputReuse | None = None,
        progress: Progress | None = None,
    ):
        """Set up Pelican; `reuse` links unchanged files from the live output."""
        self.reuse = reuse
        self.progress = progress or Unshown()
        super().__init__(settings)

    def run(self) -> None:
        """Build, reading posts, encoding covers and drawing cards in parallel first."""
        # Sealed as soon as each reader saved the cache, before the slow handlers.
        handlers = [
            (signals.generator_init, share_compiled_templates),
            (signals.generator_init, read_ahead),
            (signals.article_generator_finalized, self.seal_cache),
            (signals.page_generator_finalized, self.seal_cache),
            (signals.article_generator_finalized, encode_covers_ahead),
            (signals.article_generator_finalized, make_pictures_ahead),
            (signals.article_generator_finalized, draw_cards_ahead),
        ]
        for signal, handler in handlers:
            signal.connect(handler)
        self.progress.connect()
        try:
            with remembered_source_paths():
                super().run()
        finally:
            self.progress.disconnect()
            for signal, handler in handlers:
                signal.disconnect(handler)

    def seal_cache(self, generator) -> None:
        """Seal the content cache once a reader saved it: a later stop keeps it."""
        if self.settings.get("CACHE_CONTENT"):
            seal(Path(self.settings["CACHE_PATH"]))

    def generator_classes(self, classes: list) -> list:
        """Pelican's generators, the static one reusing unchanged files."""
        static = type("ReusingStatic", (ReusingStatic,), {"reuse": self.reuse})
        # Under Pelican's name, which names its cache files and its messages.
        articles = type("ArticlesGenerator", (ListingArticles,), {})
        chosen = {StaticGenerator: static, ArticlesGenerator: articles}
        return [chosen.get(generator, generator) for generator in classes]

    def make_writer(self):
        """Return the reusing writer (plugins asking for another are not served)."""
        return ReusingWriter(self.output_path, self.settings, self.reuse, self.progress)


class Members(list):
    """A list of posts that tells whether it holds a post in constant time."""

    def __init__(self, posts: list):
        """Hold `posts`, and their identities (posts compare by identity)."""
        super().__init__(posts)
        self.held = frozenset(map(id, posts))

    def __contains__(self, post) -> bool:
        """Tell whether the list holds this very post."""
        return id(post) in self.held


class ListingArticles(QuietWhenNoReaderIsOff, ArticlesGenerator):
    """Pelican's article generator, listing a tag's posts by date in linear time.

    Pelican picks a tag's, a category's or an author's posts out of all posts
    by date with a list's `in`: at 5,000 posts, tens of millions of steps. And
    it searches every post's text for static files on every build, where a
    text searched once is known to link to none, and walks the content folder
    again for files of disabled readers when none is.
    """

    def add_static_links(self, content) -> None:
        """Pelican's: note the static files a post links to (none without a link)."""
        if not linkless(content):
            super().add_static_links(content)

    def generate_pages(self, writer) -> None:
        """Write the pages, the lists of posts answering `in` at once meanwhile."""
        lists = self.tags, self.categories, self.authors
        self.tags = {tag: Members(posts) for tag, posts in self.tags.items()}
        self.categories = [(name, Members(posts)) for name, posts in self.categories]
        self.authors = [(name, Members(posts)) for name, posts in self.authors]
        try:
            super().generate_pages(writer)
        finally:
            self.tags, self.categories, self.authors = lists
