"""Each typography filter skipped on text it would leave alone leaves it alone."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from socratic_blog.posts import skipped_filters
from tests.support.examples import examples
from tests.support.random_html import HTML

# Text rich in what the filters act on: quotes, ampersands, capitals, digits,
# full stops, entities and tags.
PIECES = st.sampled_from(
    [
        "'",
        '"',
        "&",
        "&amp;",
        "&nbsp;",
        "A",
        "B",
        "KU",
        "U.S.",
        "1",
        ".",
        " ",
        "\n",
        "a",
        "it's",
        "<p>",
        "</p>",
        "<kbd>",
        "</kbd>",
        "<b>",
        "&#8220;",
        "'80s",
    ]
)
TEXT = st.one_of(st.lists(PIECES, max_size=12).map("".join), HTML)


@pytest.mark.parametrize("filter_", sorted(name for _, name in skipped_filters.NEEDS))
@settings(max_examples=examples(400), deadline=None)
@given(text=TEXT)
def test_a_skipped_filter_gives_what_the_filter_gives(filter_, text):
    skipped_filters.install()
    module = next(m for m, name in skipped_filters.NEEDS if name == filter_)
    wrapped = getattr(module, filter_)
    assert wrapped(text) == wrapped.unwrapped(text)


def test_text_without_what_a_filter_needs_skips_it():
    skipped_filters.install()
    for (module, name), _ in skipped_filters.NEEDS.items():
        text = "plain words, no marks\n"
        assert getattr(module, name)(text) is text
