"""Pelican's private names the blog uses, each behaviour pinned: an upgrade fails here.

Every test names the Pelican internal it pins; when one fails after upgrading
Pelican, fix `socratic_blog/pelican_internals.py` (the only module that uses
them) and nothing else.
"""

from __future__ import annotations

import os
from pathlib import Path

from pelican.contents import Article
from pelican.generators import ArticlesGenerator, StaticGenerator
from pelican.readers import BaseReader, Readers
from pelican.settings import DEFAULT_CONFIG, read_settings

from socratic_blog.pelican_internals import (
    CACHE_STATE,
    CONTEXT_FIELD,
    TEXT_FIELD,
    ChoosingPelican,
    QuietWhenNoReaderIsOff,
    cacheable_metadata,
    caches_readings,
    drop_text,
    file_stamp,
    holds_links,
    makes_own_content,
    replace_text,
    shared_context,
    store_reading,
    text_as_read,
)
from tests.support.builds import SETTINGS, settings_for
from tests.support.fixture_blog import write_content

POST = "Title: A post\nDate: 2024-01-02\n\nHello *there*.\n"
LINKED = '<p><a href="{filename}/other.md">other</a></p>'


def settings_in(folder: Path, **more) -> dict:
    """Pelican's own settings for a site in `folder`."""
    (folder / "content").mkdir(exist_ok=True)
    places = {"PATH": "content", "OUTPUT_PATH": "output", "CACHE_PATH": "cache"}
    places = {key: str(folder / name) for key, name in places.items()}
    return read_settings(override={**places, "PLUGINS": [], **more})


def post(context: dict) -> Article:
    """Make an article as a generator does, holding LINKED as read."""
    metadata = {"title": "A post", "slug": "a-post"}
    return Article(LINKED, metadata, settings=DEFAULT_CONFIG.copy(), context=context)


def test_a_post_holds_the_shared_context_it_was_read_into():
    context = {"localsiteurl": "", "generated_content": {}, "static_content": {}}
    article = post(context=context)
    assert shared_context(article) is context, (
        "Content._context no longer holds the context passed to Content()"
    )
    assert vars(article).get(CONTEXT_FIELD) is context, (
        f"Content.{CONTEXT_FIELD} is no longer where a post keeps the context:"
        " render_keys would hash the whole site into every page's key"
    )


def test_a_posts_text_as_read_keeps_its_links_unresolved():
    article = post(context={"generated_content": {}, "static_content": {}})
    assert text_as_read(article) == LINKED, (
        f"Content.{TEXT_FIELD} no longer holds the HTML as read"
    )
    assert vars(article)[TEXT_FIELD] == LINKED, (
        f"Content.{TEXT_FIELD} is no longer an attribute of the post"
    )
    drop_text(article)
    assert article.content == "", (
        f"emptying Content.{TEXT_FIELD} no longer empties Content.content"
    )


def test_a_text_holds_links_where_pelican_resolves_them():
    article = post(context={"generated_content": {}, "static_content": {}})
    plain = '<p>f"{value}" and <code>"|"</code></p>'
    assert holds_links(article, LINKED), (
        "Content._get_intrasite_link_regex() no longer finds a {filename} link"
    )
    assert not holds_links(article, plain)
    unlinked = post(context={"generated_content": {}, "static_content": {}})
    replace_text(unlinked, plain)
    assert unlinked.content == plain, (
        "Content.content changes a text its link pattern does not match"
    )


class MadeArticle(Article):
    """A content class that makes its HTML itself."""

    def _get_content(self) -> str:
        """Pelican's hook: the HTML, made."""
        return "<p>made</p>"


def test_a_class_that_makes_its_html_is_told_apart():
    context = {"generated_content": {}, "static_content": {}}
    assert not makes_own_content(post(context))
    made = MadeArticle(
        LINKED, {"title": "A post"}, settings=DEFAULT_CONFIG.copy(), context=context
    )
    assert makes_own_content(made)
    assert made.content == "<p>made</p>", (
        "Content._get_content no longer makes a post's HTML"
    )


def test_a_reading_stored_under_its_stamp_is_what_pelican_reads(tmp_path):
    settings = settings_in(tmp_path, CACHE_CONTENT=True, LOAD_CONTENT_CACHE=False)
    source = Path(settings["PATH"], "post.md")
    source.write_text(POST, encoding="utf-8")
    readers = Readers(settings, cache_name="pinned")
    off = Readers(settings_in(tmp_path, CACHE_CONTENT=False), cache_name="off")
    assert caches_readings(readers), (
        "Readers._cache_data_policy is no longer true with CACHE_CONTENT on"
    )
    assert not caches_readings(off), (
        "Readers._cache_data_policy is no longer false with CACHE_CONTENT off"
    )
    stored = ("<p>From the cache.</p>", {"title": "Stored"})
    store_reading(readers, str(source), file_stamp(readers, str(source)), stored)
    article = readers.read_file(
        base_path=settings["PATH"], path="post.md", content_class=Article
    )
    assert article.content == stored[0], (
        "Readers.read_file no longer takes a reading put in Readers._cache under"
        " the stamp of Readers._get_file_stamp"
    )
    later = source.stat().st_mtime + 5  # an edit, whatever the clock's grain
    os.utime(source, (later, later))
    assert readers.get_cached_data(str(source)) is None, (
        "Readers._get_file_stamp no longer tells an edited file from the cached one"
    )


