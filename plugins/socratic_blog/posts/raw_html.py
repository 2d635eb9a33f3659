"""Raw HTML in a post follows the rules Markdown does: its files are published.

`<img src="x.png">`, `<source srcset="a.png 1x, b.png 2x">`,
`<video poster="/images/p.png">` and `<a href="/images/big.png">` name a file
beside the post, or from content/ when they start with `/`, as
`![x](x.png)` does (see markdown/local_images.py): the file is published, a
missing one (or one outside content/) is a mistake with its line, and the
address is written with SITEURL (a site under a sub-path works). A site-root
link to a page (`<a href="/posts/x/">`) is written with SITEURL too.

The post's HTML is read as the body guard reads it, from the same split
(`markup_runs`, Python's own HTML parser or its exact shortcut, never a loose
pattern): only the start tags that change are written again (their
attributes escaped); every other byte is kept. The tags inside a `<script>`
or `<style>` are text to that parser, as they are to a browser: not read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from socratic_blog.errors import ContentError, display_path
from socratic_blog.markdown.local_images import is_local
from socratic_blog.markup_runs import Run, markup_runs
from socratic_blog.posts.source_lines import source_line
from socratic_blog.site.written import written_content

FILE_ATTRIBUTES = ("src", "poster", "srcset")
# The tags whose files are pictures, sound or video; a script or a frame is not
# published this way.
MEDIA_TAGS = ("img", "source", "video", "audio", "track")
# The only tags an address of which may change: the media, and links.
ADDRESS_TAGS = frozenset({*MEDIA_TAGS, "a"})
# Elements whose content is text, not tags, to a browser and to html.parser.
TEXT_CONTENT = ("script", "style")
# A link to one of these names a picture, a sound, a video or a document to
# publish; a link to anything else (a page, a feed the build writes) is an
# address, written with SITEURL, unless it names a file under content/.
FILE_SUFFIXES = frozenset(
    {
        *(".apng", ".avif", ".bmp", ".gif", ".ico", ".jpeg", ".jpg", ".png"),
        *(".svg", ".tif", ".tiff", ".webp"),
        *(".mp3", ".mp4", ".m4a", ".ogg", ".wav", ".webm", ".mov"),
        *(".pdf", ".epub", ".zip"),
    }
)
STATIC = "{static}"


@dataclass
class RawFiles:
    """What the pass found: the files to check and publish, in order."""

    # Paths as written (relative to the post, or /from content/).
    paths: list[str] = field(default_factory=list)
    # Files named only in a srcset, which Pelican's links do not publish:
    # their paths from content/, for the static files to copy.
    srcset_files: list[str] = field(default_factory=list)


def is_file_link(path: str) -> bool:
    """Tell whether a link's path names a picture, a sound, a video, a document."""
    return PurePosixPath(unquote(path)).suffix.lower() in FILE_SUFFIXES


def from_content(path: str, source: Path, root: Path) -> str | None:
    """Return a file's path from content/, or None when it is outside."""
    file = Path(
        root / path.lstrip("/") if path.startswith("/") else source.parent / path
    )
    try:
        return file.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return None


