"""`invoke import` writes each post's front matter as the old site read it.

A Jekyll title made of the file name, a tab after `key:` that libyaml took,
and the fields the old site's settings gave posts that set nothing.
"""

from __future__ import annotations

import yaml

from press.authoring.importing import importer
from tests.support.builds import build_blog, parse_html
from tests.support.edited_posts import cover
from tests.support.imports import new_blog, old_site

# As a real Jekyll blog (niamurrell/jekyll-blog) wrote every post: libyaml, which
# Jekyll reads front matter with, takes a tab after ': '; the pure parser refuses it.
TABBED = (
    "---\nlayout:     post\ntitle:      HTTP Basics\nauthor:     Nia\n"
    "tags: \t\t  CS50\nsubtitle:  \tDaily Review\ncategory:   daily\n---\n\nText.\n"
)


def test_a_tab_after_a_key_is_read_as_the_old_site_read_it(tmp_path, capsys):
    old = old_site(
        tmp_path / "old",
        {
            "_config.yml": "permalink: pretty\n",
            "_posts/2017-09-30-http-basics.md": TABBED,
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


def test_an_empty_or_missing_title_becomes_jekylls_title_from_the_file_name(
    tmp_path, capsys
):
    old = old_site(
        tmp_path / "old",
        {
            "_config.yml": "permalink: pretty\n",
            # As niamurrell/jekyll-blog wrote it: Jekyll titled it from the name.
            "_posts/2017-07-08-project-collaboration.md": "---\nlayout:     post\n"
            "title:      \nauthor:     Nia\ncategory:   daily\n---\n\nText.\n",
            "_posts/2017-07-11-prepping-for-LOGIN.md": "---\nauthor: Nia\n---\n\nT.\n",
        },
    )
    status = importer.main(new_blog(tmp_path), str(old))
    assert status == 0, capsys.readouterr().err
    posts = tmp_path / "content/posts"
    first = (posts / "project-collaboration/index.md").read_text(encoding="utf-8")
    head = first.split("---\n", 2)[1]
    assert head.count("title:") == 1
    assert 'title: "Project Collaboration"\n' in head
    second = (posts / "prepping-for-login/index.md").read_text(encoding="utf-8")
    assert 'title: "Prepping For Login"\n' in second.split("---\n", 2)[1]


POST = "---\ntitle: {title}\ndate: 2024-03-0{day}\n{extra}---\n\nText.\n"


def head_of(folder, slug: str) -> dict:
    """Read an imported post's front matter as YAML."""
    text = (folder / "content/posts" / slug / "index.md").read_text("utf-8")
    return yaml.safe_load(text.split("---\n", 2)[1])


def test_pelicans_default_metadata_keeps_a_draft_a_draft(tmp_path, capsys):
    old = old_site(
        tmp_path / "old",
        {
            "pelicanconf.py": "AUTHOR = 'Ada'\n"
            "DEFAULT_METADATA = {'status': 'draft', 'Category': 'misc'}\n",
            "content/unfinished.md": POST.format(title="Unfinished", day=1, extra=""),
            "content/out.md": POST.format(
                title="Out", day=2, extra="status: published\nauthor: Grace\ntags: a\n"
            ),
        },
    )
    assert importer.main(new_blog(tmp_path), str(old)) == 0, capsys.readouterr().err
    printed = capsys.readouterr().out
    assert "defaults kept from the old site          4" in printed, printed
    unfinished = head_of(tmp_path, "unfinished")
    assert (unfinished["status"], unfinished["author"]) == ("draft", "Ada")
    out = head_of(tmp_path, "out")
    assert (out["status"], out["author"]) == ("published", "Grace")
    assert (out["tags"], out["category"]) == ("a", "misc")  # tags add up

    site = build_blog(tmp_path / "content", tmp_path)
    assert not (site / "posts/unfinished/index.html").exists()
    page = parse_html(site / "posts/out/index.html")
    assert "Grace" in page.select_one("article").get_text()


def test_older_settings_write_default_metadata_as_pairs(tmp_path, capsys):
    old = old_site(
        tmp_path / "old",
        {
            "pelicanconf.py": "DEFAULT_METADATA = (('status', 'draft'),)\n",
            "content/unfinished.md": POST.format(title="Unfinished", day=1, extra=""),
        },
    )
    assert importer.main(new_blog(tmp_path), str(old)) == 0, capsys.readouterr().err
    assert head_of(tmp_path, "unfinished")["status"] == "draft"


JEKYLL_DEFAULTS = """\
permalink: /:title/
defaults:
  - values: {author: Anyone}
  - scope: {path: _posts, type: post}
    values: {layout: post, series: Job hunt, author: {name: Nia, email: n@x.org}}
  - scope: {path: _posts/held}
    values: {published: false}
  - scope: {path: '', type: pages}
    values: {author: Nobody}
  - scope: {path: _posts/moved, type: posts}
    values: {categories: [blog], permalink: '/:categories/:title/', image: /art.png}
  - scope: {path: '', type: posts}
    values: {author: Last but shorter}
  - scope: {path: '_posts/20*'}
    values: {tags: [globbed]}
"""


def test_jekylls_defaults_apply_as_jekyll_applies_them(tmp_path, capsys):
    old = old_site(
        tmp_path / "old",
        {
            "_config.yml": JEKYLL_DEFAULTS,
            "_posts/2024-03-01-shown.md": POST.format(
                title="Shown", day=1, extra=""
            ).replace("Text.", "In {{ page.series }}."),
            "_posts/held/2024-03-02-held.md": POST.format(
                title="Held", day=2, extra=""
            ),
            "_posts/moved/2024-03-03-moved.md": POST.format(
                title="Moved", day=3, extra=""
            ),
        },
    )
    (old / "art.png").write_bytes(cover(400))
    assert importer.main(new_blog(tmp_path), str(old)) == 0, capsys.readouterr().err
    shown = head_of(tmp_path, "shown")
    # The longer path wins over a later rule; a mapping gives its name.
    assert shown["author"] == "Nia"
    assert shown["tags"] == ["globbed"]
    assert "layout" not in shown
    text = (tmp_path / "content/posts/shown/index.md").read_text("utf-8")
    assert "In Job hunt." in text.split("---\n", 2)[2]  # templates read them too
    held = head_of(tmp_path, "held")
    assert (held["published"], held["author"]) == (False, "Nia")
    assert "tags" not in held  # `_posts/20*` does not reach into a folder
    moved = head_of(tmp_path, "moved")
    assert moved["categories"] == ["blog"]
    assert moved["permalink"] == "/:categories/:title/"
    assert moved["image"] == "art.png"
    assert (tmp_path / "content/posts/moved/art.png").is_file()

    site = build_blog(tmp_path / "content", tmp_path)
    assert (site / "posts/shown/index.html").exists()
    assert not (site / "posts/held/index.html").exists()
    canonical = parse_html(site / "blog/moved/index.html").select_one("link")
    assert canonical["href"].endswith("/posts/moved/")
