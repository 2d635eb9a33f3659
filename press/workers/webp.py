"""Encode the posts' WebP cover copies ahead, in forked workers, one per core.

The plugin encodes each missing copy in turn, a twentieth of a second each.
Once the article generator has read the posts, this encodes the copies of
their covers (listed by the plugin's own functions, into its cache) in
parallel, so the plugin then finds them in its cache and copies them.
"""

from __future__ import annotations

from pathlib import Path

from socratic_blog.api import covers_to_copy, webp_cache

from .pool import cores, fork_map

# Fewer copies than this are encoded as fast by the plugin itself.
WORTH_FORKING = 8


def encode(cache, source: str) -> None:
    """Encode one cover's WebP copy into the cache unless it is there (in a worker)."""
    cache.copy_of(Path(source))


def encode_covers_ahead(generator) -> None:
    """Fill the WebP cache for the posts' covers in parallel (generator handler)."""
    if cores() < 2:
        return
    root = Path(generator.settings["PATH"])
    sources = [str(root / cover.path) for cover in covers_to_copy([generator])]
    if len(sources) < WORTH_FORKING:
        return
    fork_map(encode, sources, webp_cache(generator.settings), chunksize=2)
