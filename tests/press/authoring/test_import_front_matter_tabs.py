"""`invoke import` reads a tab after `key:` in Jekyll front matter as Jekyll did."""

from __future__ import annotations

from press.authoring.importing import importer
from tests.support.imports import new_blog, old_site

# As a real Jekyll blog (niamurrell/jekyll-blog) wrote every post: libyaml, which
# Jekyll reads front matter with, takes a tab after ': '; the pure parser refuses it.
POST = (
    "---\nlayout:     post\ntitle:      HTTP Basics\nauthor:     Nia\n"
    "tags: \t\t  CS50\nsubtitle:  \tDaily Review\ncategory:   daily\n---\n\nText.\n"
)


def test_a_tab_after_a_key_is_read_as_the_old_site_read_it(tmp_path, capsys):
    old = old_site(
        tmp_path / "old",
        {
            "_config.yml": "permalink: pretty\n",
            "_posts/2017-09-30-http-basics.md": POST,
        },
    )
    status = importer.main(new_blog(tmp_path), str(old))
    printed = capsys.readouterr()
    assert status == 0, printed.err
    written = tmp_path / "content/posts/http-basics/index.md"
    text = written.read_text(encoding="utf-8")
    head = text.split("---\n", 2)[1]
    assert "\t" not in head
    assert "tags: CS50\n" in head
    assert "subtitle: Daily Review\n" in head
    assert '"/daily/2017/09/30/http-basics/"' in head
