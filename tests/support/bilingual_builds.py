"""The bilingual fixture blog built for production, and how to read its pages."""

from __future__ import annotations

from pathlib import Path

from tests.support.bilingual_blog import write_bilingual
from tests.support.builds import build_blog, parse_html

SITE = "https://example.org/blog"


def build_bilingual(folder: Path, **settings) -> Path:
    """Build the bilingual blog for production into `folder`; return its output."""
    content = write_bilingual(folder / "content")
    overrides = {"SITEURL": SITE, "SEARCH_INDEX": False, **settings}
    return build_blog(content, folder, production=True, **overrides)


def address(output: Path, page: Path) -> str:
    """Return the absolute address a page file is served at."""
    path = page.relative_to(output).as_posix()
    return f"{SITE}/{path.removesuffix('index.html')}"


def html_pages(output: Path) -> dict[str, Path]:
    """Map the address of every HTML page of a build to its file."""
    return {address(output, page): page for page in sorted(output.rglob("*.html"))}


def hreflang(page: Path) -> dict[str, str]:
    """Return a page's hreflang links: language (or x-default) to address."""
    links = parse_html(page).select("link[rel=alternate][hreflang]")
    return {link["hreflang"]: link["href"] for link in links}


def switcher(page: Path) -> dict[str, str]:
    """Return the language switcher's links: language to address."""
    links = parse_html(page).select(".language-switch a")
    return {link["hreflang"]: link["href"] for link in links}
