"""A fresh build after text edits: only the edited posts' pages, from the saved site.

A full build after one edit runs Pelican over every post: a third of the
cold build at 1,000 posts. When only the text of a few posts changed since
the last full build, and nothing any other page shows of them did, only their
own pages can differ: the quick build loads the site that build saved
(saved.py), reads the edited files alone, renders their pages as the preview's
fast render does, and replaces each in output/ whole. Anything else (a file
come, gone or renamed, front matter, a field another page shows, a warning, a
feed, the search index, a scheduled post come due, output/ rebuilt since, a
change of theme, settings, plugin or this package) is the full build's, and
that build saves the site again.
"""

from __future__ import annotations

import contextlib
import copy
import gc
import json
import logging
import os
from collections.abc import Iterator
from pathlib import Path

from pelican.contents import Content

from press.incremental.compiled_templates import COMPILED, share_compiled_templates
from press.incremental.reuse import holds
from press.incremental.run import IncrementalPelican
from press.incremental.shown_fields import ALL_FIELDS, fields_for
from socratic_blog.api import (
    forget_rendered,
    heard_again,
    write_text_whole,
    write_whole,
)

from . import sources
from .fast_render import KeptSite
from .header import header, path_id, stands, writes_whole_site
from .saved import SiteSaver, load_into, read_header, saved_path

MOST_EDITED = 8  # more edited posts than this: the full build
# The lists of the posts whose pages a build writes.
WRITTEN_LISTS = frozenset({"articles", "translations", "pages"})
# Reads of another post's whole text, and of its summary (cut from the text).
WHOLE_TEXT = frozenset({"content", "get_content"})
SUMMARY = frozenset({"summary", "get_summary"})


def shows_same(old: Content, new: Content, reads: frozenset[str]) -> bool:
    """Tell whether every page but its own shows the edited post as before."""
    taken = fields_for(type(new), reads)
    if taken is ALL_FIELDS or reads & WHOLE_TEXT:
        return False
    names, _ = taken
    missing = object()
    if any(getattr(old, n, missing) != getattr(new, n, missing) for n in names):
        return False
    return not reads & SUMMARY or old.summary == new.summary


class Warned(logging.Handler):
    """Note whether anything was logged at warning level or above."""

    def __init__(self):
        """Start with nothing logged."""
        super().__init__(logging.WARNING)
        self.logged = False

    def emit(self, record: logging.LogRecord) -> None:
        """Note the record; the full build says it."""
        self.logged = True


@contextlib.contextmanager
def watched() -> Iterator[Warned]:
    """Note warnings for the full build to say; pause the collector (a whole site)."""
    warned, root, collecting = Warned(), logging.getLogger(), gc.isenabled()
    root.addHandler(warned)
    gc.disable()
    try:
        with heard_again():
            yield warned
    finally:
        root.removeHandler(warned)
        if collecting:
            gc.enable()


class SavedSite:
    """A build's saved site: the quick build from it, or saving it after a full one."""

    def __init__(self, settings: dict, base: str, output: Path, wanted: bool = True):
        """Know the build's settings, base key and output; `wanted`: else do nothing."""
        self.settings, self.base, self.output = settings, base, output
        self.wanted = wanted
        self.path = saved_path(settings, output)
        self.templates = self.path.parent / "compiled-templates"
        self.record = self.path.with_suffix(".built.json")
        self.content = Path(settings["PATH"])
        self.saver = SiteSaver()
        self.read: dict = {}

    def usable(self) -> bool:
        """Tell whether this build may save a site or build quickly from one."""
        settings = self.settings
        return (
            self.wanted
            and bool(settings.get("CACHE_CONTENT"))
            and not writes_whole_site(settings)
        )

    def quick_build(self) -> list[str] | None:
        """Write the edited posts' pages; their names, or None for a full build."""
        found = read_header(self.path) if self.usable() else None
        if not stands(found, self.base, self.output):
            return None
        built = self.built()
        edited = sources.edited(found["sources"], self.content, built)
        if not edited or len(edited) > MOST_EDITED:  # nothing edited: Pelican runs
            return None
        with watched() as warned:
            try:
                pages = self.pages(list(edited), frozenset(found["reads"]))
            except Exception:  # Unsaved, or a post in error: the full build says
                pages = None
            forget_rendered()  # Pelican's memos hold the loaded site
        if pages is None or warned.logged:
            gc.collect()  # the loaded site, before the full build's peak
            return None
        written = self.write(pages)
        site = path_id(self.path)  # the saved site they were built from
        record = json.dumps({"site": site, "built": built | edited}, sort_keys=True)
        write_text_whole(self.record, record)
        return written

    def built(self) -> dict[str, str]:
        """Return the sources quick builds wrote pages for, from this saved site."""
        try:
            found = json.loads(self.record.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        site = found.get("site") if isinstance(found, dict) else None
        fresh = site is not None and site == path_id(self.path)
        return found.get("built") or {} if fresh else {}

    def pages(self, edited: list[str], reads: frozenset[str]) -> dict | None:
        """Render the edited posts' pages from the saved site; None if others differ."""
        pelican = IncrementalPelican(copy.deepcopy(self.settings))
        generators = pelican.fresh_generators()
        COMPILED.folder = self.templates
        for generator in generators:
            share_compiled_templates(generator)
        load_into(self.path, generators)
        site = KeptSite()
        site.keep(generators)
        changed = []
        for name in edited:
            source = os.path.join(pelican.settings["PATH"], name)
            found = site.holder(source)
            if found is None or not any(
                found[1] in getattr(found[0], n, ()) for n in WRITTEN_LISTS
            ):
                return None
            new = site.reread(source)
            if new is None or not shows_same(found[1], new[1], reads):
                return None
            changed.append(new)
        return site.pages(changed)

    def write(self, pages: dict[str, bytes]) -> list[str]:
        """Replace each page in output/ whole (one that holds its bytes is left)."""
        written = []
        for name, data in sorted(pages.items()):
            path = self.output / name
            if not holds(path, data):
                write_whole(path, lambda partial, data=data: partial.write_bytes(data))
                written.append(name)
        return written

    @contextlib.contextmanager
    def listening(self) -> Iterator[None]:
        """Note the sources, then listen to the full build run meanwhile."""
        if not self.usable():
            yield
            return
        self.read = sources.read_sources(self.content)
        COMPILED.folder = self.templates  # for the next quick build
        self.saver.connect()
        try:
            yield
        finally:
            self.saver.disconnect()

    def save(self) -> None:
        """Save the full build's site, once its output is in place."""
        generators = self.saver.generators
        if not self.wanted:
            return
        self.record.unlink(missing_ok=True)
        if not (self.usable() and generators):
            self.path.unlink(missing_ok=True)
            return
        self.saver.save(
            self.path, header(self.base, self.output, self.read, generators)
        )
