"""Reading the fixture blog's production build: URLs, files, pages and feeds."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

SITE = "https://example.org/blog"


def url_of(output: Path, page: Path) -> str:
    """Return the public URL of a built HTML file."""
    relative = page.relative_to(output).as_posix()
    return f"{SITE}/{relative.removesuffix('index.html')}"


def file_of(output: Path, url: str) -> Path:
    """Return the output file a URL under the site serves."""
    assert url.startswith(f"{SITE}/"), url
    path = unquote(urlsplit(url).path).removeprefix(urlsplit(SITE).path + "/")
    return output / (path + "index.html" if path.endswith("/") or not path else path)


def html_pages(output: Path) -> list[Path]:
    """Every HTML page of the build."""
    return sorted(output.rglob("*.html"))


def post_pages(output: Path) -> list[Path]:
    """Every post's page."""
    return sorted((output / "posts").glob("*/index.html"))


def feeds(output: Path) -> list[Path]:
    """Every feed of the build."""
    return sorted((output / "feeds").rglob("*.xml"))
