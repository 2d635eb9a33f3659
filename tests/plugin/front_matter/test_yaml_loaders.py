"""libyaml and the pure parser read every front matter alike, faults included."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

from socratic_blog.errors import ContentError
from socratic_blog.front_matter.parse import (
    FAST_LOADER,
    PURE_ONLY,
    load_yaml,
    read_mapping,
)
from tests.support.examples import examples

SEED = Path(__file__).parents[3] / "content"
# Pieces of front matter lines: keys, values in every quoting, lists, dates,
# and the characters YAML reads as structure.
KEYS = st.sampled_from(["title", "date", "tags", "author", "Title", "x", "tags"])
SCALARS = st.text(alphabet="ab :#-'\"[]{},!&*|>\\2024\t%@`?", max_size=14)
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


def read(loader_class, source: str):
    """Return what one loader makes of `source`, or its fault's class and line."""
    try:
        values, lines, problems = read_mapping(loader_class, source, Path("p.md"), 2)
    except yaml.MarkedYAMLError as error:
        return ("fault", type(error).__name__)
    except ContentError as error:
        return ("error", str(error))
    return values, lines, [str(problem) for problem in problems]


@pytest.mark.skipif(FAST_LOADER is yaml.SafeLoader, reason="PyYAML without libyaml")
@settings(max_examples=examples(400), deadline=None)
@given(lines=LINES)
@example(lines=[("title", "a: b", "")])
@example(lines=[("tags", "\n  - a\n - b", "")])
@example(lines=[("title", "", "")])
@example(lines=[("title", "!", "")])
@example(lines=[("title", "\t", "")])
def test_libyaml_reads_front_matter_as_the_pure_parser_does(lines):
    source = "".join(f"{indent}{key}: {value}\n" for key, value, indent in lines)
    if PURE_ONLY.search(source):
        # load_yaml leaves tags and tabs to the pure parser: read apart.
        return
    fast, pure = read(FAST_LOADER, source), read(yaml.SafeLoader, source)
    if fast[0] == "fault":
        # load_yaml reads it again with the pure parser, whose words it prints.
        return
    assert fast == pure


def test_a_fault_is_told_in_the_pure_parsers_words():
    with pytest.raises(ContentError) as raised:
        load_yaml('title: "open\ndate: 2024-01-01\n', Path("p.md"), 1)
    assert "broken YAML: found unexpected end of stream" in str(raised.value)
