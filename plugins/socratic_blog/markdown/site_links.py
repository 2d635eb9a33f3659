"""Python-Markdown extension: site-root links in a post follow the site's address.

`[the guide](/posts/x/)` means the page at the site's root, as it does on
Jekyll and Hugo sites. The link is written with SITEURL in front, so a site
served under a sub-path (`https://example.org/blog/`) still finds the page.
"""

from __future__ import annotations

from markdown import Extension
from markdown.treeprocessors import Treeprocessor


def is_site_root(href: str) -> bool:
    """Tell whether `href` is a path from the site's root (not `//host/...`)."""
    return href.startswith("/") and not href.startswith("//")


class SiteLinks(Treeprocessor):
    """Put the site's address in front of every site-root link."""

    def __init__(self, md, site_url: str):
        """Keep the site's address (SITEURL, without a trailing slash)."""
        super().__init__(md)
        self.site_url = site_url.rstrip("/")

    def run(self, root) -> None:
        """Rewrite each `<a href="/...">`."""
        if not self.site_url:
            return
        for link in root.iter("a"):
            href = link.get("href", "")
            if is_site_root(href):
                link.set("href", self.site_url + href)


class SiteLinksExtension(Extension):
    """Write site-root links with the site's address."""

    def __init__(self, **kwargs):
        """Take the `site_url` option."""
        self.config = {"site_url": ["", "the site's address (SITEURL)"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md):
        """Register after inline parsing, which makes the links."""
        md.treeprocessors.register(
            SiteLinks(md, self.getConfig("site_url")), "site_links", 13
        )


def makeExtension(**kwargs):
    """Return the extension (Python-Markdown's entry point)."""
    return SiteLinksExtension(**kwargs)
