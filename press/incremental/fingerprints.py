"""Fingerprints: a cheap stand-in for a post's fields, to reuse their digest.

Describing a post's own fields for its render key (render_keys.py) walks
every value; the site model does it again after every edit, for posts the
edit left alone. A fingerprint names the same values shallowly: text and
numbers by value, dates and time zones by identity (they never change in
place), tags by name and slug, and lists, tuples, dicts and plain objects by
their parts, a few levels down; a tuple or frozen dataclass holding only
values that never change is named once and remembered by identity (a kept
post's copies share its table of contents). Two equal fingerprints, the
values of the first still alive, describe equal fields. Fingerprints, and
the names of those remembered values, are kept as their hashes: equal
hashes of unequal ones come by chance alone, about once in 2**64. A value
it cannot name (too deep, or of an unknown kind) gives no fingerprint: the
fields are described in full.
"""

from __future__ import annotations

import dataclasses
import datetime
import types
import zoneinfo
from collections.abc import Callable
from pathlib import PurePath

from pelican.contents import Content
from pelican.urlwrappers import URLWrapper

# Values compared by value: they hold no other objects.
BY_VALUE = (str, bool, type(None))
# Numbers too, but named by their text: a fingerprint is kept as its hash, and
# Python hashes -1 and -2 (or 1 and 2**61) alike.
NUMBERS = (int, float)
# Values that never change once made: compared by identity (kept alive).
# Functions and classes too: they are described by their name, not their parts.
FROZEN = (
    type,
    types.FunctionType,
    types.MethodType,
    types.BuiltinFunctionType,
    datetime.date,
    datetime.time,
    datetime.timedelta,
    zoneinfo.ZoneInfo,
    PurePath,
)
# How many containers down a fingerprint follows.
DEEPEST = 8
# Values that never change once made, at any depth (with tuples of them).
SETTLED_KINDS = (str, *NUMBERS, *FROZEN)
FROZEN_KINDS: dict[type, bool] = {}
UNKNOWN = object()


class IdentityMemo:
    """Answers about values that never change, by identity, the values kept alive.

    A kept post's copies share such values (its text, its table of contents):
    each is looked at once a process. Past `most` answers (the values of many
    edits), it starts again.
    """

    def __init__(self, most: int = 50_000):
        """Remember nothing yet."""
        self.answers: dict[int, tuple[object, object]] = {}
        self.most = most

    def get(self, value):
        """Return the answer remembered for this very value, or UNKNOWN."""
        known = self.answers.get(id(value))
        return known[1] if known is not None and known[0] is value else UNKNOWN

    def put(self, value, answer) -> None:
        """Remember the answer for this value (kept alive with it)."""
        if len(self.answers) >= self.most:
            self.answers.clear()
        self.answers[id(value)] = (value, answer)


# Tuples and frozen dataclasses found to hold only such values: their names.
SETTLED = IdentityMemo()


class Unnamed(Exception):
    """A value the fingerprint cannot name: describe the fields in full."""


def fingerprint(fields: dict) -> tuple | None:
    """Return a fingerprint of a post's fields, or None when one value has none."""
    try:
        return part(fields, 0)
    except Unnamed:
        return None


