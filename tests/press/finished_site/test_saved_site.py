"""The saved site's parts: sources' stamps, the pickle, templates compiled on disk."""

from __future__ import annotations

import io
import os

import pytest
from jinja2 import DictLoader, Environment
from pelican.contents import Article
from pelican.urlwrappers import Tag

from press.finished_site import sources
from press.finished_site.pickling import (
    BATCH,
    SitePickler,
    SiteUnpickler,
    Unsaved,
    wrappers_in,
)
from press.incremental.compiled_templates import ProcessBytecodeCache, described


def test_a_source_saved_with_the_same_bytes_is_not_edited(tmp_path):
    post = tmp_path / "posts/a/index.md"
    post.parent.mkdir(parents=True)
    post.write_text("---\ntitle: A\n---\n\nText.\n", encoding="utf-8")
    read = sources.read_sources(tmp_path)
    assert list(read) == ["posts/a/index.md"]
    os.utime(post, ns=(1, 1))  # a checkout's new time, the bytes the same
    assert sources.edited(read, tmp_path, {}) == {}
    post.write_text("---\ntitle: A\n---\n\nText, edited.\n", encoding="utf-8")
    edited = sources.edited(read, tmp_path, {})
    assert list(edited) == ["posts/a/index.md"]
    assert sources.edited(read, tmp_path, edited) == {}  # its page written since
    (tmp_path / "posts/a/notes.txt").write_text("not a source", encoding="utf-8")
    assert sources.edited(read, tmp_path, {}) == edited
    (tmp_path / "posts/b.md").write_text("---\ntitle: B\n---\n", encoding="utf-8")
    assert sources.edited(read, tmp_path, {}) is None  # a new post: the full build


def chain(count: int, settings: dict) -> list[Article]:
    """Posts each naming the one before and after, as neighbours do."""
    posts = []
    for number in range(count):
        post = Article.__new__(Article)
        post.title, post.settings = f"post {number}", settings
        post.prev_article, post.next_article = (posts[-1] if posts else None), None
        if posts:
            posts[-1].next_article = post
        posts.append(post)
    return posts


def saved_and_loaded(state: dict, settings: dict, fresh: dict, wrappers=()) -> dict:
    """Pickle a site's state as a build saves it; load it as the next build does."""
    file = io.BytesIO()
    pickler = SitePickler(file, {id(settings): ("settings",)})
    pickler.dump_site({"format": 0}, list(wrappers), state)
    file.seek(0)
    unpickler = SiteUnpickler(file, {("settings",): fresh})
    assert unpickler.part() == {"format": 0}
    return unpickler.load_site()


def test_a_site_of_thousands_of_neighbours_pickles_without_deep_recursion():
    settings = {"SITEURL": "", "a filter": lambda value: value}  # will not pickle
    posts = chain(20_000, settings)
    fresh = {"SITEURL": "", "a filter": str}
    state = saved_and_loaded({"articles": posts, "newest": posts[-1]}, settings, fresh)
    loaded = state["articles"]
    assert state["newest"] is loaded[-1]
    assert [post.title for post in loaded[:2]] == ["post 0", "post 1"]
    assert loaded[5].prev_article is loaded[4]
    assert loaded[4].next_article is loaded[5]
    assert all(post.settings is fresh for post in loaded)


def test_a_tag_is_one_object_in_every_part_of_the_pickle():
    settings = {"SITEURL": ""}
    tag = Tag("career", settings)
    posts = chain(BATCH * 3, settings)
    for post in posts:
        post.tags = [tag]
    state = {"articles": posts, "tags": {tag: posts}}
    loaded = saved_and_loaded(
        state, settings, settings, wrappers_in([state["tags"]], [])
    )
    (kept,) = loaded["tags"]
    assert all(post.tags[0] is kept for post in loaded["articles"])
    assert loaded["tags"][kept][-1] is loaded["articles"][-1]


def test_a_value_the_next_build_lacks_is_not_loaded():
    shout = {"SHOUT": str.upper}  # a setting this build has, the next one not
    file = io.BytesIO()
    SitePickler(file, {id(shout): ("setting", "SHOUT")}).dump_site({}, [], shout)
    file.seek(0)
    unpickler = SiteUnpickler(file, {("settings",): {}})
    unpickler.part()
    with pytest.raises(Unsaved):
        unpickler.load_site()


TEMPLATES = {"page.html": "<p>{{ 'guide'|shout }}</p>"}


def environment(cache: ProcessBytecodeCache, shout) -> Environment:
    """A Jinja environment with a `shout` filter a template folds into its code."""
    env = Environment(loader=DictLoader(TEMPLATES), bytecode_cache=cache)
    env.filters["shout"] = shout
    return env


def shout(text: str) -> str:
    """Say it louder."""
    return text.upper()


def test_templates_compiled_by_one_build_are_read_by_the_next_process(tmp_path):
    first = ProcessBytecodeCache()
    first.folder = tmp_path
    assert (
        environment(first, shout).get_template("page.html").render() == "<p>GUIDE</p>"
    )
    assert len(list(tmp_path.iterdir())) == 1
    later = ProcessBytecodeCache()  # another process: nothing in memory
    later.folder = tmp_path
    compiled = []
    env = environment(later, shout)
    env.compile = lambda *args, **kwargs: (
        compiled.append(args) or Environment.compile(env, *args, **kwargs)
    )
    assert env.get_template("page.html").render() == "<p>GUIDE</p>"
    assert compiled == []


def test_a_filter_is_described_by_its_code_and_what_it_holds():
    def made(word):
        return lambda text: word

    assert described(shout) == described(shout)
    assert "0x" not in described(shout)  # no address: the same in every process
    assert described(made("a")) != described(made("b"))
    assert described(lambda text: "a") != described(lambda text: "b")
