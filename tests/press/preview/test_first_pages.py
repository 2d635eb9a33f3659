"""The pages showing an edited post come first, with a clean build's bytes."""

from __future__ import annotations

import multiprocessing
import tempfile
from pathlib import Path
from types import SimpleNamespace

import pytest
from pelican.plugins import signals

from press.preview.answers import answers
from press.preview.rebuilds import ANSWERED, KeptWorker, Rebuilder
from tests.support.builds import applied, contents
from tests.support.model_edits import (
    EDITS,
    built_and_modelled,
    post_source,
)


def answered(blog, kept, edit: str) -> tuple[list[dict], list, dict, dict]:
    """Apply an edit as the kept worker does; return the first pages, answers, before
    and the clean build's bytes."""
    output, before, model = built_and_modelled(blog)
    sources = EDITS[edit](blog) if edit in EDITS else edit(blog)
    first: list[dict] = []
    try:
        said = list(answers(kept, model, sources, output, first.append))
    finally:
        model.close()
    clean = Path(tempfile.mkdtemp(prefix="clean-", dir=blog.root)) / "output"
    blog.build(clean)
    return first, said, before, contents(clean)


@pytest.mark.parametrize("edit", ["tags", "date", "new post"])
def test_pages_showing_the_edited_post_come_first(blog, kept, edit):
    first, said, before, built = answered(blog, kept, edit)

    # Each page as soon as it is rendered, the post's own page first; all of
    # them before the model's answer.
    slug = "omega" if edit == "new post" else blog.sources["post-1"]["slug"]
    assert f"posts/{slug}/index.html" in first[0]
    shown = {name: data for pages in first for name, data in pages.items()}
    assert len(shown) == sum(map(len, first))  # none sent twice
    if edit == "tags":
        assert "tags/interviews/index.html" in shown  # the new tag's page
    if edit == "date":
        assert "index.html" in shown  # the home page lists it first now
    for name, data in shown.items():
        assert data == built[name], name
    rest = said[-1]
    assert not shown.keys() & rest.keys()  # not sent twice
    assert applied(before, {**shown, **rest}) == built


def test_a_new_posts_page_comes_before_the_other_pages_are_written(blog, kept):
    """The newest post's page is Pelican's first: it is not held behind the rest."""
    output, _, model = built_and_modelled(blog)
    sources = EDITS["new post"](blog)
    said: list = []

    def written(generator, writer) -> None:  # every page of the posts handed over
        said.append("the posts' pages all written")

    signals.article_writer_finalized.connect(written)
    try:
        list(answers(kept, model, sources, output, said.append))
    finally:
        signals.article_writer_finalized.disconnect(written)
        model.close()
    assert "posts/omega/index.html" in said[0]
    assert said.index("the posts' pages all written") > 0


def test_a_page_not_showing_the_edited_post_waits(blog, kept):
    first, said, _, built = answered(blog, kept, "tags")

    every_tag = "tags/index.html"  # names the new tag, not the post
    assert all(every_tag not in pages for pages in first)
    assert said[-1][every_tag] == built[every_tag]


def test_nothing_comes_first_once_the_build_logged_an_error(blog, kept):
    def broken_and_new(site):
        source = Path(post_source(site, "post-1"))
        source.write_text(source.read_text().replace("title:", "\ttitle:"), "utf-8")
        return [str(source), *EDITS["new post"](site)]

    output, _, model = built_and_modelled(blog)
    sources = broken_and_new(blog)
    first: list[dict] = []
    try:
        said = list(answers(kept, model, sources, output, first.append))
    finally:
        model.close()
    assert first == []
    assert said[-1] is None  # left to the full build, which reports the error


def test_the_preview_shows_every_answer_until_the_worker_is_done(tmp_path):
    """The kept worker may answer three times (at once, first pages, the rest)."""
    rebuild = Rebuilder(tmp_path / "pelicanconf.py")
    ours, theirs = multiprocessing.Pipe()
    killed = []
    process = SimpleNamespace(kill=lambda: killed.append(True), join=lambda: None)
    rebuild.kept = KeptWorker(process, ours, {})
    said = [{"a.html": None}, {"b.html": b"first"}, {"c.html": b"rest"}]
    for answer in [*said, ANSWERED, {"late.html": b"next edit"}]:
        theirs.send(answer)
    shown = []
    rebuild.render(lambda seen: ["post.md"], shown.append)
    assert shown == said
    assert theirs.recv() == ["post.md"]
    assert rebuild.kept is not None and not killed  # the worker stays, trusted
    assert ours.recv() == {"late.html": b"next edit"}  # left for the next edit
