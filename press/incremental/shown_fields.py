"""The fields of a post that templates can show when it is listed or named.

A listed post (a card) or a named one (a related guide, a neighbour) counts
in a page's render key by the fields the page's templates read of it
(template_reads.py): a property or method read counts the fields it reads.
"""

from __future__ import annotations

import hashlib

from markupsafe import Markup
from pelican.contents import Content

from socratic_blog.api import (
    CONTEXT_FIELD,
    TEXT_FIELD,
    holds_links,
    makes_own_content,
    text_as_read,
)

from .fingerprints import UNKNOWN, IdentityMemo

# The fields of posts a template can show (None: every field).
Shown = frozenset[str] | None
ALL_FIELDS = None
# Properties and methods of content classes, by what they read: the text
# (Pelican's summary is cut from it, or is a metadata field), other fields,
# or fields always counted. Any other is code the names do not tell.
TEXT_READS = frozenset({"content", "get_content", "summary", "get_summary"})
FIELD_READS = {
    "status": frozenset({"_status"}),
    "filename": frozenset({"source_path"}),
    "relative_dir": frozenset({"source_path", "relative_source_path"}),
    "get_relative_source_path": frozenset({"source_path", "relative_source_path"}),
}
ALWAYS_COUNTED = frozenset({"url", "save_as", "source_path"})  # str(post): its path
# A read of the metadata dict reaches every field (most are its entries too).
EVERY_FIELD = frozenset({"metadata", "__dict__"})
# The fields a post's text is made of: Pelican's summary is cut from the text,
# or is a metadata field.
TEXT_PARTS = frozenset({TEXT_FIELD, "_summary", "metadata"})
# What reads the posts of a page of a list or of a paginator, and their count.
LIST_READS = frozenset({"object_list", "page"})
COUNT_READS = frozenset({"count", "end_index"})
# A post's fields are kept hashed, each as the hash of its name, then of its
# description: 8 and 16 bytes (render_keys.Digests.field_hashes).
NAME_SIZE, ENTRY = 8, 24
NAME_HASHES: dict[str, bytes] = {}
CLASS_NAMES: dict[type, frozenset[str]] = {}
FIELDS_FOR: dict[tuple, tuple[frozenset, bool] | None] = {}
# Fields of content objects that are the build's, not the post's.
SHARED_FIELDS = frozenset({CONTEXT_FIELD, "settings"})


# Whether a text holds an intrasite link, by the link pattern: a kept post's
# copies share its text, so each text is searched once a process.
LINKS = IdentityMemo()
# Field values that never name a post, told apart at once.
PLAIN_KINDS = frozenset({str, Markup, int, bool, float, type(None)})


def linkless(post: Content) -> bool:
    """Tell whether a post's text holds no intrasite link ({filename}…, {static}…)."""
    text = text_as_read(post)
    pattern = post.settings["INTRASITE_LINK_REGEX"]
    known = LINKS.get(text)
    if known is UNKNOWN or known[0] != pattern:
        known = (pattern, holds_links(post, text))
        LINKS.put(text, known)
    return not known[1]


def post_text(post: Content) -> str:
    """Return a post's text, links resolved when it has any (they name other posts)."""
    if makes_own_content(post) or not linkless(post):
        return post.content
    return text_as_read(post)


def fields_for(kind: type, shown: frozenset) -> tuple[frozenset, bool] | None:
    """Name the fields of a `kind` post that `shown` reads, and if its text is read.

    None when a read goes through code the names do not tell (a method): then
    every field counts.
    """
    key = (kind, shown)
    if shown & EVERY_FIELD:
        return ALL_FIELDS
    if key not in FIELDS_FOR:
        names, text_shown = set(shown) - SHARED_FIELDS, False
        for name in shown & CLASS_NAMES.setdefault(kind, class_names(kind)):
            if name in TEXT_READS:
                text_shown = True
            elif name in FIELD_READS:
                names |= FIELD_READS[name]
            elif name not in ALWAYS_COUNTED:
                FIELDS_FOR[key] = ALL_FIELDS
                break
        else:
            FIELDS_FOR[key] = (frozenset(names), text_shown)
    return FIELDS_FOR[key]


def class_names(kind: type) -> frozenset[str]:
    """Name the properties and methods of a content class (not its fields)."""
    return frozenset(n for n in dir(kind) if not n.startswith("__"))


def reads_any(shown: Shown, names: frozenset[str]) -> bool:
    """Tell whether templates reading `shown` may read any of `names`."""
    return shown is ALL_FIELDS or bool(shown & names)


def names_posts(value) -> bool:
    """Tell whether a field holds other posts (a neighbour, related posts, twins)."""
    if type(value) in PLAIN_KINDS:
        return False
    if isinstance(value, Content):
        return True
    if isinstance(value, dict):
        value = tuple(value.values())
    return (
        isinstance(value, list | tuple)
        and bool(value)
        and all(isinstance(item, Content) for item in value)
    )


def own_and_named(post: Content) -> tuple[dict, list]:
    """Return a post's own fields, and (sorted) those that name other posts."""
    fields = {k: v for k, v in vars(post).items() if k not in SHARED_FIELDS}
    # Most metadata is also an attribute: the same objects, described once.
    fields["metadata"] = {
        k: v for k, v in post.metadata.items() if fields.get(k) is not v
    }
    fields[TEXT_FIELD] = post_text(post)
    fields["url"], fields["save_as"] = post.url, post.save_as
    named = [(k, v) for k, v in fields.items() if names_posts(v)]
    for k, _ in named:
        del fields[k]
    return fields, sorted(named)


def name_hash(name: str) -> bytes:
    """Hash a field's name (once a process)."""
    if name not in NAME_HASHES:
        NAME_HASHES[name] = hashlib.blake2b(
            name.encode(), digest_size=NAME_SIZE
        ).digest()
    return NAME_HASHES[name]


def packed_hashes(texts: dict[str, str]) -> bytes:
    """Pack described fields, by name: each the hash of its name, then of its text."""
    return b"".join(
        name_hash(name)
        + hashlib.blake2b(text.encode(), digest_size=ENTRY - NAME_SIZE).digest()
        for name, text in sorted(texts.items())
    )


def picked_hashes(names: frozenset, text_shown: bool) -> frozenset[bytes]:
    """Return the name hashes of the fields a view of a post counts."""
    picked = names | ALWAYS_COUNTED | (TEXT_PARTS if text_shown else frozenset())
    return frozenset(map(name_hash, picked))


def packed_digest(packed: bytes, picked: frozenset[bytes] | None = None) -> str:
    """Hash the packed fields, or only the `picked` ones (by name hash)."""
    if picked is not None:
        entries = (packed[i : i + ENTRY] for i in range(0, len(packed), ENTRY))
        packed = b"".join(e for e in entries if e[:NAME_SIZE] in picked)
    return hashlib.sha256(packed).hexdigest()
