"""A post's cover image: found next to the post, measured, copied to the site.

`CoverImage` is also the model of every image a page shares (its social card).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import quote, urlsplit

from socratic_blog.errors import ContentError, display_path
from socratic_blog.site.written import written_content

from .measure import raster_measure


@dataclass(frozen=True)
class CoverImage:
    """Where a cover lives in the site, how big it is and how to describe it."""

    path: str
    width: int
    height: int
    alt: str

    @property
    def url(self) -> str:
        """The cover's site path as a URL path (a space becomes %20)."""
        return quote(self.path)

    @property
    def webp_url(self) -> str | None:
        """The WebP copy's site path as a URL path, if there is a copy."""
        return quote(self.webp) if self.webp else None

    @property
    def webp(self) -> str | None:
        """Where the cover's WebP copy lives in the site; None for a WebP cover."""
        path = PurePosixPath(self.path)
        if path.suffix.lower() == ".webp":
            return None
        return path.with_suffix(".webp").as_posix()


def refuse_web_address(image: str, source: Path, line: int | None) -> None:
    """Refuse a cover given as a web address: the site publishes its own covers."""
    parts = urlsplit(image)
    if parts.scheme or parts.netloc:
        raise ContentError(
            source,
            f"cover image '{image}' is a web address; the site publishes its own"
            " covers (measured, with a WebP copy)",
            "download the image next to the post and write its file name, like"
            " 'image: cover.png'",
            line,
        )


def find_cover(
    image: str, alt: str, source: Path, content_root: Path, line: int | None
) -> CoverImage:
    """Resolve `image` (from the post file, or from content/ if it starts with /)."""
    root = content_root.resolve()
    refuse_web_address(image, source, line)
    from_root = image.startswith("/")
    file = (root / image.lstrip("/") if from_root else source.parent / image).resolve()
    where = (
        "a path that starts with / starts at the content folder"
        if from_root
        else "it is relative to the post file"
    )
    if not file.is_relative_to(root):
        raise ContentError(
            source,
            f"cover image '{image}' is outside {display_path(root)}",
            "move the image into the content folder",
            line,
        )
    if not file.is_file():
        raise ContentError(
            source,
            f"cover image '{image}' does not exist (looked for {display_path(file)})",
            f"fix the 'image:' path; {where}",
            line,
        )
    size = raster_measure(file)
    if size is None:
        raise ContentError(
            source,
            f"cover image '{image}' is not an image Pillow can read",
            "use a PNG, JPEG or WebP file",
            line,
        )
    return CoverImage(file.relative_to(root).as_posix(), size.width, size.height, alt)


def publish_covers(generator) -> None:
    """Have Pelican copy the covers of the posts (or pages) this build writes.

    Pelican copies the files a post's text links to; a cover is linked from the
    front matter, so it joins that set (the generator's context, public for
    generator handlers) once the generator has read its posts or pages.
    """
    generator.context["static_links"].update(
        content.cover.path
        for content in written_content([generator])
        if content.cover is not None
    )
