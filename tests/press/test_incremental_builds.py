"""Incremental builds: after any edits, output/ equals a clean build, byte for byte."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, settings
from pelican.contents import Content

from press.incremental import source_paths
from press.incremental import writer as incremental_writer
from press.workers import read_ahead as parallel_read
from press.workers import render as parallel_render
from tests.support.builds import snapshot
from tests.support.edited_site import DATES, TAGS, EditedSite

EditedSite.TestCase.settings = settings(
    max_examples=20,
    stateful_step_count=8,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
test_edits_build_like_a_clean_build = pytest.mark.slow(EditedSite.TestCase)


def rendered_pages(monkeypatch) -> list:
    """Render in this process, naming each page rendered in the list returned."""
    rendered = []

    def counted(jobs, *_):
        rendered.extend(getattr(job, "args", (None,) * 5)[4] for job in jobs)
        for job in jobs:
            job()

    monkeypatch.setattr(incremental_writer, "render_all", counted)
    return rendered


def add_posts(site: EditedSite, count: int, tags_of) -> None:
    """Add `count` posts, a day apart from 10 January 2024, tagged `tags_of(n)`."""
    for number in range(count):
        date = f"2024-01-{number + 10}"
        site.add_post(f"post-{number}", f"Post {number}", date, tags_of(number))


def test_an_edit_rewrites_only_the_pages_it_shapes(tmp_path):
    site = EditedSite()
    try:
        for slug, date in [("one", "2024-01-05"), ("two", "2024-02-10")]:
            site.add_post(slug, slug.title(), date, ["career"])
        site.add_post("three", "Three", "2024-03-15", ["salary"])
        output = site.root / "output"
        site.build(output)
        before = {path: path.stat() for path in output.rglob("*") if path.is_file()}

        site.sources["post-1"]["body"] = "Rewritten.\n"
        site.write("post-1")
        site.build(output)

        changed = {
            path.relative_to(output).as_posix()
            for path, status in before.items()
            if (path.stat().st_ino, path.stat().st_mtime_ns)
            != (status.st_ino, status.st_mtime_ns)
        }
        assert "posts/one/index.html" in changed
        assert "posts/three/index.html" not in changed
        assert "tags/salary/index.html" not in changed
        assert "404.html" not in changed
    finally:
        site.teardown()


def test_parallel_reading_and_rendering_build_like_one_process(tmp_path, monkeypatch):
    site = EditedSite()
    try:
        for number in range(40):
            tags = [TAGS[number % len(TAGS)]]
            site.add_post(f"post-{number}", f"Post {number}", DATES[number % 4], tags)
        parallel = tmp_path / "parallel" / "output"
        site.build(parallel)
        monkeypatch.setattr(parallel_read, "WORTH_FORKING", 10**6)
        monkeypatch.setattr(parallel_render, "WORTH_FORKING", 10**6)
        one_process = tmp_path / "one-process" / "output"
        site.build(one_process)
        assert snapshot(parallel) == snapshot(one_process)
    finally:
        site.teardown()


def test_a_build_after_a_build_renders_no_page_again(monkeypatch):
    site = EditedSite()
    rendered = rendered_pages(monkeypatch)
    try:
        for number in range(3):
            site.add_post(f"post-{number}", f"Post {number}", DATES[number], ["career"])
        output = site.root / "output"
        site.build(output)
        site.build(output)
        rendered.clear()
        site.build(output)
        assert rendered == []
    finally:
        site.teardown()


def test_a_sentence_renders_the_pages_that_show_its_post_and_no_other(monkeypatch):
    site = EditedSite()
    rendered = rendered_pages(monkeypatch)
    try:
        add_posts(site, 12, lambda number: [f"tag {number}"])
        output = site.root / "output"
        site.build(output)
        rendered.clear()
        site.sources["post-6"]["body"] = "Rewritten.\n"
        site.write("post-6")
        site.build(output)
        assert "posts/post-6/index.html" in rendered
        assert "posts/post-1/index.html" not in rendered
        assert "tags/tag-1/index.html" not in rendered
    finally:
        site.teardown()


def test_a_build_works_each_source_path_out_once(monkeypatch):
    """Pelican asks a dozen times a post; the build works each path out once."""
    asked = []

    def counted(content, source_path=None):
        asked.append((content.settings["PATH"], source_path or content.source_path))
        return Pelicans(content, source_path)

    Pelicans = source_paths.PELICANS_OWN
    monkeypatch.setattr(source_paths, "PELICANS_OWN", counted)
    site = EditedSite()
    try:
        for number in range(3):
            site.add_post(f"post-{number}", f"Post {number}", DATES[number], ["career"])
        site.build(site.root / "output")
        assert len(asked) >= 3
        assert len(asked) == len(set(asked))
        assert Content.get_relative_source_path is Pelicans  # Pelican's own again
    finally:
        site.teardown()


def test_a_sentence_spares_the_pages_that_list_or_name_its_post(monkeypatch):
    """Cards, neighbours and related guides show no text: their pages stay."""
    site = EditedSite()
    rendered = rendered_pages(monkeypatch)
    try:
        add_posts(site, 6, lambda number: ["career"])
        output = site.root / "output"
        site.build(output)
        rendered.clear()
        post = site.sources["post-3"]  # slug post-2: its neighbours post-1, post-3
        # The first paragraph is the post's description, which cards show.
        post["body"] = f"Text of {post['title']}.\n\n## One\n\nLater.\n"
        site.write("post-3")
        site.build(output)
        pages = {name for name in rendered if name and name.endswith(".html")}
        assert pages == {"posts/post-2/index.html"}
        rendered.clear()
        post["title"] = "Renamed"
        site.write("post-3")
        site.build(output)
        # Its neighbours, the guides naming it, the lists: all show its title.
        assert {"posts/post-1/index.html", "posts/post-3/index.html"} <= set(rendered)
        assert {"index.html", "tags/career/index.html"} <= set(rendered)
    finally:
        site.teardown()


def test_a_link_to_a_post_follows_its_new_address(monkeypatch):
    """A post linking another by {filename} shows the address it has now."""
    site = EditedSite()
    rendered = rendered_pages(monkeypatch)
    try:
        target = site.new_post("first", "First", "2024-01-01", ["salary"])
        add_posts(site, 3, lambda number: ["career"])  # between the two: no neighbour
        linking = site.new_post("last", "Last", "2024-02-01", ["remote"])
        site.sources[linking]["body"] = f"See [it]({{filename}}../{target}/index.md).\n"
        site.write(linking)
        output = site.root / "output"
        site.build(output)
        page = output / "posts/last/index.html"
        assert 'href="/posts/first/"' in page.read_text(encoding="utf-8")
        rendered.clear()
        site.sources[target]["slug"] = "first-renamed"
        site.write(target)
        site.build(output)
        assert "posts/last/index.html" in rendered
        assert 'href="/posts/first-renamed/"' in page.read_text(encoding="utf-8")
    finally:
        site.teardown()


def test_a_tags_posts_are_listed_by_date_as_pelican_lists_them(monkeypatch):
    """The tag, category and author pages get Pelican's `dates`, found faster."""
    site = EditedSite()
    listed = []
    write_file = incremental_writer.ReusingWriter.write_file

    def recorded(self, name, template, context, *args, **kwargs):
        if kwargs.get("template_name") in {"tag", "category", "author"}:
            listed.append((kwargs["articles"], kwargs["dates"], context["dates"]))
        return write_file(self, name, template, context, *args, **kwargs)

    monkeypatch.setattr(incremental_writer.ReusingWriter, "write_file", recorded)
    try:
        for number in range(7):
            tags = [TAGS[number % len(TAGS)], TAGS[(number + 1) % len(TAGS)]]
            site.add_post(f"post-{number}", f"Post {number}", DATES[number % 4], tags)
        site.build(site.root / "output")
        assert len(listed) >= len(TAGS)
        for articles, dates, every_date in listed:
            members = list(articles)  # a plain list's `in`, as Pelican's
            assert dates == [post for post in every_date if post in members]
            assert sorted(map(id, dates)) == sorted(map(id, articles))
    finally:
        site.teardown()
