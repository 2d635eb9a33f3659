"""Python-Markdown extension: images next to the post are found and published.

`![diagram](diagram.png)` in `posts/<slug>/index.md` means the file beside the
post, as it does on GitHub. The source becomes Pelican's `{static}diagram.png`,
so Pelican copies the file and writes its site URL; the reader checks that each
such file exists (the paths are kept in `md.local_images`).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

from .errors import ContentError, display_path


def is_local(src: str) -> bool:
    """Tell whether `src` is a path relative to the post (not a URL or {link})."""
    parts = urlsplit(src)
    return bool(src) and not (
        parts.scheme or parts.netloc or src.startswith(("/", "{", "#"))
    )


class LocalImages(Treeprocessor):
    """Point relative image sources at Pelican's static files."""

    def run(self, root) -> None:
        """Rewrite each local `<img src>` and remember its path."""
        for image in root.iter("img"):
            src = image.get("src", "")
            if is_local(src):
                self.md.local_images.append(unquote(urlsplit(src).path))
                image.set("src", "{static}" + src)


class LocalImagesExtension(Extension):
    """Publish the images a post shows from its own folder."""

    def extendMarkdown(self, md):
        """Register after inline parsing (which makes the images), and a list."""
        md.registerExtension(self)
        self.md = md
        md.local_images = []
        md.treeprocessors.register(LocalImages(md), "local_images", 15)

    def reset(self) -> None:
        """Forget the previous document's images."""
        self.md.local_images = []


def check_local_images(paths: list[str], source: Path, content_root: Path) -> None:
    """Stop the build when an image the post shows from its folder is missing."""
    root = content_root.resolve()
    for relative in paths:
        file = (source.parent / relative).resolve()
        if not file.is_file() or not file.is_relative_to(root):
            raise ContentError(
                source,
                f"image '{relative}' does not exist (looked for {display_path(file)})",
                "fix the path in ![...](...); it is relative to the post file",
            )


def makeExtension(**kwargs):
    """Return the extension (Python-Markdown's entry point)."""
    return LocalImagesExtension(**kwargs)
