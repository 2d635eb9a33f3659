"""Draw the posts' social cards ahead, in forked workers, one per core.

The plugin draws each missing card in turn when it shares images, a sixth of
a second each. Once the article generator has read the posts, this draws the
same cards (the same text, colours and cache) in parallel, so the plugin then
finds every card in its cache. It only warms the cache: should the plugin
describe a card otherwise, it draws the card itself, as before.
"""

from __future__ import annotations

import logging
import multiprocessing
from pathlib import Path

from markupsafe import Markup

from .parallel_read import cores

log = logging.getLogger(__name__)
# Fewer cards than this are drawn as fast by the plugin itself.
WORTH_FORKING = 8
# What the workers draw with: set before forking, so they inherit it.
_cache = None


def draw(card: tuple) -> None:
    """Draw one card into the cache unless it is there (in a worker)."""
    text, palette = card
    _cache.card(text, palette)


def wanted_cards(generator) -> list[tuple]:
    """Describe the cards the plugin will want for the generator's posts."""
    # Imported here: the preview's warm process imports this module, and must
    # never import the plugin (each build reads the plugin's code anew).
    from socratic_blog.palette import read_palette  # noqa: PLC0415
    from socratic_blog.social_card import CardText  # noqa: PLC0415
    from socratic_blog.social_images import STYLESHEET  # noqa: PLC0415
    from socratic_blog.written import written_content  # noqa: PLC0415

    settings = generator.settings
    palette = read_palette(Path(settings["THEME"]) / STYLESHEET)
    site, tagline = settings["SITENAME"], settings.get("SITESUBTITLE", "")
    cards = []
    for content in written_content([generator]):
        if getattr(content, "cover", None) is not None:
            continue
        title = Markup(content.title).striptags()
        tags = tuple(tag.name for tag in getattr(content, "tags", ()))
        cards.append((CardText(title, site, tagline, tags), palette))
    return cards


def draw_cards_ahead(generator) -> None:
    """Fill the card cache for the posts in parallel (article generator handler)."""
    global _cache  # noqa: PLW0603 - inherited by the forked workers
    settings = generator.settings
    if not settings.get("SOCIAL_CARDS", True) or cores() < 2:
        return
    try:
        from socratic_blog.social_images import CardCache  # noqa: PLC0415

        default = Path(settings["PATH"]).parent / ".cache" / "social-cards"
        cache = CardCache(Path(settings.get("SOCIAL_CARDS_CACHE") or default))
        cards = wanted_cards(generator)
    except (ImportError, AttributeError, TypeError) as error:
        log.debug("social cards are not drawn ahead: %s", error)
        return
    if len(cards) < WORTH_FORKING:
        return
    _cache = cache
    try:
        with multiprocessing.get_context("fork").Pool(cores()) as pool:
            pool.map(draw, cards, chunksize=4)
    finally:
        _cache = None
