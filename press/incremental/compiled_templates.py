"""Templates compiled once a process: every generator's Jinja shares one bytecode cache.

Pelican gives each generator its own Jinja environment, so each build compiled
the theme again per generator; the preview and the tests build many times in
one process. Jinja checks each cached template against its source's checksum;
the cache is also keyed by what else shapes the compiled code: the
environment's syntax options and extensions, and its filters and tests by
their repr, because Jinja folds a filter applied to a constant into the code
(`'css/style.css'|fingerprint` compiles to the stylesheet's hashed name).
A build that saves its site keeps them on disk too, for the next quick build.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import types
from pathlib import Path

from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket

from socratic_blog.api import write_whole

# How deep a filter's closure is described (past it: by its address).
DEEPEST_FILTER = 3
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
    """Jinja bytecode kept in this process's memory, and in `folder` if one is set."""

    def __init__(self) -> None:
        """Start empty, kept in memory alone."""
        self.compiled: dict[str, bytes] = {}
        self.folder: Path | None = None

    def get_bucket(
        self, environment: Environment, name: str, filename: str | None, source: str
    ) -> Bucket:
        """Return the template's bucket, keyed by what shapes its compiled code."""
        key = self.get_cache_key(name, filename) + compiling_key(environment)
        bucket = Bucket(environment, key, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        """Fill `bucket` when this template was compiled before, here or in `folder`."""
        code = self.compiled.get(bucket.key)
        if code is None and self.folder is not None:
            with contextlib.suppress(OSError):
                code = self.path(bucket.key).read_bytes()
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        """Keep a newly compiled template, and write it in `folder` if one is set."""
        code = self.compiled[bucket.key] = bucket.bytecode_to_string()
        if self.folder is not None:
            with contextlib.suppress(OSError):
                write_whole(
                    self.path(bucket.key), lambda partial: partial.write_bytes(code)
                )

    def path(self, key: str) -> Path:
        """Name the file in `folder` that holds the template compiled under `key`."""
        return self.folder / hashlib.sha256(key.encode()).hexdigest()


def compiling_key(environment: Environment) -> str:
    """Hash the environment's syntax, extensions, escaping, filters and tests.

    A hash, not the description itself: a build keeps a key per template, and
    the description of Jinja's hundred filters by their code is long.
    """
    autoescape = environment.autoescape
    if callable(autoescape):
        autoescape = autoescape.__qualname__
    finalize = getattr(environment.finalize, "__qualname__", None)
    options = [getattr(environment, name) for name in COMPILING_OPTIONS]
    folded = [
        (name, described(value))
        for name, value in [*environment.filters.items(), *environment.tests.items()]
    ]
    described_all = (
        sorted(environment.extensions),
        autoescape,
        finalize,
        options,
        folded,
    )
    return hashlib.sha256(repr(described_all).encode()).hexdigest()


def described(value, depth: int = 0) -> str:
    """Describe a filter the same way in every process that has the same code.

    A function by its name and what its closure and defaults hold, a partial
    by its parts, an object with a default repr by its fields: Pelican makes
    its `strftime` filter anew each build, and its fields (the locale) say what
    it does. Past a few levels, the repr (an address: never another's).
    """
    if depth > DEEPEST_FILTER:
        return repr(value)
    if isinstance(value, functools.partial):
        parts = [described(p, depth + 1) for p in (value.func, *value.args)]
        named = sorted((k, described(v, depth + 1)) for k, v in value.keywords.items())
        return f"partial{parts!r}{named!r}"
    if isinstance(value, types.FunctionType):
        held = [value.__defaults__, value.__kwdefaults__]
        for cell in value.__closure__ or ():
            with contextlib.suppress(ValueError):  # a cell not filled yet
                held.append(cell.cell_contents)
        parts = [described(part, depth + 1) for part in held]
        code = code_text(value.__code__)
        return f"{value.__module__}.{value.__qualname__}:{code}{parts!r}"
    text = repr(value)
    if type(value).__repr__ is object.__repr__ and hasattr(value, "__dict__"):
        text = f"{type(value).__qualname__}{sorted(vars(value).items())!r}"
    return text


@functools.cache
def code_text(code: types.CodeType) -> str:
    """Hash a function's code (kept a process): two lambdas of one place may differ."""
    consts = [
        code_text(c) if isinstance(c, types.CodeType) else repr(c)
        for c in code.co_consts
    ]
    text = f"{code.co_code.hex()}{consts!r}{code.co_names!r}"
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


COMPILED = ProcessBytecodeCache()


def share_compiled_templates(generator) -> None:
    """Give a generator's Jinja environment the process's compiled templates."""
    generator.env.bytecode_cache = COMPILED
