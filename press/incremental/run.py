"""Pelican that writes only what changed, reading, rendering and drawing in parallel.

The writer links unchanged pages from output/ (keeping_writer.py), the static
generator unchanged files (kept_static.py); before Pelican reads, the posts
the content cache lacks are read by forked workers (parallel_read.py), the
posts' WebP cover copies and picture copies are made ahead the same way
(workers/webp.py, workers/pictures.py), and production builds draw the
social cards ahead too (parallel_cards.py).
"""

from __future__ import annotations

from pathlib import Path

from pelican import Pelican
from pelican.generators import StaticGenerator
from pelican.plugins import signals

from press.workers.cards import draw_cards_ahead
from press.workers.pictures import make_pictures_ahead
from press.workers.read_ahead import read_ahead
from press.workers.webp import encode_covers_ahead

from .content_cache import seal
from .reuse import Keeper
from .static_files import KeepingStatic
from .writer import KeepingWriter


class IncrementalPelican(Pelican):
    """Pelican with the keeping writer and static files for one build."""

    def __init__(self, settings: dict, keeper: Keeper | None = None):
        """Set up Pelican; `keeper` links unchanged files from the live output."""
        self.keeper = keeper
        super().__init__(settings)

    def run(self) -> None:
        """Build, reading posts, encoding covers and drawing cards in parallel first."""
        signals.generator_init.connect(read_ahead)
        # Sealed as soon as each reader saved the cache, before the slow handlers.
        signals.article_generator_finalized.connect(self.seal_cache)
        signals.page_generator_finalized.connect(self.seal_cache)
        signals.article_generator_finalized.connect(encode_covers_ahead)
        signals.article_generator_finalized.connect(make_pictures_ahead)
        signals.article_generator_finalized.connect(draw_cards_ahead)
        try:
            super().run()
        finally:
            signals.generator_init.disconnect(read_ahead)
            signals.article_generator_finalized.disconnect(self.seal_cache)
            signals.page_generator_finalized.disconnect(self.seal_cache)
            signals.article_generator_finalized.disconnect(encode_covers_ahead)
            signals.article_generator_finalized.disconnect(make_pictures_ahead)
            signals.article_generator_finalized.disconnect(draw_cards_ahead)

    def seal_cache(self, generator) -> None:
        """Seal the content cache once a reader saved it: a later stop keeps it."""
        if self.settings.get("CACHE_CONTENT"):
            seal(Path(self.settings["CACHE_PATH"]))

    def _get_generator_classes(self):
        """Pelican's generators, the static one keeping unchanged files."""
        static = type("KeepingStatic", (KeepingStatic,), {"keeper": self.keeper})
        return [
            static if generator is StaticGenerator else generator
            for generator in super()._get_generator_classes()
        ]

    def _get_writer(self):
        """Return the keeping writer (plugins asking for another are not served)."""
        return KeepingWriter(self.output_path, self.settings, self.keeper)
