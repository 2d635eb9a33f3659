"""A post's pictures, laid out: sized, lazy, responsive, captioned, percent-encoded.

This is a pass over the post's rendered HTML, so every `<img>` is seen, wherever
it came from (Markdown, raw HTML, a callout). A local picture gets its shown
`width` and `height`, `decoding="async"` and, after the first one (or from the
first when a cover is shown above it), `loading="lazy"`. A still raster wider
than the text column also gets WebP copies at a few widths, never upscaled, in
a `<picture>` whose fallback is the original. A title becomes a caption.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from pathlib import Path, PurePosixPath
from urllib.parse import quote, unquote, urlsplit

from .img_tags import ImgTag, img_tags, replace_spans
from .measure import measure

# The theme's text column (theme/static/css: main is at most 40rem wide, less
# its gutters on a phone); a picture at most this wide is left at one size.
COLUMN = 640
SIZES = "(min-width: 44rem) 40rem, calc(100vw - 2rem)"
# WebP widths: a phone at 1x; a phone at 1.75-2x (the column is 330-400 CSS
# px there, and a photo's bytes grow with its area); the column at 1.5x; 2x.
WIDTHS = (480, 720, 960, 1440)
# The width a feed entry shows.
FEED_WIDTH = 960
# The mark the Markdown extension puts in front of a local picture's path.
STATIC = "{static}"


@dataclass(frozen=True)
class BodyPicture:
    """A picture a post shows from content/: its path and its WebP widths."""

    path: str
    width: int
    height: int
    widths: tuple[int, ...] = ()

    def variant(self, width: int) -> str:
        """Where the WebP copy `width` pixels wide lives in the site."""
        path = PurePosixPath(self.path)
        return path.with_name(f"{path.stem}-{width}w.webp").as_posix()

    def feed_width(self) -> int | None:
        """Return the width of the copy a feed shows: 960, or the widest below."""
        smaller = [width for width in self.widths if width <= FEED_WIDTH]
        return max(smaller) if smaller else None


def variant_widths(width: int) -> tuple[int, ...]:
    """Widths of the WebP copies of a picture this wide: never wider than it."""
    if width <= COLUMN:
        return ()
    widths = [each for each in WIDTHS if each < width]
    if width < WIDTHS[-1]:
        widths.append(width)
    return tuple(widths)


def picture_path(src: str) -> str | None:
    """Read a local picture's path from its `{static}` src (Markdown's or raw HTML's).

    Markdown's pictures get that mark from markdown/local_images.py, raw HTML's
    from posts/raw_html.py; anything else is not a picture of the site's.
    """
    if not src.startswith(STATIC):
        return None
    return unquote(urlsplit(src.removeprefix(STATIC)).path)


def site_path(path: str, source: Path, content_root: Path) -> str:
    """Return a picture's path in the site (from content/), as the post wrote it."""
    root = content_root.resolve()
    file = root / path.lstrip("/") if path.startswith("/") else source.parent / path
    return file.resolve().relative_to(root).as_posix()


def attributes(values: dict[str, str]) -> str:
    """Write HTML attributes, every value escaped.

    An empty alt is written bare (`<img alt>`, the same in HTML): the layout
    has warned about it with its line when it was not written on purpose, and
    Pelican's own warning (no line, and for every empty alt) stays quiet.
    """
    return "".join(
        f" {name}" if name == "alt" and not value else f' {name}="{escape(value)}"'
        for name, value in values.items()
    )


def shown_size(values: dict[str, str], width: int, height: int) -> dict[str, str]:
    """Return the width and height to write: the author's, else the picture's.

    An author who wrote one of them (raw HTML) gets the other in proportion.
    """
    written = {name: values[name] for name in ("width", "height") if name in values}
    if len(written) == 2:
        return written
    if "width" in written and written["width"].isdigit():
        scaled = round(int(written["width"]) * height / width)
        return {"width": written["width"], "height": str(scaled)}
    if "height" in written and written["height"].isdigit():
        scaled = round(int(written["height"]) * width / height)
        return {"width": str(scaled), "height": written["height"]}
    return {"width": str(width), "height": str(height)}


@dataclass
class Layout:
    """The pictures of one post, laid out in turn."""

    source: Path
    settings: dict
    cover_shown: bool
    pictures: list[BodyPicture]

    def url(self, path: str) -> str:
        """Link a site path: SITEURL, then the path percent-encoded."""
        return f"{self.settings['SITEURL']}/{quote(path)}"

    def markup(self, tag: ImgTag, path: str) -> str:
        """Return the HTML that shows one local picture (a figure when captioned)."""
        root = Path(self.settings["PATH"])
        shown = site_path(path, self.source, root)
        size = measure(root / shown)
        values = dict(tag.attributes)
        # A title becomes the caption when the picture stands alone (lay_out).
        caption = values.pop("title", "") if tag.alone_in else ""
        values.setdefault("alt", "")
        values["src"] = self.url(shown)
        if size is not None:
            values.update(shown_size(values, size.width, size.height))
        values["decoding"] = "async"
        if self.pictures or self.cover_shown:
            values["loading"] = "lazy"
        # The preview shows the original at once: no copy to wait for. A
        # picture the author gave its own srcset or <picture> keeps them.
        still = size is not None and size.raster and not size.animated
        own = tag.in_picture or "srcset" in values or self.settings.get("PREVIEW")
        widths = variant_widths(size.width) if still and not own else ()
        width, height = (size.width, size.height) if size else (0, 0)
        picture = BodyPicture(shown, width, height, widths)
        self.pictures.append(picture)
        html = f"<img{attributes(values)}>"
        if widths:
            srcset = ", ".join(f"{self.url(picture.variant(w))} {w}w" for w in widths)
            source = attributes(
                {"type": "image/webp", "srcset": srcset, "sizes": SIZES}
            )
            html = f"<picture><source{source}>{html}</picture>"
        if caption:
            html = f"<figure>{html}<figcaption>{escape(caption)}</figcaption></figure>"
        return html


def lay_out_pictures(
    html: str, source: Path, settings: dict, cover_shown: bool
) -> tuple[str, list[BodyPicture]]:
    """Lay out a post's local pictures; return the HTML and the pictures."""
    layout = Layout(source, settings, cover_shown, [])
    replacements = []
    for tag in img_tags(html):
        path = picture_path(tag.attributes.get("src", ""))
        if path is None:
            continue
        captioned = tag.alone_in is not None and bool(tag.attributes.get("title"))
        start, end = tag.alone_in if captioned else (tag.start, tag.end)
        replacements.append((start, end, layout.markup(tag, path)))
    if not replacements:
        return html, []
    return replace_spans(html, replacements), layout.pictures
