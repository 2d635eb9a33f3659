"""Related guides remembered between builds: the same rankings as made anew."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from hypothesis import given
from hypothesis import strategies as st

from socratic_blog.posts import related
from socratic_blog.posts.related import Ranking, Remembered

TAGS = ["career", "salary", "cv", "remote"]
LIMITS = st.one_of(st.none(), st.integers(-1, 4))


@dataclass(frozen=True)
class Tag:
    """A tag as Pelican's: told apart by its slug."""

    slug: str


class Post:
    """A post as the ranking reads it: source, tags and date."""

    def __init__(self, source: str, tags: list[str], day: int):
        """Hold the fields, `day` days into 2024."""
        self.source_path = source
        self.tags = [Tag(tag) for tag in tags]
        self.date = datetime.date(2024, 1, 1) + datetime.timedelta(days=day)


class Generator:
    """What the handler reads of Pelican's article generator: posts, then tags."""

    def __init__(self, site: dict[str, tuple[list[str], int]]):
        """Make the posts, newest first as Pelican orders them, and each tag's list."""
        posts = [Post(source, tags, day) for source, (tags, day) in site.items()]
        self.articles = sorted(posts, key=lambda post: post.date, reverse=True)
        self.tags: dict[Tag, list] = {}
        for post in self.articles:
            for tag in post.tags:
                self.tags.setdefault(tag, []).append(post)


POST = st.tuples(st.lists(st.sampled_from(TAGS), max_size=3), st.integers(0, 3))
SOURCES = [f"posts/{n}.md" for n in range(8)]


@given(
    st.dictionaries(st.sampled_from(SOURCES), POST, min_size=1),
    st.lists(st.tuples(st.sampled_from(SOURCES), st.one_of(st.none(), POST))),
    LIMITS,
)
def test_a_ranking_remembered_through_edits_is_the_one_made_anew(site, edits, limit):
    remembered = Remembered()
    for source, post in [(None, None), *edits]:  # the first build, then each edit
        if source is not None and post is None:
            site.pop(source, None)  # deleted
        elif source is not None:
            site[source] = post  # retagged, redated or new
        generator = Generator(site)
        remembered.rank(generator, limit)
        fresh = Ranking(generator.tags)
        for post_ in generator.articles:
            assert post_.related_posts == fresh.of(post_, limit)


def test_only_the_posts_reading_a_changed_tag_are_ranked_again(monkeypatch):
    site = {
        "a.md": (["career"], 1),
        "b.md": (["career"], 2),
        "c.md": (["salary"], 3),
        "d.md": (["salary", "cv"], 4),
    }
    remembered = Remembered()
    remembered.rank(Generator(site), 3)
    ranked = []
    made = Ranking.of
    monkeypatch.setattr(
        related.Ranking,
        "of",
        lambda self, post, limit: (
            ranked.append(post.source_path) or made(self, post, limit)
        ),
    )
    site["b.md"] = (["career"], 0)  # redated: the career posts' rankings change
    remembered.rank(Generator(site), 3)
    assert sorted(ranked) == ["a.md", "b.md"]
