"""Feeds strict readers accept: safe, absolute entries with their cover, own ids."""

from __future__ import annotations

import functools
import html
import re
from pathlib import PurePosixPath
from urllib.parse import urljoin, urlsplit

import nh3
from markupsafe import Markup, escape

from socratic_blog.languages.declared import Language, declared
from socratic_blog.markup_runs import markup_runs
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
CACHED_ENTRIES = 4096


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


def without_remote_images(fragment: str, own_host: str | None) -> str:
    """Replace each image from another site by its alt text.

    A feed reader loads an entry's images as it shows it: an image from
    another host tells that host who reads the feed, and when (a tracker).
    """
    kept = []
    for run in markup_runs(fragment):
        names = dict(run.attrs)
        host = urlsplit(names.get("src") or "").hostname
        remote = run.kind == "start" and run.tag == "img" and host != own_host
        kept.append(escape(names.get("alt") or "") if remote else run.raw)
    return "".join(kept)


@functools.lru_cache(maxsize=CACHED_ENTRIES)
def entry_html(fragment: str, link: str) -> str:
    """Make an entry's HTML safe, its links absolute against the entry's `link`.

    Its images come from the entry's own site only.
    """
    entry = absolute_links(safe_entry(fragment), link)
    return without_remote_images(entry, urlsplit(link).hostname)


@functools.lru_cache(maxsize=CACHED_ENTRIES)
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
    """Return the page a feed follows: its tag's page, or its language's home."""
    site_url = context["SITEURL"]
    prefix = feed_language(context).prefix
    path = PurePosixPath(feed_url.removeprefix(f"{site_url}/"))
    # The article generator lists the tags as (tag, articles) pairs.
    for tag, _ in context.get("tags", ()):
        for setting in ("TAG_FEED_ATOM", "TAG_FEED_RSS"):
            if context.get(setting) and path == PurePosixPath(
                prefix + context[setting].format(slug=tag.slug)
            ):
                return f"{site_url}/{tag.url}"
    return f"{site_url}/{prefix}"


def feed_language(context) -> Language:
    """Return the language of a feed's posts."""
    return declared(context)[context.get("list_lang") or context["DEFAULT_LANG"]]


def name_feed(context, feed) -> None:
    """Give the feed its own Atom id (its address), its page, and its language.

    The language (Atom's xml:lang, RSS's <language>) is said once the site has
    posts in two languages; a site in one says nothing, as it always did.
    """
    feed.feed["id"] = feed.feed["feed_url"]
    feed.feed["link"] = feed_page(context, feed.feed["feed_url"])
    if len(context.get("posts_by_language", ())) > 1:
        feed.feed["language"] = feed_language(context).code


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
