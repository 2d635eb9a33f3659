"""Draw the posts' social cards ahead, in forked workers, one per core.

The plugin draws each missing card in turn when it shares images. Once the
article generator has read the posts, this draws the same cards (described by
the plugin's own functions, into its cache) in parallel, so the plugin then
finds every post's card in its cache and draws only the site's and the pages'.
"""

from __future__ import annotations

from socratic_blog.api import card_cache, post_cards

from .pool import cores, forked_pool

# Fewer cards than this are drawn as fast by the plugin itself.
WORTH_FORKING = 8
# What the workers draw with: set before forking, so they inherit it.
_cache = None


def draw(card: tuple) -> None:
    """Draw one card into the cache unless it is there (in a worker)."""
    text, palette = card
    _cache.card(text, palette)


def draw_cards_ahead(generator) -> None:
    """Fill the card cache for the posts in parallel (article generator handler)."""
    global _cache  # noqa: PLW0603 - inherited by the forked workers
    settings = generator.settings
    if not settings.get("SOCIAL_CARDS", True) or cores() < 2:
        return
    cards = post_cards(generator)
    if len(cards) < WORTH_FORKING:
        return
    _cache = card_cache(settings)
    try:
        with forked_pool(cores()) as pool:
            pool.map(draw, cards, chunksize=16)
    finally:
        _cache = None
