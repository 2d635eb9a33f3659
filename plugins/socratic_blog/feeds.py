"""Feed entries that stand alone: absolute links and images, and the post's cover."""

from __future__ import annotations

import html
import re
from urllib.parse import urljoin

from markupsafe import Markup, escape

# Text and code escape "<", so only real tags match; attribute values escape it too.
START_TAG = re.compile(r"<[a-zA-Z][^<>]*>")
# Python-Markdown writes attributes in double quotes; raw HTML may use single.
LINK_ATTRIBUTE = re.compile(r"""(\s(?:href|src)=)(["'])(.*?)\2""", re.IGNORECASE)


def absolute_links(fragment: str, base: str) -> str:
    """Resolve every href and src in an HTML fragment against `base`."""

    def resolve(match: re.Match) -> str:
        url = urljoin(base, html.unescape(match.group(3)))
        return f"{match.group(1)}{match.group(2)}{escape(url)}{match.group(2)}"

    return START_TAG.sub(
        lambda tag: LINK_ATTRIBUTE.sub(resolve, tag.group(0)), fragment
    )


def cover_html(cover, site_url: str) -> str:
    """Show the cover first in the entry, as the post's page does."""
    return str(
        Markup('<p><img src="{}" alt="{}" width="{}" height="{}"></p>\n').format(
            f"{site_url}/{cover.url}", cover.alt, cover.width, cover.height
        )
    )


def complete_entries(context, feed) -> None:
    """Make each entry's HTML absolute, put the cover on top, list only tags."""
    site_url = context["SITEURL"]
    articles = {
        urljoin(f"{site_url}/", article.url): article
        for article in context.get("articles", ())
    }
    for item in feed.items:
        article = articles.get(item["link"])
        body = "content" if item.get("content") else "description"
        if article is not None:
            # The site has no categories: Pelican's default one would be noise.
            item["categories"] = [tag.name for tag in getattr(article, "tags", ())]
            if article.cover is not None:
                item[body] = cover_html(article.cover, site_url) + item[body]
        for key in ("content", "description"):
            if item.get(key):
                item[key] = absolute_links(item[key], item["link"])
