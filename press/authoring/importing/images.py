"""The images a post uses, found in the old site and copied beside the post.

Pictures and files a post shows or links to (Markdown images and links, raw
HTML `src`, `href`, `poster` and `srcset`) are found in the old site. Only
image and static files inside the old site's root are copied: a path that
climbs out of it, a symbolic link that leads out of it, or another kind of
file, is warned about.
"""

from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from socratic_blog.api import display_path, is_local_address

from .markup.templates import outside_code
from .paths import leads_out, where_it_leads

# ![alt](path "title"), [text](path), and src="path" (href, poster) in raw
# HTML: the path is group "src". A srcset's candidates are group "set".
MARKDOWN_IMAGE = re.compile(r"(?P<link>!?)\[[^\]]*\]\(\s*<?(?P<src>[^)\s>]+)>?")
HTML_IMAGE = re.compile(
    r"\b(?P<link>src|href|poster)\s*=\s*[\"'](?P<src>[^\"']+)[\"']", re.I
)
# The build drops scripts (with a warning): their files are never needed.
SCRIPT = re.compile(r"<script\b[^>]*>", re.I)
# What a link (not a picture) is: a Markdown link, or an href.
LINK_MARKS = ("", "href")
SRCSET = re.compile(r"\bsrcset\s*=\s*[\"'](?P<set>[^\"']+)[\"']", re.I)
# Pelican's own link markers, and the folders Jekyll and Hugo serve from the root.
PELICAN_MARKERS = ("{static}", "{attach}", "{filename}")
SITE_ROOT_FOLDERS = ("", "static", "assets", "content")
# What a post shows or offers for download; nothing else is copied.
STATIC_SUFFIXES = frozenset(
    [
        ".apng",
        ".avif",
        ".bmp",
        ".gif",
        ".ico",
        ".jpeg",
        ".jpg",
        ".png",
        ".svg",
        ".tif",
        ".tiff",
        ".webp",
        ".mp3",
        ".mp4",
        ".ogg",
        ".webm",
        ".pdf",
    ]
)


@dataclass
class Images:
    """The files to copy beside the post, and the links to rewrite."""

    copies: dict[str, Path] = field(default_factory=dict)
    renamed: dict[str, str] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)
    # Sources that are outside the old site, or are not image files: not copied.
    refused: dict[str, str] = field(default_factory=dict)
    # Every file the post's links were found at, as linked (not resolved).
    looked_at: set[Path] = field(default_factory=set)


def is_old_site_file(src: str) -> bool:
    """Tell whether an image source is a file of the old site (Pelican's too)."""
    for marker in PELICAN_MARKERS:
        src = src.removeprefix(marker)
    return is_local_address(src)


def srcset_sources(value: str) -> list[str]:
    """Return the addresses of a srcset's candidates (`a.png 1x, b.png 2x`)."""
    return [part.split()[0] for part in value.split(",") if part.split()]


def is_file_link(src: str) -> bool:
    """Tell whether a link names a picture or a download, not a page."""
    return Path(unquote(urlsplit(src).path)).suffix.lower() in STATIC_SUFFIXES


def body_sources(body: str) -> list[str]:
    """Return the local pictures and files a Markdown body uses, in order.

    Code is left out (`<script src="x.js">` in a fenced block is an example),
    and so are scripts: the build drops them.
    """
    body = SCRIPT.sub("", outside_code(body))
    found = [
        match.group("src")
        for pattern in (MARKDOWN_IMAGE, HTML_IMAGE)
        for match in pattern.finditer(body)
        if match.group("link").lower() not in LINK_MARKS
        or is_file_link(match.group("src"))
    ]
    for match in SRCSET.finditer(body):
        found += srcset_sources(match.group("set"))
    return [src for src in dict.fromkeys(found) if is_old_site_file(src)]


def locate(src: str, post: Path, top: Path) -> Path | None:
    """Find an image the old site served: beside the post, or from its root."""
    path = unquote(urlsplit(src).path)
    for marker in PELICAN_MARKERS:
        if path.startswith(marker):
            path = path.removeprefix(marker)
            if marker == "{static}" and path.startswith("/"):
                return existing([top / "content" / path.lstrip("/")])
    if not path.startswith("/"):
        return existing([post.parent / path])
    relative = path.lstrip("/")
    return existing([top / folder / relative for folder in SITE_ROOT_FOLDERS])


def existing(candidates: list[Path]) -> Path | None:
    """Return the first candidate that is a file (or a link, checked later)."""
    return next((c for c in candidates if c.is_file() or c.is_symlink()), None)


def gather(sources: list[str], post: Path, top: Path) -> Images:
    """Decide where each image goes beside the post (a clash gets a number)."""
    images = Images()
    for src in sources:
        file = locate(src, post, top)
        if file is None:
            images.missing.append(src)
            continue
        images.looked_at.add(file)
        if leads_out(file, top):
            inside = Path(os.path.normpath(file.absolute())).is_relative_to(top)
            images.refused[src] = (
                f"is a link to {where_it_leads(file)}, outside the old site"
                if inside
                else f"is outside the old site ({display_path(top)})"
            )
            continue
        file = file.resolve()
        if file.suffix.lower() not in STATIC_SUFFIXES:
            images.refused[src] = f"is not an image file ({file.name})"
            continue
        name, number = file.name, 1
        while name in images.copies and images.copies[name] != file:
            number += 1
            name = f"{file.stem}-{number}{file.suffix}"
        images.copies[name] = file
        images.renamed[src] = name
    return images


def rewrite_body(body: str, renamed: dict[str, str]) -> str:
    """Point each moved image at its copy beside the post."""

    def swap(match: re.Match) -> str:
        src = match.group("src")
        if src not in renamed:
            return match.group(0)
        start, end = match.span("src")
        whole = match.group(0)
        offset = match.start()
        return whole[: start - offset] + renamed[src] + whole[end - offset :]

    def swap_set(match: re.Match) -> str:
        value = match.group("set")
        for src in srcset_sources(value):
            if src in renamed:
                value = re.sub(
                    rf"(?<![^\s,]){re.escape(src)}(?=[\s,]|$)",
                    lambda _, new=renamed[src]: new,
                    value,
                )
        start, end = match.span("set")
        offset = match.start()
        whole = match.group(0)
        return whole[: start - offset] + value + whole[end - offset :]

    body = HTML_IMAGE.sub(swap, MARKDOWN_IMAGE.sub(swap, body))
    return SRCSET.sub(swap_set, body)


def copy_images(images: Images, folder: Path) -> None:
    """Copy the images into the post's new folder."""
    for name, file in images.copies.items():
        shutil.copy2(file, folder / name)
