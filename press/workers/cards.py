"""Draw the posts' social cards ahead, in forked workers, one per core.

The plugin draws each missing card in turn when it shares images. Once the
article generator has read the posts, this draws the same cards (described by
the plugin's own functions, into its cache) in parallel, so the plugin then
finds every post's card in its cache and draws only the site's and the pages'.
"""

from __future__ import annotations

from socratic_blog.api import card_cache, post_cards, setting_defaults

from .pool import cores, fork_map

# Fewer cards than this are drawn as fast by the plugin itself.
WORTH_FORKING = 8


def draw(cache, card: tuple) -> None:
    """Draw one card into the cache unless it is there (in a worker)."""
    text, palette = card
    cache.card(text, palette)


def draw_cards_ahead(generator) -> None:
    """Fill the card cache for the posts in parallel (article generator handler)."""
    settings = generator.settings
    drawn = settings.get("SOCIAL_CARDS", setting_defaults.SOCIAL_CARDS)
    if not drawn or cores() < 2:
        return
    cards = post_cards(generator)
    if len(cards) < WORTH_FORKING:
        return
    fork_map(draw, cards, card_cache(settings), chunksize=16)
