"""The variables a template reads: its own and those of every template it pulls in.

A page's render key (render_keys.py) hashes the values of these variables.
"""

from __future__ import annotations

from jinja2 import meta

# Each template source's variables and references, parsed once a process: the
# preview and the tests build many times with the same theme.
PARSED_TEMPLATES: dict[tuple, tuple] = {}
# What a template chosen at render time may read: anything.
ALL_VARIABLES = None


def template_variables(environment, name: str) -> frozenset[str] | None:
    """Name the variables a template and every template it pulls in read.

    None when a template is chosen at render time: then it may read anything.
    """
    names: set[str] = set()
    seen: set[str] = set()
    waiting = [name]
    while waiting:
        current = waiting.pop()
        if current in seen:
            continue
        seen.add(current)
        source, _, _ = environment.loader.get_source(environment, current)
        parsed = (source, tuple(sorted(environment.extensions)))
        if parsed not in PARSED_TEMPLATES:
            tree = environment.parse(source)
            PARSED_TEMPLATES[parsed] = (
                meta.find_undeclared_variables(tree),
                list(meta.find_referenced_templates(tree)),
            )
        variables, references = PARSED_TEMPLATES[parsed]
        names |= variables
        if None in references:
            return ALL_VARIABLES
        waiting.extend(references)
    return frozenset(names)
