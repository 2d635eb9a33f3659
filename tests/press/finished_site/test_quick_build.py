"""A fresh build after text edits: the edited posts' pages from the saved site.

Each test edits a small blog as an author does, builds it as `invoke build`
does (the saved site used and saved), and compares every byte with a clean
build of the same sources; whether the quick build ran is told by the build's
progress.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from press.finished_site.fast_render import KeptSite
from tests.support.builds import SENTENCE, assert_clean, inodes, output_of, quick


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
