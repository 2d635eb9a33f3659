"""Publishing the pictures: body pictures copied, WebP copies linked, metadata removed.

Private by default: every raster the site publishes (body pictures, covers,
anything under a static folder) goes out upright and without its EXIF or XMP,
so no file tells where a photo was taken; `PRESERVE_PICTURE_METADATA = True`
publishes the original bytes instead. The preview (`PREVIEW`) publishes the
originals as they are and makes no copy, so an edit never waits on pictures.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

from socratic_blog.build_log import every_build_logger
from socratic_blog.files import link_or_copy, write_text_whole
from socratic_blog.site.written import written_content

from .picture_cache import picture_cache

log = every_build_logger(__name__)

PRESERVE = "PRESERVE_PICTURE_METADATA"
RASTERS = {".jpg", ".jpeg", ".png", ".webp", ".avif", ".tif", ".tiff"}
# The stamps of the published files last found private, in the picture cache.
CHECKED = "private-files.json"


def body_pictures(generators) -> list:
    """Return the pictures of every post and page the build writes."""
    return [
        picture
        for content in written_content(generators)
        for picture in content.metadata.get("pictures", ())
    ]


def link_body_pictures(generator) -> None:
    """Have Pelican publish the pictures the posts (or pages) show (generator handler).

    The pass that lays them out writes their addresses itself (percent-encoded,
    with their WebP copies), so Pelican learns of them here, as of the covers.
    """
    generator.context["static_links"].update(
        picture.path for picture in body_pictures([generator])
    )


def to_make(generators) -> list:
    """List the body pictures with WebP copies, once each (the most widths), by path."""
    pictures = {}
    for picture in sorted(body_pictures(generators), key=lambda p: len(p.widths)):
        pictures[picture.path] = picture
    return [pictures[path] for path in sorted(pictures) if pictures[path].widths]


def write_variants(generators) -> None:
    """Link each body picture's WebP copies into the output, making missing ones."""
    if not generators or generators[0].settings.get("PREVIEW"):
        return
    settings = generators[0].settings
    root, output = Path(settings["PATH"]), Path(generators[0].output_path)
    cache = picture_cache(settings)
    for picture in to_make(generators):
        made = cache.variants(root / picture.path, picture.widths)
        for width, path in made.items():
            link_or_copy(path, output / picture.variant(width))
    if cache.made or cache.reused:
        log.info("picture copies: made %d, reused %d", cache.made, cache.reused)


def published_rasters(output: Path) -> list[Path]:
    """Return every raster file under the output folder, in order."""
    return sorted(
        path
        for path in output.rglob("*")
        if path.suffix.lower() in RASTERS and path.is_file()
    )


def stamp(path: Path) -> tuple[int, ...]:
    """Tell a file apart from any other, or any rewrite of it, without reading it.

    Not its change time: linking a file into the next build changes that.
    """
    status = path.stat()
    return (status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns)


def private_files(record: Path) -> set[tuple]:
    """Return the stamps of the files the last build found (or made) private."""
    with contextlib.suppress(OSError, ValueError, TypeError):
        return {tuple(item) for item in json.loads(record.read_text())}
    return set()


def remove_metadata(pelican) -> None:
    """Replace each published raster that carries metadata by its private copy.

    This runs once the site is written, on every raster in it, wherever it came
    from (a body picture, a cover, a static folder, the theme). A file is
    replaced, never changed in place: it may be a hard link to the cache's or to
    the last build's copy. Telling whether a PNG carries metadata decodes it,
    so the files found private are remembered by their stamps: a warm build
    reads only the new ones.
    """
    settings = pelican.settings
    if settings.get(PRESERVE) or settings.get("PREVIEW"):
        return
    cache = picture_cache(settings)
    record = cache.folder / CHECKED
    checked = private_files(record)
    found = set()
    for path in published_rasters(Path(pelican.output_path)):
        if (known := stamp(path)) in checked:
            found.add(known)
            continue
        private = cache.private_copy(path)
        if private != path:
            path.unlink()
            link_or_copy(private, path)
        found.add(stamp(path))
    if found and found != checked:
        with contextlib.suppress(OSError):
            record.parent.mkdir(parents=True, exist_ok=True)
            write_text_whole(record, json.dumps(sorted(found)))
    if cache.made:
        log.info("private copies: made %d, reused %d", cache.made, cache.reused)
