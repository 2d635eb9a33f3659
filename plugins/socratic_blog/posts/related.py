"""Related guides: the other published posts that share the most tags with a post.

pelican-related-posts does the same ranking but looks tags up in Pelican's
tag mapping for drafts too, which adds the tags only drafts carry to the site
(an empty tag page and feeds that name them); this reads the mapping only.
"""

from __future__ import annotations

import heapq
import itertools
from collections import Counter
from collections.abc import Iterator
from operator import attrgetter, itemgetter

from socratic_blog import settings as defaults

DATE = attrgetter("date")
# Up to this many tags, the posts sharing each number of them are found by
# intersections; past it, by counting.
FEW_TAGS = 5


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


class Ranking:
    """The related-guides ranking over one site's tags, each tag's posts indexed once.

    The same ranking as `related_posts`, without counting every post that
    shares a tag: the posts sharing two or more tags are found by set
    intersections; the rest share one, and the newest of them come first
    in each tag's posts sorted once by date. At 5,000 posts, a few hundred
    candidates a post are not walked.
    """

    def __init__(self, tagged: dict):
        """Index each tag's posts: as a set, by place, and newest (then last) first."""
        self.tagged = tagged
        self.sets = {tag: set(posts) for tag, posts in tagged.items()}
        # A tag listing a post twice counts it twice: those are counted one by one.
        self.repeating = {
            t for t, posts in tagged.items() if len(self.sets[t]) < len(posts)
        }
        self.places = {
            tag: {id(post): place for place, post in enumerate(posts)}
            for tag, posts in tagged.items()
        }
        self.newest = {
            tag: sorted(
                ((post.date, place, post) for place, post in enumerate(posts)),
                key=lambda entry: entry[:2],
                reverse=True,
            )
            for tag, posts in tagged.items()
        }

    def of(self, post, limit) -> list:
        """Rank the other posts by tags shared with `post`, then newest first."""
        tags = [tag for tag in post.tags if tag in self.tagged]
        repeated = len(set(tags)) != len(tags) or not self.repeating.isdisjoint(tags)
        if repeated or not isinstance(limit, int) or limit < 0:
            return related_posts(post, self.tagged, limit)  # counted one by one
        # Each tag's posts looked up once: tags hash in Python, posts in C.
        sets = [self.sets[tag] for tag in tags]
        places = [self.places[tag] for tag in tags]
        ranked: list[tuple] = []
        several: set = set()
        for group, equals in self.sharing(sets):
            if len(ranked) >= limit:
                break
            group.discard(post)
            several |= group
            ranked += self.best(group, limit - len(ranked), sets, places, equals)
        singles = heapq.merge(
            *(self.newest_in(i, tag) for i, tag in enumerate(tags)),
            key=RANK_ONE,
            reverse=True,
        )
        for *_, other in singles:
            if len(ranked) >= limit:
                break
            if other is not post and other not in several:
                ranked.append((1, other.date, 0, 0, other))
        return [other for *_, other in ranked]

    @staticmethod
    def sharing(sets: list[set]) -> Iterator[tuple[set, bool]]:
        """Yield the posts sharing the most of the tags, then one fewer, down to two.

        Each group comes with whether its posts share as many tags. Past a few
        tags, the combinations are too many: one group of all the posts sharing
        two or more, ranked by counting.
        """
        if len(sets) > FEW_TAGS:
            pairs = itertools.combinations(sets, 2)
            yield set().union(*(a & b for a, b in pairs)), False
            return
        more: set = set()
        for count in range(len(sets), 1, -1):
            chosen = itertools.combinations(sets, count)
            at_least = set().union(*(set.intersection(*some) for some in chosen))
            yield at_least - more, True
            more = at_least

    @staticmethod
    def best(
        group: set, wanted: int, sets: list, places: list, equals: bool
    ) -> list[tuple]:
        """Return the `wanted` best of a group, ranked.

        When all share as many tags, only the newest can rank first: found in
        C, with every post of the last one's date (a later place ranks first).
        """
        if wanted <= 0 or not group:
            return []
        chosen = group
        if equals:
            edge = heapq.nlargest(wanted, group, key=DATE)[-1].date
            chosen = [other for other in group if other.date >= edge]
        ranked = (Ranking.met(other, sets, places) for other in chosen)
        return sorted(ranked, key=RANK, reverse=True)[:wanted]

    def newest_in(self, met: int, tag) -> Iterator[tuple]:
        """Yield a tag's posts newest (then last) first: date, tag met, place, post."""
        for date, place, post in self.newest[tag]:
            yield date, met, place, post

    @staticmethod
    def met(other, sets: list[set], places: list[dict]) -> tuple:
        """Return (shared tags, date, first tag met in, place there, post)."""
        shared = [i for i, posts in enumerate(sets) if other in posts]
        first = shared[0]
        return (len(shared), other.date, first, places[first][id(other)], other)


# Rank by shared tags, date, then the place first met (the later, the better).
RANK = itemgetter(0, 1, 2, 3)
RANK_ONE = itemgetter(0, 1, 2)


class Remembered:
    """The last build's rankings, reused for a post while all they read is unchanged.

    A post's ranking reads its tags (in order), and each of those tags' posts
    in order, with their dates: the same, it is the same ranking. A process
    that builds again (the preview's kept worker, after each edit) ranks only
    the posts sharing a tag with a changed one.
    """

    def __init__(self):
        """Remember no build yet."""
        self.limit: object = None
        self.tags: dict[str, tuple] = {}  # slug → each post's (source, date)
        self.ranked: dict[str, tuple[tuple, list[str]]] = {}  # source → slugs, sources

    def rank(self, generator, limit) -> None:
        """Give every published post its ranking: remembered, else made anew."""
        tags = {
            tag.slug: tuple((post.source_path, post.date) for post in posts)
            for tag, posts in generator.tags.items()
        }
        known = tags.keys() | self.tags.keys()
        same = {s for s in known if tags.get(s) == self.tags.get(s)}  # posts as were
        posts = {post.source_path: post for post in generator.articles}
        ranking = None
        ranked: dict[str, tuple[tuple, list[str]]] = {}
        for post in generator.articles:
            slugs = tuple(tag.slug for tag in post.tags)
            last = self.ranked.get(post.source_path) if self.limit == limit else None
            if (
                last is not None
                and last[0] == slugs
                and all(s in same for s in slugs)
                and all(source in posts for source in last[1])
            ):
                post.related_posts = [posts[source] for source in last[1]]
                ranked[post.source_path] = last
                continue
            ranking = ranking or Ranking(generator.tags)
            post.related_posts = ranking.of(post, limit)
            others = [other.source_path for other in post.related_posts]
            ranked[post.source_path] = (slugs, others)
        self.limit, self.tags, self.ranked = limit, tags, ranked


REMEMBERED = Remembered()


def add_related_posts(generator) -> None:
    """Give every published post its `related_posts` (article generator handler)."""
    limit = generator.settings.get("RELATED_POSTS_MAX", defaults.RELATED_POSTS_MAX)
    REMEMBERED.rank(generator, limit)
