"""A post's fields fingerprinted: equal only when their render-key description is."""

from __future__ import annotations

import dataclasses
import datetime

from press.incremental.fingerprints import (
    SETTLED,
    UNKNOWN,
    RememberedFields,
    fingerprint,
)
from press.incremental.render_keys import Digests


@dataclasses.dataclass
class Cover:
    """A picture's fields, as the plugin's cover is."""

    path: str
    width: int


def first_title() -> str:
    """One function a field may hold."""
    return "first"


def second_title() -> str:
    """Another."""
    return "second"


def fields(**changed) -> dict:
    """Fields of a post: text, a date, a list, nested containers, a dataclass."""
    date = datetime.datetime(2024, 1, 5, tzinfo=datetime.UTC)
    return {
        "title": "A guide",
        "date": date,
        "tags": ["career", "salary"],
        "toc": ((2, "one", "One", ((3, "two", "Two", ()),)),),
        "cover": Cover("images/cover.png", 400),
        "made_by": first_title,
        **changed,
    }


def test_equal_fields_have_equal_fingerprints_and_descriptions():
    same = fields()
    copy = {**same, "tags": list(same["tags"])}
    assert fingerprint(copy) == fingerprint(same)
    assert Digests().of(copy, -1) == Digests().of(same, -1)


def test_a_change_anywhere_in_a_field_changes_the_fingerprint():
    same = fields()
    nested_cover = fields(cover=Cover("images/cover.png", 300))
    other_function = fields(made_by=second_title)
    later = fields(date=datetime.datetime(2024, 1, 6, tzinfo=datetime.UTC))
    nested_toc = fields(toc=((2, "one", "One", ((3, "two", "Three", ()),)),))
    for changed in (nested_cover, other_function, later, nested_toc):
        assert fingerprint(changed) != fingerprint(same)
        assert Digests().of(changed, -1) != Digests().of(same, -1)


@dataclasses.dataclass(frozen=True)
class Section:
    """A heading of a table of contents, frozen as the plugin's is."""

    title: str
    subsections: tuple


def test_a_tuple_is_named_once_only_when_nothing_in_it_can_change():
    """A frozen table of contents is named by its parts, then remembered."""
    toc = (Section("One", (Section("Two", ()),)),)
    assert fingerprint({"toc": toc}) == fingerprint({"toc": toc})
    assert SETTLED.get(toc) is not UNKNOWN  # remembered: not walked again
    assert fingerprint({"toc": toc}) != fingerprint(
        {"toc": (Section("One", (Section("Three", ()),)),)}
    )
    changing = (Cover("images/cover.png", 400), ["career"])
    before = fingerprint({"toc": changing})
    assert SETTLED.get(changing) is UNKNOWN
    changing[0].width = 300
    changing[1].append("salary")
    assert fingerprint({"toc": changing}) != before


def test_a_value_too_deep_to_name_has_no_fingerprint():
    deep: list = []
    for _ in range(20):
        deep = [deep]
    assert fingerprint({"deep": deep}) is None


class Post:
    """What the remembered fields need of a post: its kind and source."""

    source_path = "content/posts/a/index.md"


def test_remembered_fields_describe_again_only_what_changed():
    remembered = RememberedFields()
    described = []

    def describe(value):
        return lambda: described.append(value) or f"digest of {value['title']}"

    first = fields()
    assert remembered.digest(Post(), first, describe(first)) == "digest of A guide"
    again = {**first, "tags": list(first["tags"])}
    assert remembered.digest(Post(), again, describe(again)) == "digest of A guide"
    retitled = fields(title="Ship it")
    digest = remembered.digest(Post(), retitled, describe(retitled))
    assert digest == "digest of Ship it"
    assert described == [first, retitled]


def test_numbers_python_hashes_alike_are_told_apart():
    """Remembered fields keep a fingerprint's hash: hash(-1) == hash(-2) in Python."""
    remembered = RememberedFields()
    described = []
    same = fields()  # the same date: named by identity
    for width in (-1, -2, 1, 2**61, 1.0):
        changed = {**same, "cover": Cover("images/cover.png", width), "rank": width}
        remembered.digest(Post(), changed, lambda w=width: described.append(w) or w)
    assert described == [-1, -2, 1, 2**61, 1.0]
