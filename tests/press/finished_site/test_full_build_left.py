"""Edits the quick build leaves to the full build, which then writes as a clean one.

A field another page shows, a warning, a file come or gone, a template,
another build of output/, a scheduled post come due, feeds: each edit is
built as `invoke build` builds it, and compared byte for byte with a clean
build.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from press.finished_site import header as site_header
from press.finished_site.saved import read_header
from socratic_blog.posts.reader import FrontMatterReader
from tests.support.builds import (
    SENTENCE,
    assert_clean,
    output_of,
    quick,
    saved_file,
)


def retitle(blog):
    """Give the first post another title."""
    blog.sources["post-1"]["title"] = "Another guide"


def retag(blog):
    """Give the first post another tag."""
    blog.sources["post-1"]["tags"] = ["salary"]


def redate(blog):
    """Make the first post the newest."""
    blog.sources["post-1"]["date"] = "2025-06-01"


def rewrite_first_paragraph(blog):
    """Change the paragraph the post's card shows as its description."""
    blog.sources["post-1"]["body"] = "A new opening.\n\n## One\n\nMore.\n"


def lengthen(blog):
    """Add minutes of reading: the card shows the reading time."""
    blog.sources["post-1"]["body"] += "\nword " * 900


def make_draft(blog):
    """Turn the first post into a draft."""
    blog.sources["post-1"]["draft"] = True


def add_warning(blog):
    """Add HTML the build warns of (a script is never published)."""
    blog.sources["post-1"]["body"] += "\n<script>alert(1)</script>\n"


SHOWN_ELSEWHERE = [retitle, retag, redate, rewrite_first_paragraph, lengthen]


@pytest.mark.parametrize("change", [*SHOWN_ELSEWHERE, make_draft, add_warning])
def test_an_edit_other_pages_show_takes_the_full_build(site, change):
    change(site)
    site.write("post-1")
    written = quick(site)
    assert_clean(site)
    assert written is None


def test_a_new_or_deleted_post_takes_the_full_build(site):
    site.new_post("delta", "Ship it", "2024-04-01", ["career"])
    assert quick(site) is None
    assert_clean(site)
    site.delete_post("post-3")
    assert quick(site) is None
    assert_clean(site)


def test_an_edited_template_takes_the_full_build(site):
    site.edit_template("Back to the top")
    site.sources["post-1"]["body"] += f"\n{SENTENCE}\n"
    site.write("post-1")
    assert quick(site) is None
    assert_clean(site)


def test_output_built_by_another_build_meanwhile_takes_the_full_build(site):
    site.new_post("draft", "Ship it", "2024-04-01", ["career"])
    site.sources["post-4"]["draft"] = True
    site.write("post-4")
    assert quick(site) is None
    site.previewing = True  # the preview writes drafts' pages into output/ too
    site.build(output_of(site))
    site.previewing = False
    site.sources["post-1"]["body"] += f"\n{SENTENCE}\n"
    site.write("post-1")
    assert quick(site) is None
    assert_clean(site)


def test_a_scheduled_post_come_due_takes_the_full_build(site, monkeypatch):
    site.new_post("later", "A guide", "2999-01-01", ["career"])
    assert quick(site) is None
    found = read_header(saved_file(site))
    assert found["due"] is not None
    base, output = found["base"], output_of(site).resolve()
    assert site_header.stands(found, base, output)
    monkeypatch.setattr(site_header.time, "time", lambda: found["due"])
    assert not site_header.stands(found, base, output)


def test_a_build_with_feeds_saves_no_site(site):
    feeds = {"FEED_ALL_ATOM": "feeds/all.atom.xml"}
    site.sources["post-1"]["body"] += f"\n{SENTENCE}\n"
    site.write("post-1")
    assert quick(site, **feeds) is None
    assert not saved_file(site, **feeds).exists()


def test_a_draft_s_text_edit_writes_no_page(site):
    site.new_post("draft", "Ship it", "2024-04-01", ["career"])
    site.sources["post-4"]["draft"] = True
    site.write("post-4")
    assert quick(site) is None
    site.sources["post-4"]["body"] += f"\n{SENTENCE}\n"
    site.write("post-4")
    written = quick(site)
    assert_clean(site)
    assert written is None


def test_an_edit_the_build_warns_of_takes_the_full_build_which_says_it(
    site, capfd, monkeypatch
):
    read = FrontMatterReader.read

    def warning_read(self, source_path):
        """Read as the reader does, warning of a text that asks for it."""
        found = read(self, source_path)
        if "Warn of me" in Path(source_path).read_text(encoding="utf-8"):
            logging.getLogger(__name__).warning("%s: a made-up warning", source_path)
        return found

    monkeypatch.setattr(FrontMatterReader, "read", warning_read)
    site.sources["post-1"]["body"] += "\nWarn of me.\n"
    site.write("post-1")
    capfd.readouterr()
    written = quick(site)  # the reading ahead warns in a worker process
    assert capfd.readouterr().err.count("a made-up warning") == 1
    assert written is None