def test_the_cached_metadata_leaves_out_what_a_reader_discarded(tmp_path):
    discarded = BaseReader(settings_in(tmp_path)).process_metadata("tags", "")
    metadata = {"title": "A post", "tags": discarded}
    assert cacheable_metadata(metadata) == {"title": "A post"}, (
        "readers._filter_discardable_metadata no longer drops an empty tags field"
    )


def test_a_generator_holds_its_reader_cache_in_the_named_fields(tmp_path):
    settings = settings_in(tmp_path, CACHE_CONTENT=True)
    places = [settings[name] for name in ("PATH", "THEME", "OUTPUT_PATH")]
    generator = ArticlesGenerator({}, settings, *places)
    missing = [name for name in CACHE_STATE if not hasattr(generator, name)]
    assert not missing, (
        f"a generator no longer holds its reader cache in {missing}: the preview's"
        " fast render would take them for the site's lists"
    )


class RecordingPelican(ChoosingPelican):
    """Pelican that records the generators it was offered and its writer's pages."""

    offered: tuple = ()
    static_ran = False
    written: tuple = ()

    def generator_classes(self, classes: list) -> list:
        """Record Pelican's generator classes; run them, noting the static one's run."""
        self.offered = tuple(classes)
        pelican = self

        class SeenStatic(StaticGenerator):
            def generate_output(self, writer):
                pelican.static_ran = True
                super().generate_output(writer)

        return [SeenStatic if kind is StaticGenerator else kind for kind in classes]

    def make_writer(self):
        """Return Pelican's writer, recording every page it writes."""
        writer = super().make_writer()
        write_file = writer.write_file
        self.written = []

        def recording(name, *args, **kwargs):
            self.written.append(name)
            return write_file(name, *args, **kwargs)

        writer.write_file = recording
        return writer


def test_pelican_builds_with_the_generators_and_writer_a_subclass_chose(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    write_content(content)
    overrides = settings_for(tmp_path, content)
    pelican = RecordingPelican(read_settings(str(SETTINGS[False]), override=overrides))
    pelican.run()
    assert StaticGenerator in pelican.offered, (
        "Pelican._get_generator_classes no longer lists StaticGenerator"
    )
    assert pelican.static_ran, (
        "Pelican.run no longer runs the generators _get_generator_classes returns"
    )
    output = Path(overrides["OUTPUT_PATH"])
    pages = {path.relative_to(output).as_posix() for path in output.rglob("*.html")}
    assert pages, "Pelican wrote no page"
    assert set(filter(None, pelican.written)) == pages, (
        "Pelican.run no longer writes every page with the writer _get_writer returns"
    )


class OffReader:
    """A reader Pelican disabled (its library missing)."""

    def disabled_message(self) -> str:
        """Say why, as Pelican's readers do."""
        return "the rst reader is off"


class QuietArticles(QuietWhenNoReaderIsOff, ArticlesGenerator):
    """Pelican's article generator, quiet when no reader is off."""


def test_the_walk_for_disabled_readers_runs_only_when_one_is_off(tmp_path, caplog):
    settings = settings_in(tmp_path)
    (tmp_path / "content" / "notes.rst").write_text("Notes\n=====\n\nHi.\n")
    made = {"context": {}, "settings": settings, "path": settings["PATH"]}
    made |= {"theme": settings["THEME"], "output_path": settings["OUTPUT_PATH"]}
    generator = QuietArticles(**made)
    walked = []
    listed = generator.get_files
    generator.get_files = lambda *args, **kwargs: (
        walked.append(args) or listed(*args, **kwargs)
    )
    generator._check_disabled_readers(settings["ARTICLE_PATHS"], [])
    assert walked == [], "the walk ran with no reader disabled"
    generator.readers.disabled_readers["rst"] = OffReader()
    generator._check_disabled_readers(settings["ARTICLE_PATHS"], [])
    assert walked, "Generator._check_disabled_readers no longer walks the paths"
    assert "notes.rst" in caplog.text, (
        "Generator._check_disabled_readers no longer warns of a disabled reader's file"
    )
