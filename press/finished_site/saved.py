"""The saved site: a finished build's generators pickled beside the content cache.

After a full build, the site's posts, lists and the context's entries the
build made are saved; what the next build makes again (the settings, the
theme's Jinja, what the plugin adds as the generators start) is named in the
pickle, not saved, and taken from that build. Posts are saved blank, their
fields after, so the pickle never follows neighbour links down the whole
site. A header first says what the site stands for; reading it costs little.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
from pathlib import Path

from pelican.contents import Content
from pelican.plugins import signals

from press.incremental.content_cache import SAVED_SITE_PREFIX
from socratic_blog.api import CACHE_STATE, RUN_CONTEXT

# A generator's attributes that Pelican or the plugin make anew with it.
MADE_WITH_GENERATOR = frozenset(
    {"context", "settings", "path", "theme", "output_path", "readers", "env"}
    | {"_templates", "_templates_path", "get_files", *CACHE_STATE}
)
# Values never named: saved as they are.
PLAIN = (str, int, float, bool, type(None), bytes)


class Unsaved(Exception):
    """The saved site cannot stand for this build: a full build runs."""


def saved_path(settings: dict, output: Path) -> Path:
    """Name the saved site of `output` (one per output folder) in the cache's folder."""
    named = hashlib.sha256(str(output).encode()).hexdigest()[:12]
    return Path(settings["CACHE_PATH"]) / f"{SAVED_SITE_PREFIX}{named}.pickle"


def blank(kind: type) -> Content:
    """Make a post (or page) of `kind` with no fields yet: they follow."""
    return kind.__new__(kind)


class SitePickler(pickle.Pickler):
    """Pickle a site: named values by name, posts blank, their fields queued."""

    def __init__(self, file, named: dict[int, tuple]):
        """Pickle into `file`, naming the values `named` holds by identity."""
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self.named = named
        self.posts: list[Content] = []

    def persistent_id(self, obj):
        """Name a value the next build makes again."""
        return None if type(obj) in PLAIN else self.named.get(id(obj))

    def reducer_override(self, obj):
        """Save a post blank, its fields queued for later."""
        if not isinstance(obj, Content):
            return NotImplemented
        self.posts.append(obj)
        return blank, (type(obj),)

    def dump_posts(self) -> None:
        """Save the queued posts' fields, and those of the posts they name."""
        done = 0
        while done < len(self.posts):
            batch, done = self.posts[done:], len(self.posts)
            self.dump([(post, vars(post)) for post in batch])
        self.dump(None)


class SiteUnpickler(pickle.Unpickler):
    """Read a saved site, its named values taken from this build."""

    def __init__(self, file, named: dict[tuple, object]):
        """Read from `file`, the values named by `named`."""
        super().__init__(file)
        self.named = named

    def persistent_load(self, pid):
        """Return this build's value for a name."""
        try:
            return self.named[tuple(pid)]
        except KeyError:
            raise Unsaved(f"no value named {pid!r}") from None


def names_of(settings: dict, context: dict, made: dict) -> dict[tuple, object]:
    """Name the values a build makes again: its settings, its context, the plugin's."""
    named: dict[tuple, object] = {("settings",): settings, ("context",): context}
    named.update(
        (("setting", k), v) for k, v in settings.items() if type(v) not in PLAIN
    )
    named.update((("made", k), v) for k, v in made.items())
    return named


def made_at_start(generator) -> dict:
    """Return what the plugin put in the context as the generators were made."""
    settings, context = generator.settings, generator.context
    return {
        k: v
        for k, v in context.items()
        if k not in RUN_CONTEXT and (k not in settings or settings[k] is not v)
    }


class SiteSaver:
    """Keep a build's generators and what the plugin made at start, to save them."""

    def __init__(self):
        """Hold nothing until a build runs."""
        self.generators: list = []
        self.made: dict = {}

    def connect(self) -> None:
        """Listen to the build's generators."""
        signals.generator_init.connect(self.started)
        signals.all_generators_finalized.connect(self.finished)

    def disconnect(self) -> None:
        """Stop listening."""
        signals.generator_init.disconnect(self.started)
        signals.all_generators_finalized.disconnect(self.finished)

    def started(self, generator) -> None:
        """Note what the context holds once a generator is made."""
        self.made = made_at_start(generator)

    def finished(self, generators) -> None:
        """Keep the finished generators."""
        self.generators = list(generators)

    def save(self, path: Path, header: dict) -> bool:
        """Save the site whole under `path`, or leave none; tell whether it was."""
        partial = path.with_name(f".{path.name}.{os.getpid()}")
        try:
            with partial.open("wb") as file:
                self.dump(file, header)
            partial.replace(path)
        except Exception:  # a value that will not pickle: no saved site
            for gone in (partial, path):
                gone.unlink(missing_ok=True)
            return False
        return True

    def dump(self, file, header: dict) -> None:
        """Pickle the header, the generators' state and the posts into `file`."""
        first = self.generators[0]
        settings, context = first.settings, first.context
        made = {k: v for k, v in self.made.items() if context.get(k) is v}
        named = names_of(settings, context, made)
        pickler = SitePickler(file, {id(v): k for k, v in named.items()})
        pickler.dump(header)
        pickler.dump(
            {
                "kinds": [type(g).__name__ for g in self.generators],
                "made": sorted(made),
                "context": {
                    k: v
                    for k, v in context.items()
                    if k not in made and (k not in settings or settings[k] is not v)
                },
                "generators": [
                    {k: v for k, v in vars(g).items() if k not in MADE_WITH_GENERATOR}
                    for g in self.generators
                ],
            }
        )
        pickler.dump_posts()


def read_header(path: Path) -> dict | None:
    """Read a saved site's header, or None if there is none or it is damaged."""
    with contextlib.suppress(Exception), path.open("rb") as file:
        header = pickle.Unpickler(file).load()
        return header if isinstance(header, dict) else None
    return None


def load_into(path: Path, generators: list) -> None:
    """Fill a fresh build's generators with the saved site; Unsaved if it cannot."""
    first = generators[0]
    settings, context = first.settings, first.context
    made = made_at_start(first)
    with path.open("rb") as file:
        unpickler = SiteUnpickler(file, names_of(settings, context, made))
        unpickler.load()  # the header, read before
        state = unpickler.load()
        if state["kinds"] != [type(g).__name__ for g in generators]:
            raise Unsaved("the build makes other generators")
        if not set(state["made"]) <= made.keys():
            raise Unsaved("the plugin makes other values at start")
        while (batch := unpickler.load()) is not None:
            for post, fields in batch:
                post.__dict__.update(fields)
    context.update(state["context"])
    for generator, fields in zip(generators, state["generators"], strict=True):
        vars(generator).update(fields)