class Addresses:
    """Rewrite one post's raw HTML addresses, noting the files they name."""

    def __init__(self, source: Path, settings: dict):
        """Keep the post, the content folder and the site's address."""
        self.source = source
        self.root = Path(settings["PATH"])
        self.site = settings.get("SITEURL", "").rstrip("/")
        self.found = RawFiles()

    def file(self, value: str) -> str:
        """Return a file's address as Pelican's `{static}` link (published)."""
        self.found.paths.append(unquote(urlsplit(value).path))
        return STATIC + value

    def candidate(self, words: list[str]) -> str:
        """Return one srcset candidate with its file's address from the site."""
        if not is_local(words[0]):
            return " ".join(words)
        path = unquote(urlsplit(words[0]).path)
        self.found.paths.append(path)
        relative = from_content(path, self.source, self.root)
        if relative is None:
            return " ".join(words)
        self.found.srcset_files.append(relative)
        return " ".join([f"{self.site}/{relative}", *words[1:]])

    def srcset(self, value: str) -> str | None:
        """Return a srcset whose local candidates are published files."""
        candidates = [c.split() for c in value.split(",") if c.split()]
        if not any(is_local(words[0]) for words in candidates):
            return None
        return ", ".join(self.candidate(words) for words in candidates)

    def link(self, value: str) -> str | None:
        """Return a link to a file as published, a site-root page link with SITEURL."""
        path = urlsplit(value).path
        if not path:
            return None
        if is_file_link(path) or is_named_file(path, self.source, self.root):
            return self.file(value)
        return self.site + value if value.startswith("/") and self.site else None

    def rewrite(self, tag: str, name: str, value: str | None) -> str | None:
        """Return an attribute's new value, or None to keep it."""
        if value is None:
            return None
        if tag in MEDIA_TAGS and name == "srcset":
            return self.srcset(value)
        names_file = tag in MEDIA_TAGS and name in FILE_ATTRIBUTES
        if not (names_file or (tag, name) == ("a", "href")) or not is_local(value):
            return None
        return self.file(value) if names_file else self.link(value)


def publish(html: str, source: Path, settings: dict) -> tuple[str, RawFiles]:
    """Return the HTML with raw HTML's file and site-root addresses rewritten."""
    addresses = Addresses(source, settings)
    written, inside = [], ""
    for run in markup_runs(html):
        if inside:
            inside = "" if (run.kind, run.tag) == ("end", inside) else inside
        elif run.kind == "start" and run.tag in ADDRESS_TAGS:
            written.append(rewritten(run, addresses.rewrite))
            continue
        elif run.kind == "start" and run.tag in TEXT_CONTENT and not run.closed:
            inside = run.tag
        written.append(run.raw)
    return "".join(written), addresses.found


def rewritten(run: Run, rewrite) -> str:
    """Write a start tag again when one of its addresses changes, else as it was."""
    changed = [rewrite(run.tag, name, value) for name, value in run.attrs]
    if all(new is None for new in changed):
        return run.raw
    parts = [f"<{run.tag}"]
    for (name, value), new in zip(run.attrs, changed, strict=True):
        kept = value if new is None else new
        parts.append(f" {name}" if kept is None else f' {name}="{escape(kept)}"')
    parts.append(" />" if run.closed else ">")
    return "".join(parts)


def is_named_file(path: str, source: Path, root: Path) -> bool:
    """Tell whether a link without a file suffix still names an existing file."""
    relative = from_content(unquote(path), source, root)
    return relative is not None and (root / relative).is_file()


def problems(paths: list[str], source: Path, settings: dict) -> list[ContentError]:
    """Return a mistake for each file raw HTML names that is missing or outside."""
    root = Path(settings["PATH"]).resolve()
    found = []
    for path in dict.fromkeys(paths):
        start = "a path that starts with / starts at the content folder"
        if not path.startswith("/"):
            start = "it is relative to the post file"
        relative = from_content(path, source, root)
        if relative is None:
            problem = f"the file '{path}' in raw HTML is outside the content folder"
        elif not (root / relative).is_file():
            problem = (
                f"the file '{path}' in raw HTML does not exist (looked for"
                f" {display_path(root / relative)})"
            )
        else:
            continue
        found.append(
            ContentError(
                source,
                problem,
                f"fix the path in the tag; {start}",
                source_line(source, path),
            )
        )
    return found


def publish_srcset_files(generator) -> None:
    """Have Pelican copy the files only a srcset names, for the posts it writes.

    Pelican publishes what a `{static}` link names in `src` or `href`, never in
    a srcset; those files join the same set, as covers do.
    """
    generator.context["static_links"].update(
        path
        for content in written_content([generator])
        for path in getattr(content, "srcset_files", ())
    )
