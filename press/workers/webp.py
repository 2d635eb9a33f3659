"""Encode the posts' WebP cover copies ahead, in forked workers, one per core.

The plugin encodes each missing copy in turn, a twentieth of a second each.
Once the article generator has read the posts, this encodes the copies of
their covers (listed by the plugin's own functions, into its cache) in
parallel, so the plugin then finds them in its cache and copies them.
"""

from __future__ import annotations

from pathlib import Path

from socratic_blog.api import covers_to_copy, webp_cache

from .pool import cores, forked_pool

# Fewer copies than this are encoded as fast by the plugin itself.
WORTH_FORKING = 8
# Where the workers encode into: set before forking, so they inherit it.
_cache = None


def encode(source: str) -> None:
    """Encode one cover's WebP copy into the cache unless it is there (in a worker)."""
    _cache.copy_of(Path(source))


def encode_covers_ahead(generator) -> None:
    """Fill the WebP cache for the posts' covers in parallel (generator handler)."""
    global _cache  # noqa: PLW0603 - inherited by the forked workers
    if cores() < 2:
        return
    root = Path(generator.settings["PATH"])
    sources = [str(root / cover.path) for cover in covers_to_copy([generator])]
    if len(sources) < WORTH_FORKING:
        return
    _cache = webp_cache(generator.settings)
    try:
        with forked_pool(cores()) as pool:
            pool.map(encode, sources, chunksize=2)
    finally:
        _cache = None
