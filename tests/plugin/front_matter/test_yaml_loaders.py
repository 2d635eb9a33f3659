"""libyaml and the pure parser read every front matter alike, faults included."""

from __future__ import annotations

from pathlib import Path
from unittest import mock

import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

from socratic_blog.errors import ContentError
from socratic_blog.front_matter import parse
from socratic_blog.front_matter.parse import (
    FAST_LOADER,
    load_yaml,
)
from tests.support.examples import examples

SEED = Path(__file__).parents[3] / "content"
# Pieces of front matter lines: keys, values in every quoting, lists, dates,
# and the characters YAML reads as structure.
KEYS = st.sampled_from(["title", "date", "tags", "author", "Title", "x", "tags"])
# Mostly text libyaml is handed, some that only the pure parser reads.
SCALARS = st.one_of(
    st.text(alphabet="ab :#-'\"[]{},\\2024?.", max_size=14),
    st.text(alphabet="ab :#-'\"[]{},!&*|>\\2024\t%@`?", max_size=14),
)
VALUES = st.one_of(
    SCALARS,
    SCALARS.map(lambda text: f'"{text}"'),
    SCALARS.map(lambda text: f"'{text}'"),
    st.lists(SCALARS, max_size=3).map(
        lambda items: "".join(f"\n  - {i}" for i in items)
    ),
    st.sampled_from(
        ["2024-02-30", "2024-01-05 10:00", "no", "3.10", "[a, b]", "|\n  x"]
    ),
)
LINES = st.lists(st.tuples(KEYS, VALUES, st.sampled_from(["", " ", "  "])), max_size=6)


def read(load, source: str):
    """Return what a reading of `source` gives, or its error's words."""
    try:
        values, lines, problems = load(source, Path("p.md"), 2)
    except ContentError as error:
        return ("error", str(error))
    return values, lines, [str(problem) for problem in problems]


def pure(source: str, path: Path, offset: int):
    """Read as the pure parser alone read before libyaml."""
    with mock.patch.object(parse, "FAST_LOADER", yaml.SafeLoader):
        return load_yaml(source, path, offset)


@pytest.mark.skipif(FAST_LOADER is yaml.SafeLoader, reason="PyYAML without libyaml")
@settings(max_examples=examples(400), deadline=None)
@given(lines=LINES)
@example(lines=[("title", "a: b", "")])
@example(lines=[("tags", "\n  - a\n - b", "")])
@example(lines=[("title", "", "")])
@example(lines=[("title", "!", "")])
@example(lines=[("title", "\t", "")])
def test_front_matter_reads_as_the_pure_parser_reads_it(lines):
    source = "".join(f"{indent}{key}: {value}\n" for key, value, indent in lines)
    assert read(load_yaml, source) == read(pure, source)


def test_a_fault_is_told_in_the_pure_parsers_words():
    with pytest.raises(ContentError) as raised:
        load_yaml('title: "open\ndate: 2024-01-01\n', Path("p.md"), 1)
    assert "broken YAML: found unexpected end of stream" in str(raised.value)
