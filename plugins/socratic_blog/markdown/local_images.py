"""Python-Markdown extension: images next to the post are found and published.

`![diagram](diagram.png)` in `posts/<slug>/index.md` means the file beside the
post, as it does on GitHub; `![x](/images/x.png)` means `content/images/x.png`,
as it does on Jekyll and Hugo sites. The source becomes Pelican's `{static}`
link, so Pelican copies the file and writes its URL with SITEURL (a site under
a sub-path works); the reader checks that each such file exists inside the
content folder (the paths are kept in `md.local_images`), and warns of a
picture with no alt text (`md.unnamed_images`).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

from socratic_blog.errors import ContentError, display_path
from socratic_blog.posts.source_lines import source_line


def is_local(src: str) -> bool:
    """Tell whether `src` is a file path, from the post or the site root."""
    parts = urlsplit(src)
    return bool(src) and not (
        parts.scheme or parts.netloc or src.startswith(("{", "#"))
    )


class LocalImages(Treeprocessor):
    """Point relative image sources at Pelican's static files."""

    def run(self, root) -> None:
        """Rewrite each local `<img src>` and remember its path."""
        for image in root.iter("img"):
            src = image.get("src", "")
            if is_local(src):
                path = unquote(urlsplit(src).path)
                self.md.local_images.append(path)
                if not image.get("alt"):
                    self.md.unnamed_images.append(path)
                image.set("src", "{static}" + src)


class LocalImagesExtension(Extension):
    """Publish the images a post shows from its own folder."""

    def extendMarkdown(self, md):
        """Register after inline parsing (which makes the images), and a list."""
        md.registerExtension(self)
        self.md = md
        md.local_images = []
        md.unnamed_images = []
        md.treeprocessors.register(LocalImages(md), "local_images", 15)

    def reset(self) -> None:
        """Forget the previous document's images."""
        self.md.local_images = []
        self.md.unnamed_images = []


def local_image_problems(
    paths: list[str], source: Path, content_root: Path
) -> list[ContentError]:
    """Return a mistake for each image the post shows that is missing or outside."""
    root = content_root.resolve()
    problems = []
    for path in paths:
        from_root = path.startswith("/")
        file = (
            root / path.lstrip("/") if from_root else source.parent / path
        ).resolve()
        fix = (
            "a path that starts with / starts at the content folder"
            if from_root
            else "it is relative to the post file"
        )
        if not file.is_relative_to(root):
            problem = f"image '{path}' is outside the content folder"
        elif not file.is_file():
            problem = f"image '{path}' does not exist (looked for {display_path(file)})"
        else:
            continue
        fix = f"fix the path in ![...](...); {fix}"
        line = source_line(source, path)
        problems.append(ContentError(source, problem, fix, line))
    return problems


def unnamed_image_warnings(paths: list[str], source: Path) -> list[str]:
    """Warn, with its line, for each `![](x.png)`: a picture with no alt text.

    Raw HTML's `<img alt="">` says on purpose that a picture is decoration;
    Markdown's empty brackets are more often forgotten words.
    """
    warnings = []
    for path in paths:
        line = source_line(source, path)
        where = display_path(source) + (f":{line}" if line else "")
        warnings.append(
            f"{where}: picture '{path}' has no alt text; describe it in ![...],"
            f' or write <img src="{path}" alt=""> if it is only decoration'
        )
    return warnings


def makeExtension(**kwargs):
    """Return the extension (Python-Markdown's entry point)."""
    return LocalImagesExtension(**kwargs)
