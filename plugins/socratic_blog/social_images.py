"""The image each page shares: its cover, else a social card drawn once and cached."""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
import shutil
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path, PurePosixPath

import PIL
from markupsafe import Markup
from pelican.log import LimitLogger

from . import fonts, social_card
from .cover import CoverImage
from .palette import Palette, read_palette
from .social_card import CardText, card_png
from .written import written_content

log = logging.getLogger(__name__)
# Pelican's loggers drop a line identical to one already logged by the process;
# every build's card count must show, even when it repeats the last build's.
if isinstance(log, LimitLogger):
    log.disable_filter()

STYLESHEET = "static/css/style.css"
SITE_CARD = "card.png"
SITE_CARD_TAGS = 5


@functools.cache
def drawing() -> tuple[str, ...]:
    """Say what a card's pixels depend on besides its text and colours."""
    return (
        PIL.__version__,
        Path(social_card.__file__).read_text(encoding="utf-8"),
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
        path = self.folder / f"{hashlib.sha256(key.encode()).hexdigest()}.png"
        if path.is_file():
            self.reused += 1
            return path
        self.folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=self.folder, delete=False) as partial:
            partial.write(card_png(text, palette))
        os.replace(partial.name, path)
        self.drawn += 1
        return path


def card_path(save_as: str) -> str:
    """Place a page's card next to it: `posts/x/index.html` → `posts/x/card.png`."""
    page = PurePosixPath(save_as)
    if page.name == "index.html":
        return str(page.parent / "card.png").removeprefix("./")
    return str(page.with_suffix(".card.png"))


def publish(cached: Path, output: Path, path: str, alt: str) -> CoverImage:
    """Copy a cached card into the output and describe it as a shared image."""
    target = output / path
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(cached, target)
    return CoverImage(path, social_card.WIDTH, social_card.HEIGHT, alt)


def top_tags(generators) -> tuple[str, ...]:
    """Return the names of the site's most used tags, most used first."""
    tags = {}
    for generator in generators:
        tags.update(getattr(generator, "tags", {}))
    ranked = sorted(tags.items(), key=lambda item: (-len(item[1]), item[0].name))
    return tuple(tag.name for tag, _ in ranked[:SITE_CARD_TAGS])


def share_images(generators) -> None:
    """Give every page a `social_image` and the site a `site_image` to share.

    Without SOCIAL_CARDS (the preview), pages without a cover share the site's
    card: a card takes a sixth of a second to draw, and nobody shares a preview.
    """
    first = generators[0]
    settings, output = first.settings, Path(first.output_path)
    palette = read_palette(Path(settings["THEME"]) / STYLESHEET)
    default_cache = Path(settings["PATH"]).parent / ".cache" / "social-cards"
    cache = CardCache(Path(settings.get("SOCIAL_CARDS_CACHE") or default_cache))
    site, tagline = settings["SITENAME"], settings.get("SITESUBTITLE", "")
    site_card = CardText(tagline or site, site, "", top_tags(generators))
    site_image = publish(
        cache.card(site_card, palette), output, SITE_CARD, f"{site}: {tagline}"
    )
    first.context["site_image"] = site_image
    for content in written_content(generators):
        if content.cover is not None:
            content.social_image = content.cover
            continue
        if not settings.get("SOCIAL_CARDS", True):
            content.social_image = site_image
            continue
        title = Markup(content.title).striptags()
        tags = tuple(tag.name for tag in getattr(content, "tags", ()))
        cached = cache.card(CardText(title, site, tagline, tags), palette)
        alt = f"{title} · {site}"
        content.social_image = publish(cached, output, card_path(content.save_as), alt)
    log.info("social cards: drew %d, reused %d", cache.drawn, cache.reused)
