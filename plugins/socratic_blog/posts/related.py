"""Related guides: the other published posts that share the most tags with a post.

pelican-related-posts does the same ranking but looks tags up in Pelican's
tag mapping for drafts too, which adds the tags only drafts carry to the site
(an empty tag page and feeds that name them); this reads the mapping only.
"""

from __future__ import annotations

import heapq
import itertools
from collections import Counter
from operator import attrgetter

from socratic_blog import settings as defaults

DATE = attrgetter("date")


def related_posts(post, tagged: dict, limit: int) -> list:
    """Rank the other posts by tags shared with `post`, then newest first."""
    shared: Counter = Counter()
    for tag in post.tags:
        shared.update(tagged.get(tag, ()))
    del shared[post]
    # The most shared tags first, then the newest; of equals, the one met last.
    # (Tuples made in C: thousands of candidates a post on a big site.)
    ranking = zip(shared.values(), map(DATE, shared), itertools.count(), shared)
    if isinstance(limit, int) and limit >= 0:
        ranked = heapq.nlargest(limit, ranking)
    else:  # a setting of None or below 0 slices, as a list does
        ranked = sorted(ranking, reverse=True)[:limit]
    return [other for *_, other in ranked]


def add_related_posts(generator) -> None:
    """Give every published post its `related_posts` (article generator handler)."""
    limit = generator.settings.get("RELATED_POSTS_MAX", defaults.RELATED_POSTS_MAX)
    for post in generator.articles:
        post.related_posts = related_posts(post, generator.tags, limit)
