"""Feeds strict readers accept: safe, absolute entries with their cover, own ids."""

from __future__ import annotations

import functools
import html
import re
from pathlib import PurePosixPath
from urllib.parse import urljoin

import nh3
from markupsafe import Markup, escape

from socratic_blog.pictures.feed_pictures import feed_pictures

# Text and code escape "<", so only real tags match; attribute values escape it too.
START_TAG = re.compile(r"<[a-zA-Z][^<>]*>")
# Python-Markdown writes attributes in double quotes; raw HTML may use single.
LINK_ATTRIBUTE = re.compile(r"""(\s(?:href|src)=)(["'])(.*?)\2""", re.IGNORECASE)
# A feed reader shows an entry inside its own page: no script, style, frame or
# event handler goes there, whatever the post's raw HTML holds.
ENTRY_ATTRIBUTES = {
    **nh3.ALLOWED_ATTRIBUTES,
    "*": {"class", "id", "title", "lang", "dir"},
    "input": {"type", "checked", "disabled"},
}
ENTRY_TAGS = nh3.ALLOWED_TAGS | {"input"}
# A post is an entry of the whole-site feeds and of one feed per tag, in Atom
# and RSS: a dozen feeds make the same entry from the same HTML.
KEPT_ENTRIES = 4096


def safe_entry(fragment: str) -> str:
    """Keep only the HTML a feed reader can show safely."""
    return nh3.clean(
        fragment,
        tags=ENTRY_TAGS,
        attributes=ENTRY_ATTRIBUTES,
        link_rel=None,
    )


def absolute_links(fragment: str, base: str) -> str:
    """Resolve every href and src in an HTML fragment against `base`."""

    def resolve(match: re.Match) -> str:
        url = urljoin(base, html.unescape(match.group(3)))
        return f"{match.group(1)}{match.group(2)}{escape(url)}{match.group(2)}"

    return START_TAG.sub(
        lambda tag: LINK_ATTRIBUTE.sub(resolve, tag.group(0)), fragment
    )


@functools.lru_cache(maxsize=KEPT_ENTRIES)
def entry_html(fragment: str, link: str) -> str:
    """Make an entry's HTML safe, its links absolute against the entry's `link`."""
    return absolute_links(safe_entry(fragment), link)


@functools.lru_cache(maxsize=KEPT_ENTRIES)
def post_link(site_url: str, url: str) -> str:
    """Return a post's absolute address, as Pelican links it in a feed."""
    return urljoin(f"{site_url}/", url)


def cover_html(cover, site_url: str) -> str:
    """Show the cover first in the entry, as the post's page does."""
    return str(
        Markup('<p><img src="{}" alt="{}" width="{}" height="{}"></p>\n').format(
            f"{site_url}/{cover.url}", cover.alt, cover.width, cover.height
        )
    )


def feed_page(context, feed_url: str) -> str:
    """Return the page a feed follows: its tag's page, or the home page."""
    site_url = context["SITEURL"]
    path = PurePosixPath(feed_url.removeprefix(f"{site_url}/"))
    # The article generator lists the tags as (tag, articles) pairs.
    for tag, _ in context.get("tags", ()):
        for setting in ("TAG_FEED_ATOM", "TAG_FEED_RSS"):
            if context.get(setting) and path == PurePosixPath(
                context[setting].format(slug=tag.slug)
            ):
                return f"{site_url}/{tag.url}"
    return f"{site_url}/"


def name_feed(context, feed) -> None:
    """Give the feed its own Atom id (its address) and link it to its page."""
    feed.feed["id"] = feed.feed["feed_url"]
    feed.feed["link"] = feed_page(context, feed.feed["feed_url"])


def complete_entries(context, feed) -> None:
    """Make each entry safe and absolute, put the cover on top, list only tags."""
    name_feed(context, feed)
    site_url = context["SITEURL"]
    articles = {
        post_link(site_url, article.url): article
        for article in context.get("articles", ())
    }
    for item in feed.items:
        article = articles.get(item["link"])
        body = "content" if item.get("content") else "description"
        if article is not None:
            # The site has no categories: Pelican's default one would be noise.
            item["categories"] = [tag.name for tag in getattr(article, "tags", ())]
            pictures = article.metadata.get("pictures", ())
            item[body] = feed_pictures(item[body], pictures, site_url)
            if article.cover is not None:
                item[body] = cover_html(article.cover, site_url) + item[body]
        # The id is a tag: URI, not the post's address (RSS 2.0, guid).
        item["unique_id_is_permalink"] = False
        for key in ("content", "description"):
            if item.get(key):
                item[key] = entry_html(item[key], item["link"])
