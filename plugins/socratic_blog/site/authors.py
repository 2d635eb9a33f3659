"""Several authors: a page per person when the site has several; feeds name all.

A post may name several authors (`authors:`); the byline and the JSON-LD list
them all. A one-author site writes no author page (it would repeat the home
page); a site with several writes one per person. Feeds name every author of
an entry: one Atom `<author>` each, one RSS `<dc:creator>` each.
"""

from __future__ import annotations

from types import MethodType
from urllib.parse import urljoin

from feedgenerator import Atom1Feed

MORE_AUTHORS = "socratic_blog_more_authors"
DUBLIN_CORE = "http://purl.org/dc/elements/1.1/"


def keep_author_pages_for_several(generator) -> None:
    """Drop the author pages when the whole site has one author.

    The templates read `author_pages` (a flag: a post's page depends on it,
    not on the list of every author's posts, which changes with any post).
    """
    several = len(generator.authors) > 1
    generator.context["author_pages"] = several
    if not several:
        generator.authors = []
        generator.context["authors"] = []


def write_more_authors(feed, handler, item) -> None:
    """Write an entry as the feed does, then its other authors."""
    type(feed).add_item_elements(feed, handler, item)
    for name in item.get(MORE_AUTHORS, ()):
        if isinstance(feed, Atom1Feed):
            handler.startElement("author", {})
            handler.addQuickElement("name", name)
            handler.endElement("author")
        else:
            handler.addQuickElement("dc:creator", name, {"xmlns:dc": DUBLIN_CORE})


def name_every_author(context, feed) -> None:
    """Give each entry of a post with several authors all of them."""
    site_url = context["SITEURL"]
    articles = {
        urljoin(f"{site_url}/", article.url): article
        for article in context.get("articles", ())
    }
    several = False
    for item in feed.items:
        people = getattr(articles.get(item["link"]), "authors", ())
        if len(people) > 1:
            item[MORE_AUTHORS] = [person.name for person in people[1:]]
            several = True
    if several:
        feed.add_item_elements = MethodType(write_more_authors, feed)
