"""Pelican's memos of each post's HTML, pinned: forget_rendered empties them.

When this fails after upgrading Pelican, fix
`socratic_blog/pelican_internals.py` and nothing else.
"""

from __future__ import annotations

import gc
import weakref

from pelican.contents import Article
from pelican.settings import DEFAULT_CONFIG

from socratic_blog.pelican_internals import forget_rendered


def post() -> Article:
    """Make an article as a generator does, its context as a build's."""
    context = {"localsiteurl": "", "generated_content": {}, "static_content": {}}
    metadata = {"title": "A post", "slug": "a-post"}
    return Article(
        "<p>Hello.</p>", metadata, settings=DEFAULT_CONFIG.copy(), context=context
    )


def test_pelicans_memos_of_a_posts_html_let_it_go_once_forgotten():
    article = post()
    assert article.content and article.summary
    gone = weakref.ref(article)
    del article
    gc.collect()
    assert gone() is not None, (
        "Content.get_content/get_summary no longer memoize by post: forget_rendered"
        " may go"
    )
    forget_rendered()
    gc.collect()
    assert gone() is None, (
        "Content.get_content/get_summary keep their posts elsewhere than in"
        " their memoized .cache: the site model keeps every edit's site alive"
    )
