"""WebP copies of the covers, written next to the originals when the site is built.

Browsers that read WebP (all current ones) download a file about a quarter of
the PNG's size; the others keep the original through `<picture>`. A copy
takes a twentieth of a second to encode, so copies are kept in a cache by the
cover's bytes and encoded only when the cover is new or changed.
"""

from __future__ import annotations

import functools
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

import PIL
from PIL import Image, features

from socratic_blog import settings as defaults
from socratic_blog.build_log import every_build_logger
from socratic_blog.files import link_or_copy
from socratic_blog.site.written import written_content

from .cached_files import cached
from .cover import CoverImage
from .picture_cache import kept_info, upright

log = every_build_logger(__name__)

# Lossy at a quality where drawn covers show no artefacts; the same input
# always gives the same bytes.
WEBP_OPTIONS = {"quality": 82, "method": 4}


@functools.cache
def encoding() -> str:
    """Say what a copy's bytes depend on besides the cover's bytes."""
    return json.dumps([PIL.__version__, features.version("webp"), WEBP_OPTIONS])


def encode_webp(source: Path, target: Path) -> None:
    """Encode one picture as WebP into `target`."""
    with Image.open(source) as picture:
        upright(picture).save(target, "WEBP", **WEBP_OPTIONS, **kept_info(picture))


@dataclass
class WebpCache:
    """WebP copies by their cover's bytes, in a folder that outlives the output."""

    folder: Path
    encoded: int = 0
    reused: int = 0

    def copy_of(self, source: Path) -> Path:
        """Return the cached WebP copy of `source`, encoding it only if it is new."""
        digest = hashlib.sha256(source.read_bytes())
        digest.update(encoding().encode())
        path, made = cached(
            self.folder,
            f"{digest.hexdigest()}.webp",
            lambda partial: encode_webp(source, partial),
        )
        self.encoded += made
        self.reused += not made
        return path


def webp_cache(settings: dict) -> WebpCache:
    """Open the site's WebP cache: WEBP_COVERS_CACHE, else `.cache/webp-covers`."""
    default = Path(settings["PATH"]).parent / ".cache" / "webp-covers"
    folder = settings.get("WEBP_COVERS_CACHE", defaults.WEBP_COVERS_CACHE)
    return WebpCache(Path(folder or default))


def published_covers(generators) -> set[CoverImage]:
    """Collect the covers of every post and page the site will show."""
    return {
        content.cover
        for content in written_content(generators)
        if content.cover is not None
    }


def covers_to_copy(generators) -> list[CoverImage]:
    """List the shown covers that need a WebP copy (not WebP already), by path."""
    covers = sorted(published_covers(generators), key=lambda cover: cover.path)
    return [cover for cover in covers if cover.webp is not None]


def write_webp_covers(generators) -> None:
    """Write a WebP copy of every shown cover that is not a WebP already."""
    if not generators:
        return
    settings = generators[0].settings
    content_root = Path(settings["PATH"])
    output_root = Path(generators[0].output_path)
    cache = webp_cache(settings)
    for cover in covers_to_copy(generators):
        link_or_copy(cache.copy_of(content_root / cover.path), output_root / cover.webp)
    if cache.encoded or cache.reused:
        log.info("WebP covers: encoded %d, reused %d", cache.encoded, cache.reused)
