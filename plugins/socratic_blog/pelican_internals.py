"""Pelican's private names the blog relies on, every one of them here and only here.

Pelican publishes signals, settings, readers and a writer, but a few things
the build needs have no public name: the build's shared context on a post,
the HTML a reader made before links are resolved, the pattern of those
links, the writer's record of what it wrote, the reader cache's stamps, and
the Pelican methods that pick the generators and the writer and warn of
disabled readers. Each use goes through this module, and
tests/plugin/test_pelican_internals*.py pin what each one does, so a Pelican
upgrade that changes one fails there, naming it, not somewhere in a build.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from pelican import Pelican
from pelican.contents import Content
from pelican.log import LimitFilter
from pelican.readers import _filter_discardable_metadata
from pelican.writers import FileOverwriteFailedError

# A post's (or page's) fields that hold the build's shared context, not the post.
CONTEXT_FIELD = "_context"
# A post's field holding its HTML as read, before {filename} links are resolved.
TEXT_FIELD = "_content"
# What a generator's reader cache holds besides the posts: the readings by
# path, the function that opens the cache file and the one that stamps a source.
CACHE_STATE = ("_cache", "_cache_open", "_filestamp_func")
# What Pelican's run puts in the shared context before it makes the generators.
RUN_CONTEXT = ("generated_content", "static_links", "static_content", "localsiteurl")


def shared_context(content) -> dict | None:
    """Return the context a post was read into (shared by the build), or None."""
    return content._context


@contextmanager
def heard_again() -> Iterator[None]:
    """Let lines logged meanwhile be logged again after (Pelican says each once)."""
    said, groups = set(LimitFilter._raised_messages), dict(LimitFilter._group_count)
    try:
        yield
    finally:
        LimitFilter._raised_messages.clear()
        LimitFilter._raised_messages.update(said)
        LimitFilter._group_count.clear()
        LimitFilter._group_count.update(groups)


def fetched_templates(generator) -> list:
    """Return the templates a generator fetched (those it wrote pages with)."""
    return list(generator._templates.values())


def text_as_read(content) -> str:
    """Return a post's HTML as the reader made it, links unresolved ("" if none)."""
    return getattr(content, TEXT_FIELD, None) or ""


def holds_links(content, text: str) -> bool:
    """Tell whether HTML holds an intrasite link ({filename}…) by the post's settings.

    Pelican resolves, and finds static files, only where its link pattern matches:
    without a match, a post's `content` is its text as read.
    """
    return content._get_intrasite_link_regex().search(text) is not None


def makes_own_content(content) -> bool:
    """Tell whether a content class makes its HTML itself, not from its text as read."""
    return hasattr(content, "_get_content")


def forget_rendered() -> None:
    """Empty Pelican's memos of every post's HTML and summary, which keep the posts.

    Each memo holds the posts it answered for, and each post its build's
    context: a process that builds again keeps every earlier site alive.
    """
    for name in ("get_content", "get_summary"):
        Content.__dict__[name].cache.clear()


def drop_text(content) -> None:
    """Empty a post's text, so nothing it links to is published."""
    content._content = ""


def replace_text(content, html: str) -> None:
    """Give a post new HTML as read (its links still to be resolved)."""
    content._content = html


def claim_output(writer, path: str, override: bool) -> bool:
    """Apply Pelican's rule on writing one file twice; False: skip this write.

    The rule of `Writer._open_w`: a file written with override may not be
    written again; a file written without it may only be overridden.
    """
    if path in writer._overridden_files:
        if override:
            raise FileOverwriteFailedError(f'Failed to overwrite "{path}" again')
        return False
    if path in writer._written_files and not override:
        raise FileOverwriteFailedError(
            f'Failed to overwrite "{path}" as Pelican has already written to it'
        )
    if override:
        writer._overridden_files.add(path)
    writer._written_files.add(path)
    return True


def release_output(writer, path: str) -> None:
    """Forget that the writer wrote `path`, so Pelican's own write of it passes."""
    writer._written_files.discard(path)
    writer._overridden_files.discard(path)


def caches_readings(readers) -> bool:
    """Tell whether the readers save what they read (CACHE_CONTENT is on)."""
    return bool(getattr(readers, "_cache_data_policy", False))


def file_stamp(readers, path: str):
    """Return what the reader cache compares to know `path` unchanged."""
    return readers._get_file_stamp(path)


def cacheable_metadata(metadata: dict) -> dict:
    """Return a reader's metadata as Pelican caches it (discarded values dropped)."""
    return _filter_discardable_metadata(metadata)


def store_reading(readers, path: str, stamp, reading: tuple) -> None:
    """Put one file's (content, metadata) in the reader cache under `stamp`.

    Pelican's own `cache_data` stamps the file again when it stores it; a
    reading made elsewhere keeps the stamp taken before it read the file, so a
    file edited meanwhile is read again next time.
    """
    readers._cache[path] = (stamp, reading)


class QuietWhenNoReaderIsOff:
    """A generator mixin: Pelican's walk for files of a disabled reader, only if one is.

    Pelican walks its content folders a second time each build to warn of
    files whose reader is disabled (Markdown not installed): with none
    disabled, that walk finds nothing to warn of.
    """

    def _check_disabled_readers(self, paths, exclude) -> None:
        """Pelican's hook: warn of disabled readers' files, when a reader is off."""
        if self.readers.disabled_readers:
            super()._check_disabled_readers(paths, exclude)


class ChoosingPelican(Pelican):
    """Pelican whose subclasses choose its generator classes and its writer."""

    def generator_classes(self, classes: list) -> list:
        """Return the generator classes to run, given Pelican's (all of them)."""
        return classes

    def make_writer(self):
        """Return the writer Pelican writes every page and feed with."""
        return super()._get_writer()

    def fresh_generators(self) -> list:
        """Make the generators as Pelican's run does, before they read anything."""
        context = self.settings.copy()
        context.update(generated_content={}, static_links=set(), static_content={})
        context["localsiteurl"] = self.settings["SITEURL"]
        return [
            kind(
                context=context,
                settings=self.settings,
                path=self.path,
                theme=self.theme,
                output_path=self.output_path,
            )
            for kind in self._get_generator_classes()
        ]

    def _get_generator_classes(self):
        """Pelican's hook: the generator classes, as `generator_classes` chose."""
        return self.generator_classes(super()._get_generator_classes())

    def _get_writer(self):
        """Pelican's hook: the writer `make_writer` makes."""
        return self.make_writer()
