"""The process's compiled templates: shared between builds, never stale."""

from __future__ import annotations

from jinja2 import DictLoader, Environment

from press.incremental.compiled_templates import ProcessBytecodeCache

TEMPLATES = {"page.html": "<link href=\"{{ 'style.css'|hashed }}\">"}


def environment(cache: ProcessBytecodeCache, hashed) -> Environment:
    """A Jinja environment as a build makes one, with its `hashed` filter."""
    env = Environment(loader=DictLoader(TEMPLATES), bytecode_cache=cache)
    env.filters["hashed"] = hashed
    return env


def test_a_filter_folded_into_the_code_is_not_served_to_the_next_build():
    cache = ProcessBytecodeCache()
    first = environment(cache, lambda name: "style.aaaa.css")
    assert first.get_template("page.html").render() == '<link href="style.aaaa.css">'
    second = environment(cache, lambda name: "style.bbbb.css")
    assert second.get_template("page.html").render() == '<link href="style.bbbb.css">'


class Hashed:
    """A filter object made anew each build, as Pelican's `strftime` is."""

    def __init__(self):
        """Hash as every build does."""
        self.length = 4

    def __call__(self, name: str) -> str:
        """Name the stylesheet."""
        return "style." + "a" * self.length + ".css"


def test_a_build_with_the_same_filters_and_sources_compiles_nothing_again():
    cache = ProcessBytecodeCache()
    environment(cache, Hashed()).get_template("page.html")
    environment(cache, Hashed()).get_template("page.html")
    assert len(cache.compiled) == 1
