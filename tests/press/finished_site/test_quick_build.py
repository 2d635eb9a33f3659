"""A fresh build after text edits: the edited posts' pages from the saved site.

Each test edits a small blog as an author does, builds it as `invoke build`
does (the saved site used and saved), and compares every byte with a clean
build of the same sources; whether the quick build ran is told by the build's
progress.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest

from press import build
from press.finished_site import header as site_header
from press.finished_site.fast_render import KeptSite
from press.finished_site.saved import read_header, saved_path
from socratic_blog.posts.reader import FrontMatterReader
from tests.support.builds import build_as_invoke_does, snapshot
from tests.support.edited_site import SETTINGS_FILE, EditedSite

# Appended to a post: its first paragraph (the description) and reading time stay.
SENTENCE = "One more sentence, with *emphasis* & <b>markup</b>."


@pytest.fixture
def site():
    """A small blog of three posts and a page, built once as `invoke build` does."""
    blog = EditedSite()
    blog.first_post()
    blog.second_post()
    blog.new_post("gamma", "Ask <why>", "2024-03-15", ["interviews"])
    blog.edit_page("About")
    assert quick(blog) is None  # the first build is a full one
    yield blog
    blog.teardown()


def output_of(blog: EditedSite) -> Path:
    """The folder `invoke build` writes the blog into."""
    return blog.root / "output"


def quick(blog: EditedSite, **more) -> int | None:
    """Build as `invoke build` does; the pages a quick build wrote, None if full."""
    return build_as_invoke_does(
        {**blog.overrides(output_of(blog)), **more}, blog.drafts
    )


def assert_clean(blog: EditedSite) -> None:
    """Build the same sources cleanly elsewhere: every file holds the same bytes."""
    clean = blog.root / "clean" / "output"
    shutil.rmtree(clean.parent, ignore_errors=True)
    blog.build(clean)
    assert snapshot(output_of(blog)) == snapshot(clean)


def saved_file(blog: EditedSite, **more) -> Path:
    """Where a build of the blog with these settings saves its site."""
    overrides = {**blog.overrides(output_of(blog)), **more}
    settings, _ = build.prepared(SETTINGS_FILE, overrides, blog.drafts, check=False)
    return saved_path(settings, output_of(blog).resolve())


def inodes(folder: Path) -> dict[str, int]:
    """Map each file under `folder` to its inode."""
    return {
        path.relative_to(folder).as_posix(): path.stat().st_ino
        for path in folder.rglob("*")
        if path.is_file()
    }


def test_a_text_edit_rewrites_its_page_alone_as_a_clean_build_would(site):
    before = inodes(output_of(site))
    site.sources["post-1"]["body"] += f"\n{SENTENCE}\n"
    site.write("post-1")

    assert quick(site) == 1
    after = inodes(output_of(site))
    changed = {name for name in after if after[name] != before.get(name)}
    assert changed == {"posts/alpha/index.html"}
    assert (
        SENTENCE.split(",", maxsplit=1)[0]
        in (output_of(site) / changed.pop()).read_text()
    )
    assert_clean(site)


def test_text_edits_one_after_the_other_are_each_built_quickly(site):
    for folder in ("post-1", "post-2", "post-1"):
        site.sources[folder]["body"] += f"\n{SENTENCE}\n"
        site.write(folder)
        assert quick(site) == 1
    assert_clean(site)


def test_a_file_saved_unchanged_builds_nothing_and_a_second_build_is_full(site):
    source = site.root / "content/posts/post-1/index.md"
    source.write_bytes(source.read_bytes())  # a new stamp, the same bytes
    assert quick(site) is None  # nothing edited: Pelican runs, as it always did
    assert_clean(site)


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


def test_a_post_edited_back_to_what_the_full_build_read_is_written_again(site):
    source = site.root / "content/posts/post-1/index.md"
    first = source.read_bytes()
    site.sources["post-1"]["body"] += f"\n{SENTENCE}\n"
    site.write("post-1")
    assert quick(site) == 1
    source.write_bytes(first)
    site.sources["post-2"]["body"] += f"\n{SENTENCE}\n"
    site.write("post-2")  # another post edited: a quick build
    assert quick(site) == 2  # the first post's page is written back too
    assert_clean(site)


def test_a_post_a_quick_build_wrote_is_not_read_again(site):
    for folder in ("post-1", "post-2"):
        site.sources[folder]["body"] += f"\n{SENTENCE}\n"
        site.write(folder)
        assert quick(site) == 1
    read = []
    reread = KeptSite.reread
    site.sources["post-3"]["body"] += f"\n{SENTENCE}\n"
    site.write("post-3")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(
            KeptSite,
            "reread",
            lambda kept, path: read.append(path) or reread(kept, path),
        )
        assert quick(site) == 1
    assert [Path(path).parent.name for path in read] == ["post-3"]
    assert_clean(site)
