"""A warning many posts share: said for the first post at each line, then counted."""

from __future__ import annotations

import pytest

from tests.support.schema_blog import Blog, warnings


@pytest.fixture
def blog(tmp_path) -> Blog:
    """A throw-away blog holding one good post."""
    return Blog(tmp_path)


def test_a_warning_many_posts_share_is_said_once_with_its_count(blog, capsys):
    names = [
        blog.post(f"moved-{n}", f"title: Moved {n}\ndate: 2024-05-0{n + 1}\nbanner: b")
        for n in range(4)
    ]
    assert blog.build() == []
    said = warnings(capsys)
    # The first post read says it, with its line; the end of the build counts.
    [first] = [
        f"{name}:4: unknown front matter key 'banner' (nearest known key:"
        " 'category'); it is ignored; rename it or remove it"
        for name in names
        if f"{name}:4:" in said[0]
    ]
    assert said == [
        f"warning: {first}",
        f"warning: {first} (3 more files have the same warning)",
    ]
    # The next build counts afresh.
    assert blog.build() == []
    assert len(warnings(capsys)) == 2


def test_the_first_post_says_each_of_its_lines_and_the_others_are_counted(blog, capsys):
    for n in range(3):
        blog.post(f"moved-{n}", f"title: M{n}\ndate: 2024-05-0{n + 1}\nbanner: a")
    blog.post("twice", "title: Twice\ndate: 2024-05-09\nbanner: a\ntop: b")
    assert blog.build() == []
    said = [line.split(": ", 2)[-1] for line in warnings(capsys)]
    banner = [line for line in said if "'banner'" in line]
    # One post said it, then one line counted the three others.
    assert len(banner) == 2
    assert banner[-1].endswith("(3 more files have the same warning)")
    assert len([line for line in said if "'top'" in line]) == 1
