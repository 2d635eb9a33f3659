"""Check a served build: links, pages reached, content types and the 404 page."""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import urldefrag, urljoin, urlsplit

from .crawl import CheckedUrl, crawl, fetch

# What a static host must send for each kind of file the site links to.
CONTENT_TYPES = {
    ".html": "text/html",
    ".css": "text/css",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".webp": "image/webp",
    ".gif": "image/gif",
    ".svg": "image/svg+xml",
}
MISSING_PAGE = "no-such-guide/at/any/depth/"
NOT_FOUND = 404
OK = 200


class LinkCollector(HTMLParser):
    """Collect the URLs an HTML page links to or loads (href and src)."""

    def __init__(self):
        """Start with no links."""
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        """Keep every href and src value."""
        self.links.extend(v for k, v in attrs if k in {"href", "src"} and v)


def links_of(html: bytes) -> list[str]:
    """Return the href and src values of an HTML page."""
    collector = LinkCollector()
    collector.feed(html.decode("utf-8"))
    return collector.links


def kind_of(url: str) -> str:
    """Return the file suffix a URL names (`.html` for a folder URL)."""
    path = PurePosixPath(urlsplit(url).path)
    return path.suffix if path.suffix else ".html"


def page_urls(output: Path, base: str) -> set[str]:
    """Return the URL of every built HTML page, the 404 page aside."""
    return {
        base + html.relative_to(output).as_posix().removesuffix("index.html")
        for html in output.rglob("*.html")
        if html.relative_to(output).as_posix() != "404.html"
    }


@dataclass
class NotFoundCheck:
    """How the host answered an unknown address, and the 404 page's own links."""

    url: str
    status: int
    is_designed_page: bool
    link_status: dict[str, int]


def check_not_found(output: Path, base: str) -> NotFoundCheck:
    """Ask for a page that does not exist, deep in the site, and follow its links."""
    url = base + MISSING_PAGE
    status, _, body = fetch(url)
    links = {
        urldefrag(urljoin(url, link)).url
        for link in links_of(body)
        if not link.startswith("#") and urljoin(url, link).startswith(base)
    }
    return NotFoundCheck(
        url=url,
        status=status,
        is_designed_page=body == (output / "404.html").read_bytes(),
        link_status={link: fetch(link)[0] for link in sorted(links)},
    )


@dataclass
class SiteReport:
    """What a crawl of the served site found."""

    base: str
    pages: set[str]
    checked: list[CheckedUrl]
    content_types: dict[str, str]
    not_found: NotFoundCheck

    @property
    def internal(self) -> list[CheckedUrl]:
        """The checked URLs that belong to the site."""
        return [url for url in self.checked if url.url.startswith(self.base)]

    @property
    def broken(self) -> list[CheckedUrl]:
        """Internal links that do not work."""
        return [url for url in self.internal if not url.valid]

    @property
    def warned(self) -> list[CheckedUrl]:
        """Internal links that work but that LinkChecker warned about."""
        return [url for url in self.internal if url.valid and url.warnings]

    @property
    def reached(self) -> set[str]:
        """The site's URLs the crawl reached."""
        return {urldefrag(url.url).url for url in self.internal if url.valid}

    @property
    def wrong_types(self) -> dict[str, str]:
        """URL -> what was served, where the Content-Type is not the right one."""
        return {
            url: served
            for url, served in self.content_types.items()
            if served.split(";")[0].strip() != CONTENT_TYPES[kind_of(url)]
        }

    def problems(self) -> list[str]:
        """Describe every problem found, one line each."""
        lines = [f"broken: {url.describe()}" for url in self.broken]
        lines += [f"warning: {url.describe()}" for url in self.warned]
        lines += [
            f"not reached from the home page: {url}"
            for url in sorted(self.pages - self.reached)
        ]
        lines += [
            f"wrong type: {url} is served as {served}, "
            f"not {CONTENT_TYPES[kind_of(url)]}"
            for url, served in sorted(self.wrong_types.items())
        ]
        missing = self.not_found
        if missing.status != NOT_FOUND or not missing.is_designed_page:
            lines.append(
                f"404: {missing.url} answered {missing.status}"
                + ("" if missing.is_designed_page else " without the 404 page")
            )
        lines += [
            f"404 page link: {link} answered {status}"
            for link, status in missing.link_status.items()
            if status != OK
        ]
        return lines

    def summary(self) -> list[str]:
        """Give the figures of the check, one line each."""
        kinds = sorted({kind_of(url) for url in self.content_types})
        links = self.not_found.link_status
        working = sum(status == OK for status in links.values())
        return [
            f"internal URLs checked: {len(self.internal)}",
            f"broken internal links: {len(self.broken)}",
            f"HTML pages reached: {len(self.pages & self.reached)}"
            f" of {len(self.pages)}",
            f"content types right: {len(self.content_types) - len(self.wrong_types)}"
            f" of {len(self.content_types)} ({', '.join(kinds)})",
            f"unknown path: {self.not_found.status}"
            + (", the site's 404 page" if self.not_found.is_designed_page else ""),
            f"404 page links working from a deep path: {working} of {len(links)}",
        ]


def check_site(output: Path, base: str, workdir: Path) -> SiteReport:
    """Crawl the site served at `base` (built into `output`) and check it."""
    checked = crawl(base, workdir)
    typed = {
        urldefrag(url.url).url
        for url in checked
        if url.valid and url.url.startswith(base) and kind_of(url.url) in CONTENT_TYPES
    }
    return SiteReport(
        base=base,
        pages=page_urls(output, base),
        checked=checked,
        content_types={url: fetch(url)[1] or "" for url in sorted(typed)},
        not_found=check_not_found(output, base),
    )
