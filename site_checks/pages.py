"""The page types a reader meets, each with the address of one built example."""

from __future__ import annotations

# The seed post has a cover; the live-coding guide has code blocks and a table
# of contents; the 404 page is what a missing address answers with.
PAGE_TYPES = {
    "home": "/",
    "article": "/posts/so-you-are-opentowork/",
    "article with code": "/posts/live-coding-interview/",
    "tag": "/tags/career/",
    "tags index": "/tags/",
    "archives": "/archives/",
    "about": "/about/",
    "404": "/no-such-guide/",
}
# Pages that load no JavaScript at all. A page with code loads one small
# script, the copy buttons' (theme/static/js/code.js), and works without it.
SCRIPT_FREE = ("home", "article", "tag", "archives")
