"""The image each page shares: its cover, else a social card drawn once and cached."""

from __future__ import annotations

import functools
import hashlib
import json
import zlib
from dataclasses import asdict, dataclass
from pathlib import Path, PurePosixPath

import PIL

from socratic_blog import settings as defaults
from socratic_blog.build_log import every_build_logger
from socratic_blog.files import link_or_copy
from socratic_blog.languages.declared import declared
from socratic_blog.site.written import written_content

from . import fonts, png_encoding, social_card
from .cached_files import cached
from .cover import CoverImage
from .palette import Palette, read_palette, theme_stylesheet
from .social_card import CardText, card_png

log = every_build_logger(__name__)

SITE_CARD = "card.png"
SITE_CARD_TAGS = 5


@functools.cache
def drawing() -> tuple[str, ...]:
    """Say what a card's pixels depend on besides its text and colours."""
    return (
        PIL.__version__,
        zlib.ZLIB_RUNTIME_VERSION,
        Path(social_card.__file__).read_text(encoding="utf-8"),
        Path(png_encoding.__file__).read_text(encoding="utf-8"),
        str(fonts.find_font(fonts.BOLD_FONTS)),
        str(fonts.find_font(fonts.REGULAR_FONTS)),
    )


@dataclass
class CardCache:
    """Card PNGs by content hash, in a folder that outlives the output."""

    folder: Path
    drawn: int = 0
    reused: int = 0

    def card(self, text: CardText, palette: Palette) -> Path:
        """Return the cached PNG for this card, drawing it only if it is new."""
        key = json.dumps([asdict(text), asdict(palette), drawing()], sort_keys=True)
        path, made = cached(
            self.folder,
            f"{hashlib.sha256(key.encode()).hexdigest()}.png",
            lambda partial: partial.write_bytes(card_png(text, palette)),
        )
        self.drawn += made
        self.reused += not made
        return path


def card_path(save_as: str) -> str:
    """Place a page's card next to it: `posts/x/index.html` → `posts/x/card.png`."""
    page = PurePosixPath(save_as)
    if page.name == "index.html":
        return str(page.parent / "card.png").removeprefix("./")
    return str(page.with_suffix(".card.png"))


def site_card(settings: dict, code: str | None = None) -> CoverImage:
    """Describe the site's own card: what the home page, lists and preview share.

    Each other language's lists share a card of their own, in their language,
    under /<lang>/.
    """
    site, tagline = settings["SITENAME"], settings.get("SITESUBTITLE", "")
    language = declared(settings).get(code) if code else None
    if language is None:
        return CoverImage(
            SITE_CARD, social_card.WIDTH, social_card.HEIGHT, f"{site}: {tagline}"
        )
    tagline = language.subtitle or tagline
    return CoverImage(
        language.prefix + SITE_CARD,
        social_card.WIDTH,
        social_card.HEIGHT,
        f"{site}: {tagline}",
    )


def shared_image(content) -> CoverImage:
    """Return what a post or page shares: its cover, else its own card.

    Without SOCIAL_CARDS (the preview), pages without a cover share the site's
    card: a first preview of many posts need not draw them, and nobody shares
    a preview.
    """
    settings = content.settings
    if content.cover is not None:
        return content.cover
    if not settings.get("SOCIAL_CARDS", defaults.SOCIAL_CARDS) or not content.save_as:
        return site_card(settings)
    alt = f"{content.plain_title} · {settings['SITENAME']}"
    return CoverImage(
        card_path(content.save_as), social_card.WIDTH, social_card.HEIGHT, alt
    )


def has_own_card(content) -> bool:
    """Tell whether a post or page shares a card of its own (to be drawn)."""
    image = content.social_image
    return image is not content.cover and image.path != SITE_CARD


def own_card_text(content) -> CardText:
    """Say what a post's or page's own card shows: its title, the site, its tags."""
    settings = content.settings
    site, tagline = settings["SITENAME"], settings.get("SITESUBTITLE", "")
    language = declared(settings).get(getattr(content, "lang", None))
    tagline = (language.subtitle if language else None) or tagline
    tags = tuple(tag.name for tag in getattr(content, "tags", ()))
    return CardText(content.plain_title, site, tagline, tags)


def card_cache(settings: dict) -> CardCache:
    """Open the site's card cache: SOCIAL_CARDS_CACHE, else `.cache/social-cards`."""
    default = Path(settings["PATH"]).parent / ".cache" / "social-cards"
    folder = settings.get("SOCIAL_CARDS_CACHE", defaults.SOCIAL_CARDS_CACHE)
    return CardCache(Path(folder or default))


def top_tags(generators) -> tuple[str, ...]:
    """Return the names of the site's most used tags, most used first."""
    tags = {}
    for generator in generators:
        tags.update(getattr(generator, "tags", {}))
    ranked = sorted(tags.items(), key=lambda item: (-len(item[1]), item[0].name))
    return tuple(tag.name for tag, _ in ranked[:SITE_CARD_TAGS])


def draw_cards(generators) -> None:
    """Draw the site's card and each written page's own card into the output.

    Each page's `social_image` says which card it shares (`post_facts`); here
    the cards are drawn, or taken from the cache when drawn before.
    """
    first = generators[0]
    settings, output = first.settings, Path(first.output_path)
    palette = read_palette(theme_stylesheet(settings))
    cache = card_cache(settings)
    site, tagline = settings["SITENAME"], settings.get("SITESUBTITLE", "")
    site_text = CardText(tagline or site, site, "", top_tags(generators))
    link_or_copy(cache.card(site_text, palette), output / SITE_CARD)
    for code, listed in first.context.get("language_lists", {}).items():
        card = site_card(settings, code)
        words = card.alt.removeprefix(f"{site}: ")
        ranked = sorted(listed.tags, key=lambda pair: (-len(pair[1]), pair[0].name))
        tags = tuple(tag.name for tag, _ in ranked[:SITE_CARD_TAGS])
        text = CardText(words or site, site, "", tags)
        link_or_copy(cache.card(text, palette), output / card.path)
    for content in written_content(generators):
        if has_own_card(content):
            text = own_card_text(content)
            link_or_copy(cache.card(text, palette), output / content.social_image.path)
    log.info("social cards: drew %d, reused %d", cache.drawn, cache.reused)


def post_cards(generator) -> list[tuple[CardText, Palette]]:
    """Describe the cards the generator's posts will want: their text and colours."""
    palette = read_palette(theme_stylesheet(generator.settings))
    return [
        (own_card_text(content), palette)
        for content in written_content([generator])
        if has_own_card(content)
    ]