def part(value, depth: int):  # noqa: PLR0911 - one return per kind of value
    """Name one value (see the module's docstring)."""
    kind = type(value)
    if kind in BY_VALUE:
        return value
    if kind in NUMBERS:
        return (kind, repr(value))
    if isinstance(value, str):  # Markup and other text: the kind shows
        return (kind, str(value))
    if isinstance(value, FROZEN):
        return (kind, id(value))
    if isinstance(value, Content):  # other posts count by their source only
        return ("ref", value.source_path)
    if isinstance(value, URLWrapper):
        return (kind, value.name, value.slug)
    if kind is tuple or frozen_dataclass(kind):
        return settled_part(value, depth)
    if depth >= DEEPEST:
        raise Unnamed(kind.__name__)
    step = depth + 1
    if isinstance(value, dict):
        return (kind, tuple((named(k, step), named(v, step)) for k, v in value.items()))
    if isinstance(value, list | tuple | set | frozenset):
        items = sorted(value, key=repr) if isinstance(value, set | frozenset) else value
        return (kind, tuple(named(item, step) for item in items))
    if dataclasses.is_dataclass(value):
        fields = {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
        return (kind, part(fields, depth))
    if hasattr(value, "__dict__"):
        return (kind, part(vars(value), depth))
    raise Unnamed(kind.__name__)


def frozen_dataclass(kind: type) -> bool:
    """Tell whether instances of `kind` are dataclasses whose fields cannot be set."""
    if kind not in FROZEN_KINDS:
        params = getattr(kind, "__dataclass_params__", None)
        FROZEN_KINDS[kind] = bool(params is not None and params.frozen)
    return FROZEN_KINDS[kind]


def settled_part(value, depth: int):
    """Name a tuple or frozen dataclass; once, when all it holds never changes."""
    known = SETTLED.get(value)
    if known is not UNKNOWN:
        return known
    if depth >= DEEPEST:
        raise Unnamed(type(value).__name__)
    step = depth + 1
    if type(value) is tuple:
        name = (tuple, tuple(named(item, step) for item in value))
    else:
        fields = {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
        name = (type(value), part(fields, depth))
    if settled(value, depth):
        # Named by its hash from now on, as RememberedFields keeps fingerprints:
        # a post's settled values (its table of contents) weigh 4 KB in full.
        name = (type(value), hash(name))
        SETTLED.put(value, name)
    return name


def settled(value, depth: int) -> bool:
    """Tell whether a value, and all it holds, never changes once made."""
    kind = type(value)
    if kind in BY_VALUE or isinstance(value, SETTLED_KINDS):
        return True
    if depth >= DEEPEST:
        return False
    if kind is tuple or kind is frozenset:
        return all(settled(item, depth + 1) for item in value)
    if frozen_dataclass(kind):
        return all(
            settled(getattr(value, f.name), depth + 1)
            for f in dataclasses.fields(value)
        )
    return False


def named(value, depth: int):
    """Name a value in a container: plain values as they are (the common case)."""
    return value if type(value) in BY_VALUE else part(value, depth)


class RememberedFields:
    """What render keys keep between builds of one process: posts' own fields.

    Each post's own fields from the last build, by source: fingerprint and
    digest. (The templates' variables are parsed once a process anyway:
    `template_variables.PARSED_TEMPLATES`.)
    """

    def __init__(self):
        """Remember nothing yet."""
        self.posts: dict[tuple[str, str], tuple[int, tuple, str]] = {}
        self.reused = 0
        # Digests of the fields templates show of a post, by its own digest.
        self.shown: dict[tuple, str] = {}

    def digest(self, post: Content, own: dict, describe: Callable[[], str]) -> str:
        """Return the last build's digest of equal fields, or `describe()` them."""
        key = (type(post).__name__, post.source_path)
        named = fingerprint(own)
        # Kept as its hash, not 5 KB a post: two fingerprints hash alike by
        # chance alone, about once in 2**64 (numbers are named by their text).
        named = None if named is None else hash(named)
        last = self.posts.get(key)
        if named is not None and last is not None and last[0] == named:
            self.reused += 1
            return last[2]
        digest = describe()
        if named is not None:
            # The fields stay alive with it (the fingerprint names some by
            # identity): their values, not the dicts holding them (1.5 KB a post).
            self.posts[key] = (named, alive(own), digest)
        return digest


def alive(fields: dict) -> tuple:
    """Return what keeps a post's field values alive: them, and its metadata's."""
    metadata = fields.get("metadata")
    if type(metadata) is not dict:
        return tuple(fields.values())
    return (*(v for v in fields.values() if v is not metadata), *metadata.values())
