"""Related guides are ranked by shared tags, then date; ties by the order met."""

from __future__ import annotations

import datetime
from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from socratic_blog.posts.related import Ranking, related_posts

TAGS = ["career", "salary", "cv", "remote"]


class Post:
    """A post as the ranking sees it: tags and a date."""

    def __init__(self, tags: list[str], day: int):
        """Hold the tags and a date, `day` days into 2024."""
        self.tags = tags
        self.date = datetime.date(2024, 1, 1) + datetime.timedelta(days=day)


def ranked_in_full(post, tagged: dict, limit) -> list:
    """The ranking written plainly: every candidate sorted, the best first."""
    shared = Counter(
        other for tag in post.tags for other in tagged.get(tag, ()) if other is not post
    )
    ranked = sorted(shared.items(), key=lambda item: (item[1], item[0].date))
    return [other for other, _ in reversed(ranked)][:limit]


@given(
    st.lists(
        st.tuples(st.lists(st.sampled_from(TAGS), unique=True), st.integers(0, 3)),
        min_size=1,
        max_size=25,
    ),
    st.one_of(st.none(), st.integers(-3, 8)),
)
def test_the_few_best_are_the_full_rankings_first(posts, limit):
    site = [Post(tags, day) for tags, day in posts]  # few days: many ties
    tagged: dict[str, list] = {}
    for post in site:
        for tag in post.tags:
            tagged.setdefault(tag, []).append(post)
    for post in site:
        expected = ranked_in_full(post, tagged, limit)
        assert related_posts(post, tagged, limit) == expected


def indexed_equals_full(posts: list, limit) -> None:
    """Check the indexed ranking against the full one, for every post of a site."""
    site = [Post(tags, day) for tags, day in posts]
    tagged: dict[str, list] = {}
    for post in site:
        for tag in post.tags:
            tagged.setdefault(tag, []).append(post)
    ranking = Ranking(tagged)
    for post in site:
        assert ranking.of(post, limit) == ranked_in_full(post, tagged, limit)


LIMITS = st.one_of(st.none(), st.integers(-3, 8))


@given(
    st.lists(
        st.tuples(st.lists(st.sampled_from(TAGS), unique=True), st.integers(0, 3)),
        min_size=1,
        max_size=25,
    ),
    LIMITS,
)
def test_the_indexed_ranking_is_the_full_ranking(posts, limit):
    indexed_equals_full(posts, limit)


@given(
    st.lists(
        st.tuples(st.lists(st.sampled_from(TAGS)), st.integers(0, 3)),
        min_size=1,
        max_size=25,
    ),
    LIMITS,
)
def test_a_tag_listed_twice_counts_twice_in_the_indexed_ranking_too(posts, limit):
    indexed_equals_full(posts, limit)


MANY_TAGS = [*TAGS, "mentoring", "hiring", "teams", "books"]


@given(
    st.lists(
        st.tuples(
            st.lists(st.sampled_from(MANY_TAGS), unique=True, max_size=8),
            st.integers(0, 3),
        ),
        min_size=1,
        max_size=30,
    ),
    LIMITS,
)
def test_posts_with_many_tags_rank_as_in_the_full_ranking(posts, limit):
    """Past a few tags, the posts sharing two or more are ranked by counting."""
    indexed_equals_full(posts, limit)
