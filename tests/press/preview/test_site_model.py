"""Each kind of edit, through the preview's kept site, gives a clean build's bytes."""

from __future__ import annotations

import builtins
import gc
import io
import shutil
import tempfile
import weakref
from pathlib import Path

import pytest
from pelican.plugins import signals

from press import build
from press.output.search_index import BUNDLE
from press.preview.answers import answers, removed_pages
from press.preview.site_model import SiteModel
from press.preview.site_model import applied as preview_applied
from tests.support.builds import applied, contents, snapshot
from tests.support.edited_site import ROOT
from tests.support.model_edits import EDITS, built_and_modelled, post_source


@pytest.mark.parametrize("kind", list(EDITS))
def test_each_kind_of_edit_previews_as_a_clean_build(blog, kept, kind):
    output, before, model = built_and_modelled(blog)

    sources = EDITS[kind](blog)
    fast = next(answers(kept, model, sources, output))  # what shows at once
    try:
        applied_edit = preview_applied(model, sources)
    finally:
        model.close()
    blog.build(output)  # the full build that follows has the last word

    clean = Path(tempfile.mkdtemp(prefix="clean-", dir=blog.root)) / "output"
    blog.build(clean)
    built = contents(clean)
    assert snapshot(output) == snapshot(clean)
    for name, data in (fast or {}).items():
        assert data == built.get(name), name
    assert applied_edit is not None
    assert model.kept.reused >= 2  # the posts the edit left alone, not read again
    assert applied(before, applied_edit) == built
    shutil.rmtree(clean.parent)


def test_the_search_index_is_left_to_the_preview(blog, monkeypatch):
    """The model neither carries the live search index nor reports it gone."""
    output, _, model = built_and_modelled(blog)
    index = output / BUNDLE / "fragment" / "en_1.pf_fragment"
    index.parent.mkdir(parents=True)
    index.write_bytes(b"indexed")
    carried = []
    monkeypatch.setattr(build, "carry_index", lambda *args: carried.append(args))
    try:
        changes = preview_applied(model, EDITS["title"](blog))
    finally:
        model.close()
    assert changes
    assert not [name for name in changes if name.startswith(f"{BUNDLE}/")]
    assert carried == []


def test_a_broken_post_is_left_to_the_full_build(blog):
    output = blog.root / "output"
    blog.build(output)
    model = SiteModel(ROOT / "pelicanconf.py", blog.overrides(output), drafts=True)
    source = Path(post_source(blog, "post-1"))
    source.write_text(source.read_text().replace("title:", "\ttitle:"), "utf-8")
    try:
        assert preview_applied(model, [str(source)]) is None
    finally:
        model.close()


def test_edits_one_after_another_apply_to_the_same_model(blog):
    output = blog.root / "output"
    blog.build(output)
    before = contents(output)
    model = SiteModel(ROOT / "pelicanconf.py", blog.overrides(output), drafts=True)
    try:
        first = EDITS["title"](blog)
        assert preview_applied(model, first) is not None
        applied_edit = preview_applied(model, first + EDITS["new post"](blog))
    finally:
        model.close()
    blog.build(output)
    assert applied_edit is not None
    assert applied(before, applied_edit) == contents(output)


def test_a_new_post_taking_a_kept_posts_slug_is_left_to_the_full_build(blog):
    """A kept post, not read again, still claims its slug: nothing is shown first.

    The new post is the newest: its page, at the kept post's address, would be
    rendered and sent first were the clash found only when the pages are written.
    """
    _, _, model = built_and_modelled(blog)
    folder = blog.add_post("omega", "Ship it", "2025-06-01", ["salary"])
    blog.sources[folder]["slug"] = blog.sources["post-2"]["slug"]
    blog.write(folder)
    sent: list = []
    try:
        assert preview_applied(model, [post_source(blog, folder)], sent.append) is None
    finally:
        model.close()
    assert sent == []
    assert model.kept.reused >= 2


def test_a_post_saved_but_not_named_is_read_again(blog):
    """The kept posts serve a source only while its file is the one read."""
    output, before, model = built_and_modelled(blog)
    unnamed = EDITS["tags"](blog)  # post-1, saved but left out of the edit
    try:
        applied_edit = preview_applied(model, EDITS["page"](blog))
    finally:
        model.close()
    blog.build(output)
    assert unnamed[0] not in model.kept.edited
    assert applied_edit is not None
    assert applied(before, applied_edit) == contents(output)


def test_a_deleted_posts_page_is_gone_before_the_model_is_done(blog, kept):
    output, _, model = built_and_modelled(blog)
    page = f"posts/{blog.sources['post-2']['slug']}/index.html"
    assert (output / page).is_file()
    sources = EDITS["deleted post"](blog)
    answered = answers(kept, model, sources, output)
    try:
        assert next(answered) == {page: None}  # before the model has run
        assert model.kept.reused == 0
        assert next(answered)[page] is None
    finally:
        model.close()
    blog.build(output)
    assert not (output / page).exists()


def test_a_post_back_before_the_model_read_it_is_shown_again(blog, kept):
    """An editor may delete a file, then write it: the page comes back."""
    output, _, model = built_and_modelled(blog)
    source = Path(post_source(blog, "post-2"))
    text = source.read_text(encoding="utf-8")
    page = f"posts/{blog.sources['post-2']['slug']}/index.html"
    source.unlink()
    answered = answers(kept, model, [str(source)], output)
    try:
        assert next(answered) == {page: None}
        source.write_text(text, encoding="utf-8")
        assert next(answered)[page] == (output / page).read_bytes()
    finally:
        model.close()


def test_a_post_moved_to_another_folder_is_left_to_the_model(blog, kept):
    """The post added meanwhile may take the deleted one's address."""
    built_and_modelled(blog)[2].close()
    gone = EDITS["deleted post"](blog)

    assert removed_pages(kept, gone) is not None
    assert removed_pages(kept, gone + EDITS["new post"](blog)) is None
    assert removed_pages(kept, [str(blog.root / "content/posts/unknown.md")]) is None


def test_the_posts_an_edit_spares_are_not_read_from_disk(blog, monkeypatch):
    """Served from memory: neither read again nor opened to be stamped."""
    model = built_and_modelled(blog)[2]
    posts = blog.root / "content/posts"
    opened = []
    real_open = builtins.open

    def watched_open(file, *args, **kwargs):
        if isinstance(file, str | Path) and Path(file).is_relative_to(posts):
            opened.append(Path(file).parent.name)
        return real_open(file, *args, **kwargs)

    sources = EDITS["title"](blog)
    monkeypatch.setattr(builtins, "open", watched_open)
    monkeypatch.setattr(io, "open", watched_open)  # pathlib's
    try:
        assert preview_applied(model, sources) is not None
    finally:
        model.close()
    assert set(opened) == {"post-1"}


def test_an_edit_lets_the_site_of_the_edit_before_go(blog):
    """The model keeps the posts as read, not each edit's site: memory stays flat."""
    model = built_and_modelled(blog)[2]
    sites: list[weakref.WeakSet] = []

    def note(generators) -> None:
        posts = (post for g in generators for post in getattr(g, "articles", ()))
        sites.append(weakref.WeakSet(posts))

    signals.all_generators_finalized.connect(note)
    try:
        for kind in ("title", "draft"):  # two posts: the first one's copy stays
            assert preview_applied(model, EDITS[kind](blog)) is not None
    finally:
        signals.all_generators_finalized.disconnect(note)
        model.close()
    gc.collect()
    assert len(sites) == 2 and len(sites[0]) == 0
