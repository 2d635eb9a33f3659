"""Kept posts: what the reader made of each source, kept for the site model's next edit.

A build makes one Pelican object per post (or page) from the content cache:
the reader's HTML and metadata, the URL settings expanded, the plugin's
checks run. None of that changes while the source file does not, so the
preview's kept worker keeps a pristine copy of each object as the reader
returned it (before the generators add neighbours, tags, related posts), with
the source's stat taken before it was read. When the site model applies an
edit, each unchanged source (same stat, not among the edited files) is given
a fresh copy of its kept object instead of being read again; the edited
sources are read as a build reads them, and kept in turn.

A post the schedule holds back (dated in the future) is always read again:
its status depends on the time of the build.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from pelican.contents import Article, Page
from pelican.plugins import signals

from press.incremental.fingerprints import RememberedFields
from socratic_blog.api import CONTEXT_FIELD, claim_names

# The objects kept: posts and pages, as the Markdown reader makes them.
KEPT_CLASSES = (Article, Page)
# Fields holding containers the generators and handlers may change in place.
MUTABLE = (list, dict, set)
# Fields holding the build's, not the post's: each build's copy is given its own.
SHARED_FIELDS = frozenset({CONTEXT_FIELD, "settings"})


def source_stamp(path: str) -> tuple[int, ...] | None:
    """Return what tells a source file apart from any rewrite of it (None if gone)."""
    try:
        status = os.stat(path)
    except OSError:
        return None
    return (status.st_ino, status.st_size, status.st_mtime_ns, status.st_ctime_ns)


def fresh_copy(post, context: dict | None = None, settings: dict | None = None):
    """Copy a post: its fields, and the lists and dicts it holds, one level down.

    A list held twice (a field and its metadata entry) stays one list, so the
    copy describes itself as the original does (render_keys.py). The build's
    context and settings are shared, not copied: a copy served to a build is
    given that build's.
    """
    copies: dict[int, object] = {}

    def own(value):
        if type(value) not in MUTABLE:
            return value
        if id(value) not in copies:
            copies[id(value)] = value.copy()
        return copies[id(value)]

    fields = {
        name: value if name in SHARED_FIELDS else own(value)
        for name, value in vars(post).items()
    }
    fields["metadata"] = {k: own(v) for k, v in post.metadata.items()}
    if context is not None:
        fields[CONTEXT_FIELD] = context
    if settings is not None:
        fields["settings"] = settings
    new = object.__new__(type(post))
    new.__dict__.update(fields)
    return new


def edited_paths(sources: list[str]) -> frozenset[str]:
    """Return the edited sources' paths as Pelican may name them: absolute, real."""
    both = [(os.path.abspath(source), os.path.realpath(source)) for source in sources]
    return frozenset(path for pair in both for path in pair)


class KeptPosts:
    """Pristine posts by source path, recorded as read and served to the next build."""

    def __init__(self):
        """Keep nothing and serve nothing until told to."""
        self.posts: dict[str, tuple[tuple[int, ...], object]] = {}
        # The settings the kept posts were read with (one build's).
        self.settings: dict | None = None
        self.serving = False
        self.edited: frozenset[str] = frozenset()
        self.reused = 0
        # What the render keys made of each post's fields, for the next build's.
        self.fields = RememberedFields()

    @classmethod
    def recording(cls) -> KeptPosts:
        """Return kept posts recording what every build of this process reads."""
        posts = cls()
        signals.generator_init.connect(posts.watch)
        return posts

    def stop_recording(self) -> None:
        """Stop recording the builds' posts (a recording's)."""
        signals.generator_init.disconnect(self.watch)

    def watch(self, generator) -> None:
        """Read a generator's files through the kept posts (on generator_init)."""
        readers = getattr(generator, "readers", None)
        if readers is None or getattr(readers.read_file, "kept_by", None) is self:
            return
        read = readers.read_file
        settings = readers.settings

        def read_file(base_path, path, content_class=Page, *args, **kwargs):
            how = (content_class, args, kwargs, settings)
            return self.read(read, base_path, path, how)

        read_file.kept_by = self
        readers.read_file = read_file

    def read(self, read: Callable, base_path, path, how: tuple):
        """Serve a copy of the kept post for an unchanged source; else read and keep."""
        content_class, args, kwargs, settings = how
        # Its stat follows links: a link's file, once changed, is read again.
        source = os.path.abspath(os.path.join(base_path, path))
        stamp = source_stamp(source)
        if self.serving and content_class in KEPT_CLASSES:
            kept = self.posts.get(source)
            if kept is not None and kept[0] == stamp and source not in self.edited:
                return self.reused_copy(kept[1], kwargs.get("context"), settings)
        post = read(base_path, path, content_class, *args, **kwargs)
        keeps = type(post) is content_class and content_class in KEPT_CLASSES
        if keeps and stamp is not None and not getattr(post, "scheduled", False):
            # Not its build's context: that holds the whole site, kept for nothing.
            self.posts[source] = (stamp, fresh_copy(post, context={}))
            self.settings = post.settings
        return post

    def reused_copy(self, kept, context: dict | None, settings: dict):
        """Copy a kept post into this build, claiming its slug as reading it does."""
        post = fresh_copy(kept, context, settings)
        claim_names(post)
        self.reused += 1
        return post

    def serve(self, edited: list[str]) -> None:
        """Serve kept posts to the build about to run, but for the `edited` sources."""
        self.edited = edited_paths(edited)
        self.serving = True
        self.reused = 0

    def stop_serving(self) -> None:
        """Read every source again (the build that served is over)."""
        self.serving = False
