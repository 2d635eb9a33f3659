"""Templates compiled once a process: every generator's Jinja shares one bytecode cache.

Pelican gives each generator its own Jinja environment, so each build compiled
the theme again per generator; the preview and the tests build many times in
one process. Jinja checks each cached template against its source's checksum;
the cache is also keyed by what else shapes the compiled code: the
environment's syntax options and extensions, and its filters and tests by
their repr, because Jinja folds a filter applied to a constant into the code
(`'css/style.css'|fingerprint` compiles to the stylesheet's hashed name).
"""

from __future__ import annotations

from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket

# Options that change what a template compiles to.
COMPILING_OPTIONS = (
    "block_start_string",
    "block_end_string",
    "variable_start_string",
    "variable_end_string",
    "comment_start_string",
    "comment_end_string",
    "line_statement_prefix",
    "line_comment_prefix",
    "trim_blocks",
    "lstrip_blocks",
    "newline_sequence",
    "keep_trailing_newline",
    "optimized",
)


class ProcessBytecodeCache(BytecodeCache):
    """Jinja bytecode kept in this process's memory."""

    def __init__(self) -> None:
        """Start empty."""
        self.compiled: dict[str, bytes] = {}

    def get_bucket(
        self, environment: Environment, name: str, filename: str | None, source: str
    ) -> Bucket:
        """Return the template's bucket, keyed by what shapes its compiled code."""
        key = self.get_cache_key(name, filename) + compiling_key(environment)
        bucket = Bucket(environment, key, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        """Fill `bucket` from memory when this template was compiled before."""
        code = self.compiled.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        """Keep a newly compiled template."""
        self.compiled[bucket.key] = bucket.bytecode_to_string()


def compiling_key(environment: Environment) -> str:
    """Describe the environment's syntax, extensions, escaping, filters and tests."""
    autoescape = environment.autoescape
    if callable(autoescape):
        autoescape = autoescape.__qualname__
    finalize = getattr(environment.finalize, "__qualname__", None)
    options = [getattr(environment, name) for name in COMPILING_OPTIONS]
    folded = [
        (name, described(value))
        for name, value in [*environment.filters.items(), *environment.tests.items()]
    ]
    return repr((sorted(environment.extensions), autoescape, finalize, options, folded))


def described(value) -> str:
    """Describe a filter by its repr; an object with a default repr by its fields.

    Pelican makes its `strftime` filter anew each build: its fields (the
    locale) say what it does, its address does not.
    """
    text = repr(value)
    if type(value).__repr__ is object.__repr__ and hasattr(value, "__dict__"):
        text = f"{type(value).__qualname__}{sorted(vars(value).items())!r}"
    return text


COMPILED = ProcessBytecodeCache()


def share_compiled_templates(generator) -> None:
    """Give a generator's Jinja environment the process's compiled templates."""
    generator.env.bytecode_cache = COMPILED
