"""The images a post uses, found in the old site and copied beside the post.

Only image and static files inside the old site's root are copied: a link
that climbs out of it, or names another kind of file, is warned about.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from socratic_blog.api import display_path, is_local_address

# ![alt](path "title") and <img src="path">: the path is group "src".
MARKDOWN_IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?(?P<src>[^)\s>]+)>?")
HTML_IMAGE = re.compile(r"<img\b[^>]*?\bsrc=[\"'](?P<src>[^\"']+)[\"']", re.I)
# Pelican's own link markers, and the folders Jekyll and Hugo serve from the root.
PELICAN_MARKERS = ("{static}", "{attach}", "{filename}")
SITE_ROOT_FOLDERS = ("", "static", "assets", "content")
# A file naming a site's root: Jekyll's, Hugo's, Pelican's configuration.
SITE_MARKERS = (
    "_config.yml",
    "_config.yaml",
    "_config.toml",
    "hugo.toml",
    "hugo.yaml",
    "hugo.json",
    "config.toml",
    "config.yaml",
    "pelicanconf.py",
)
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


def is_old_site_file(src: str) -> bool:
    """Tell whether an image source is a file of the old site (Pelican's too)."""
    for marker in PELICAN_MARKERS:
        src = src.removeprefix(marker)
    return is_local_address(src)


def site_root(folder: Path) -> Path:
    """Return the old site's root: its configuration's folder, else by layout."""
    folder = folder.resolve()
    for root in [folder, *folder.parents][:4]:
        if any((root / marker).is_file() for marker in SITE_MARKERS):
            return root
    if folder.name in ("_posts", "content"):
        return folder.parent
    if folder.parent.name == "content":
        return folder.parent.parent
    return folder


def body_sources(body: str) -> list[str]:
    """Return the local image sources a Markdown body uses, in order."""
    found = [m.group("src") for m in MARKDOWN_IMAGE.finditer(body)]
    found += [m.group("src") for m in HTML_IMAGE.finditer(body)]
    return [src for src in dict.fromkeys(found) if is_old_site_file(src)]


def locate(src: str, post: Path, source_root: Path) -> Path | None:
    """Find an image the old site served: beside the post, or from its root."""
    path = unquote(urlsplit(src).path)
    for marker in PELICAN_MARKERS:
        if path.startswith(marker):
            path = path.removeprefix(marker)
            if marker == "{static}" and path.startswith("/"):
                return existing([source_root / path.lstrip("/")])
    if not path.startswith("/"):
        return existing([post.parent / path])
    relative = path.lstrip("/")
    top = site_root(source_root)
    roots = [source_root, *source_root.parents]
    roots = roots[: roots.index(top) + 1] if top in roots else [source_root]
    return existing(
        [root / folder / relative for root in roots for folder in SITE_ROOT_FOLDERS]
    )


def existing(candidates: list[Path]) -> Path | None:
    """Return the first candidate that is a file."""
    return next((c.resolve() for c in candidates if c.is_file()), None)


def gather(sources: list[str], post: Path, source_root: Path) -> Images:
    """Decide where each image goes beside the post (a clash gets a number)."""
    images = Images()
    top = site_root(source_root)
    for src in sources:
        file = locate(src, post, source_root)
        if file is None:
            images.missing.append(src)
            continue
        if not file.is_relative_to(top):
            images.refused[src] = f"is outside the old site ({display_path(top)})"
            continue
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

    return HTML_IMAGE.sub(swap, MARKDOWN_IMAGE.sub(swap, body))


def copy_images(images: Images, folder: Path) -> None:
    """Copy the images into the post's new folder."""
    for name, file in images.copies.items():
        shutil.copy2(file, folder / name)
