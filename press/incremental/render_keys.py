"""Render keys: a hash of everything a page's template can read while rendering it.

Two builds that give a page equal keys render equal bytes, so the second can
reuse the first one's file. A key covers the build's base (templates, theme,
plugin, libraries, settings) and the values of the variables the template and
the templates it includes name. A page's own post counts with all its fields;
the posts it names (neighbours, related posts) and a list's posts count by the
fields the templates can show of them (shown_fields.py); posts further away
count by their file name only.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Callable, Mapping

from markupsafe import Markup
from pelican.contents import Content
from pelican.paginator import Page, Paginator
from pelican.urlwrappers import URLWrapper

from .fingerprints import RememberedFields
from .plain_values import LONG_TEXT, plain_text
from .shown_fields import (
    ALL_FIELDS,
    COUNT_READS,
    LIST_READS,
    SHARED_FIELDS,
    Shown,
    fields_for,
    own_and_named,
    packed_digest,
    packed_hashes,
    picked_hashes,
    reads_any,
)
from .template_reads import OWN_LISTS, OWN_POSTS

# How many steps from a page's post to another post count.
REACH = 1
# A nesting deeper than this is a cycle the digest cannot follow.
DEEPEST = 12
# Containers this small are described in full, not hashed and remembered.
SMALL = (list, tuple, dict)
SHORT = 16
# Types found to hold other values (plain_text has no word for them), and
# each type's describer: found once each, a build describes a few types.
HELD_VALUES: set[type] = set()
DESCRIBER_OF: dict[type, Callable] = {}


class Unkeyable(Exception):
    """A value the digest cannot describe: the page is always rendered."""


class Digests:
    """Hash values for one build, each object once (posts are shared by pages)."""

    def __init__(self, remembered: RememberedFields | None = None):
        """Start with nothing hashed; objects are kept alive so ids stay theirs."""
        # By the fields shown (their id: None for all): each value's digest.
        self.known: dict[int, dict[tuple[int, int], tuple[object, str]]] = {}
        self.own: dict[int, tuple[Content, str, list]] = {}
        self.as_shown: dict[int, dict[int, str]] = {}
        self.remembered = remembered
        # Each post's own fields, hashed when needed.
        self.hashes: dict[int, tuple[Content, bytes]] = {}
        # A post's shown fields are a part of its own: their digest follows.
        self.shown = remembered.shown if remembered is not None else None

    def of(self, value, reach: int = REACH) -> str:
        """Return the hex digest of `value`, following posts `reach` steps away."""
        return hashlib.sha256(self.text(value, reach, 0).encode()).hexdigest()

    def page_variable(self, name: str, value, shown: Shown) -> str:
        """Describe a page's variable: its own post in full, other posts as shown."""
        if name in OWN_LISTS and isinstance(value, Page):
            return self.page(value, REACH, 0, shown, own=True)
        if name in OWN_POSTS and isinstance(value, Content):
            return self.content(value, REACH, 0, shown, own=True)
        return self.text(value, REACH, 0, shown)

    def text(self, value, reach: int, depth: int, shown: Shown = ALL_FIELDS) -> str:
        """Describe `value` as text that changes when anything shown of it does.

        Posts count by the fields `shown` names (None: every field).
        """
        if depth > DEEPEST:
            raise Unkeyable(type(value).__name__)
        kind = type(value)
        if kind is str and len(value) <= LONG_TEXT:  # most values: as below
            return f"str:{value!r}"
        if kind not in HELD_VALUES:
            plain = plain_text(value)
            if plain is not None:
                return plain
            HELD_VALUES.add(kind)
        if kind in SMALL and len(value) <= SHORT:
            return self.describe(value, reach, depth, shown)
        known = self.known.get(id(shown))
        if known is None:
            known = self.known[id(shown)] = {}
        cached = known.get((id(value), reach))
        if cached is not None:
            return cached[1]
        described = self.describe(value, reach, depth, shown)
        digest = hashlib.sha256(described.encode()).hexdigest()
        known[(id(value), reach)] = (value, digest)
        return digest

    def describe(self, value, reach: int, depth: int, shown: Shown) -> str:
        """Describe a container or an object by its parts."""
        kind = type(value)
        if kind not in DESCRIBER_OF:
            found = (d for k, d in DESCRIBERS if isinstance(value, k))
            DESCRIBER_OF[kind] = next(found, Digests.fields)
        return DESCRIBER_OF[kind](self, value, reach, depth + 1, shown)

    def mapping(self, value: Mapping, reach: int, depth: int, shown: Shown) -> str:
        """Describe a dict by its items, in a stable order."""
        items = sorted(
            (self.text(k, reach, depth, shown), self.text(v, reach, depth, shown))
            for k, v in value.items()
        )
        return f"map:{items}"

    def sequence(self, value, reach: int, depth: int, shown: Shown) -> str:
        """Describe a list or a tuple by its items."""
        return f"seq:{[self.text(item, reach, depth, shown) for item in value]}"

    def collection(self, value, reach: int, depth: int, shown: Shown) -> str:
        """Describe a set by its items, in a stable order."""
        return f"set:{sorted(self.text(item, reach, depth, shown) for item in value)}"

    def paginator(self, value: Paginator, reach: int, depth: int, shown: Shown) -> str:
        """Describe a paginator's pages, and if read its count and posts (by file)."""
        parts = (value.name, value.url, value.per_page, value.num_pages)
        if reads_any(shown, COUNT_READS):
            parts += (value.count,)
        if not reads_any(shown, LIST_READS):
            return f"paginator:{parts}"
        return f"paginator:{parts}:{self.text(value.object_list, reach, depth, shown)}"

    def page(self, value: Page, reach: int, depth: int, shown: Shown, own=False):
        """Describe a page of a list: number, place, paginator, posts if read."""
        parts = (value.number, value.url, value.save_as)
        pages = self.text(value.paginator, reach, depth, shown)
        if not (own or reads_any(shown, LIST_READS)):
            return f"page:{parts}:{pages}"
        posts = self.text(value.object_list, reach, depth, shown)
        return f"page:{parts}:{pages}:{posts}"

    def content(self, post: Content, reach: int, depth: int, shown: Shown, own=False):
        """Describe a post as shown (`own`: in full); posts it names one step less."""
        if reach < 0:
            return f"ref:{post.source_path}"
        if own or shown is ALL_FIELDS:
            fields, named = self.own_fields(post, depth)
        else:
            fields, named = self.shown_fields(post, shown, depth)
        parts = [f"{n}={self.text(v, reach - 1, depth, shown)}" for n, v in named]
        return f"{type(post).__name__}:{fields}:{parts}"

    def shown_fields(self, post: Content, shown: frozenset, depth: int) -> tuple:
        """Hash the fields templates can show of a listed or named post."""
        taken = fields_for(type(post), shown)
        full, every_named = self.own_fields(post, depth)
        if taken is ALL_FIELDS:
            return full, every_named
        names, text_shown = taken
        named = [(k, v) for k, v in every_named if k in names]
        done = self.as_shown.get(id(shown))
        if done is None:
            done = self.as_shown[id(shown)] = {}
        if id(post) in done:
            return done[id(post)], named
        memo = self.shown if self.shown is not None else {}
        digest = memo.get((type(post), full, shown))
        if digest is None:  # the shown fields are some of its own: hashed once
            picked = picked_hashes(names, text_shown)
            digest = packed_digest(self.field_hashes(post, depth), picked)
            memo[(type(post), full, shown)] = digest
        done[id(post)] = digest  # the post is kept alive by self.own
        return digest, named

    def own_fields(self, post: Content, depth: int) -> tuple[str, list]:
        """Hash a post's own fields once; return it and the fields naming posts."""
        cached = self.own.get(id(post))
        if cached is not None:
            return cached[1], cached[2]
        own, named = own_and_named(post)
        described = lambda: packed_digest(self.field_hashes(post, depth, own))  # noqa: E731
        if self.remembered is None:
            digest = described()
        else:
            digest = self.remembered.digest(post, own, described)
        self.own[id(post)] = (post, digest, named)
        return digest, named

    def field_hashes(self, post: Content, depth: int, own=None) -> bytes:
        """Hash each of a post's own fields once a build, packed (shown_fields.py)."""
        if id(post) not in self.hashes:
            own = own if own is not None else own_and_named(post)[0]
            texts = {k: self.text(v, -1, depth) for k, v in own.items()}
            self.hashes[id(post)] = (post, packed_hashes(texts))
        return self.hashes[id(post)][1]

    def fields(self, value, reach: int, depth: int, shown: Shown) -> str:
        """Describe any other object by its attributes (a dataclass by its fields)."""
        if dataclasses.is_dataclass(value):
            parts = {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
        elif hasattr(value, "__dict__"):
            parts = {k: v for k, v in vars(value).items() if k not in SHARED_FIELDS}
        else:
            written = repr(value)
            if " at 0x" in written:
                raise Unkeyable(type(value).__name__)
            return f"repr:{written}"
        kind = f"{type(value).__module__}.{type(value).__qualname__}"
        return f"{kind}:{self.text(parts, reach, depth, shown)}"


def markup(_digests: Digests, value: Markup, _reach: int, _depth: int, _shown) -> str:
    """Describe HTML by its text."""
    return f"markup:{value}"


def wrapper(_digests, value: URLWrapper, _reach: int, _depth: int, _shown) -> str:
    """Describe a tag, an author or a category by its name and place."""
    return f"{type(value).__name__}:{value.name}|{value.slug}|{value.url}"


# Checked in order: Markup is a str, and must not be taken for a sequence.
DESCRIBERS = (
    (Markup, markup),
    (Mapping, Digests.mapping),
    (list | tuple, Digests.sequence),
    (set | frozenset, Digests.collection),
    (Content, Digests.content),
    (URLWrapper, wrapper),
    (Paginator, Digests.paginator),
    (Page, Digests.page),
)
