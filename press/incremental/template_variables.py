"""The variables a template reads, and the fields it reads of other posts than the own.

Both cover the template and every template it pulls in. A page's render key
(render_keys.py) hashes the values of the variables, and counts listed or
named posts by those fields.
"""

from __future__ import annotations

from jinja2 import meta

from .shown_fields import ALL_FIELDS
from .template_reads import FileReads, file_reads

# Each template source's variables and reads, parsed once a process: the
# preview and the tests build many times with the same theme.
PARSED_TEMPLATES: dict[tuple, tuple[frozenset[str], FileReads]] = {}
# What a template chosen at render time may read: anything.
ALL_VARIABLES = None


def template_variables(environment, name: str) -> frozenset[str] | None:
    """Name the variables a template and every template it pulls in read.

    None when a template is chosen at render time: then it may read anything.
    """
    return template_reads(environment, name)[0]


def template_reads(
    environment, name: str
) -> tuple[frozenset[str] | None, frozenset[str] | None]:
    """Return a template's variables and the fields it reads of other posts.

    Either is None when it may be anything: a template chosen at render time,
    or a read the syntax cannot tell.
    """
    variables: set[str] = set()
    fields: set[str] | None = set()
    # Blocks that see the own post's names rebound (a loop's `scoped` block, a
    # parent's `set`) hand them to children: then every own read counts too.
    own: set[str] = set()
    blocks_rebound = False
    seen: set[tuple[str, bool]] = set()
    waiting: list[tuple[str | None, bool]] = [(name, False)]
    while waiting:
        current, rebound = waiting.pop()
        if current is None:
            return ALL_VARIABLES, ALL_FIELDS
        if (current, rebound) in seen:
            continue
        seen.add((current, rebound))
        found, reads = parsed(environment, current)
        variables |= found
        own |= reads.own
        blocks_rebound = blocks_rebound or reads.blocks_rebound
        if fields is not None:
            # Under a rebound name, the own post's reads may be another post's.
            fields = joined(fields, reads.others, reads.own if rebound else set())
        waiting.extend((ref, rebound or again) for ref, again in reads.references)
    if fields is not None and blocks_rebound:
        fields |= own
    return frozenset(variables), None if fields is None else frozenset(fields)


def parsed(environment, name: str) -> tuple[frozenset[str], FileReads]:
    """Parse one template file once a process: its variables and its reads."""
    source, _, _ = environment.loader.get_source(environment, name)
    key = (source, tuple(sorted(environment.extensions)))
    if key not in PARSED_TEMPLATES:
        tree = environment.parse(source)
        PARSED_TEMPLATES[key] = (
            frozenset(meta.find_undeclared_variables(tree)),
            file_reads(tree),
        )
    return PARSED_TEMPLATES[key]


def joined(fields: set[str], *more: set[str] | None) -> set[str] | None:
    """Add reads to `fields`; None (anything) if any of them is."""
    if any(reads is None for reads in more):
        return None
    return fields.union(*more)
