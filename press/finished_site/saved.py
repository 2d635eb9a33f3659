"""The saved site: a finished build's generators pickled beside the content cache.

After a full build, the site's posts, lists and the context's entries the
build made are saved; what the next build makes again (the settings, the
theme's Jinja, what the plugin adds as the generators start) is named in the
pickle, not saved, and taken from that build (pickling.py). A header first
says what the site stands for; reading it costs little.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
from pathlib import Path

from pelican.plugins import signals

from press.incremental.content_cache import SAVED_SITE_PREFIX
from socratic_blog.api import CACHE_STATE, RUN_CONTEXT

from .fast_render import post_lists
from .pickling import PLAIN, SitePickler, SiteUnpickler, Unsaved, wrappers_in

# A generator's attributes that Pelican or the plugin make anew with it.
MADE_WITH_GENERATOR = frozenset(
    {"context", "settings", "path", "theme", "output_path", "readers", "env"}
    | {"_templates", "_templates_path", "get_files", *CACHE_STATE}
)


def saved_path(settings: dict, output: Path) -> Path:
    """Name the saved site of `output` (one per output folder) in the cache's folder."""
    named = hashlib.sha256(str(output).encode()).hexdigest()[:12]
    return Path(settings["CACHE_PATH"]) / f"{SAVED_SITE_PREFIX}{named}.pickle"


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
        state = {
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
        posts = [
            post
            for generator in self.generators
            for name in post_lists(generator)
            for post in getattr(generator, name, ())
        ]
        found = [state["context"], *state["generators"]]
        wrappers = wrappers_in([v for f in found for v in f.values()], posts)
        pickler.dump_site(header, wrappers, state)


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
        unpickler.part()  # the header, read before
        state = unpickler.load_site()
    if state["kinds"] != [type(g).__name__ for g in generators]:
        raise Unsaved("the build makes other generators")
    if not set(state["made"]) <= made.keys():
        raise Unsaved("the plugin makes other values at start")
    context.update(state["context"])
    for generator, fields in zip(generators, state["generators"], strict=True):
        vars(generator).update(fields)
