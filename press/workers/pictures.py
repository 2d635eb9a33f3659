"""Make the posts' picture copies ahead, in forked workers, one per core.

The plugin makes each missing WebP copy (and private copy, EXIF removed) in
turn, a few tenths of a second for a phone photo. Once the article generator
has read the posts, this makes the copies of their pictures (listed by the
plugin's own functions, into its cache) in parallel, so the plugin then finds
them in its cache and links them into the output.
"""

from __future__ import annotations

from pathlib import Path

from socratic_blog.api import (
    PRESERVE_PICTURE_METADATA,
    picture_cache,
    pictures_to_make,
)

from .pool import cores, forked_pool

# Fewer pictures than this are made as fast by the plugin itself.
WORTH_FORKING = 4
# Where the workers make copies into: set before forking, so they inherit it.
_cache = None
_private = True


def make(job: tuple[str, tuple[int, ...]]) -> None:
    """Make one picture's copies into the cache unless they are there (in a worker)."""
    source, widths = job
    _cache.variants(Path(source), widths)
    if _private:
        _cache.private_copy(Path(source))


def make_pictures_ahead(generator) -> None:
    """Fill the picture cache for the posts' pictures on every core (a handler)."""
    global _cache, _private  # noqa: PLW0603 - inherited by the forked workers
    settings = generator.settings
    if cores() < 2 or settings.get("PREVIEW"):
        return
    root = Path(settings["PATH"])
    jobs = [
        (str(root / picture.path), picture.widths)
        for picture in pictures_to_make([generator])
    ]
    if len(jobs) < WORTH_FORKING:
        return
    _cache = picture_cache(settings)
    _private = not settings.get(PRESERVE_PICTURE_METADATA)
    try:
        with forked_pool(cores()) as pool:
            pool.map(make, jobs, chunksize=1)
    finally:
        _cache = None
