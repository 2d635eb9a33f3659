"""`invoke import` keeps what the old site's settings gave posts that set nothing."""

from __future__ import annotations

from press.authoring.importing import importer
from tests.support.builds import build_blog, parse_html
from tests.support.imports import new_blog, old_site

POST = "---\ntitle: {title}\ndate: 2024-03-0{day}\n{extra}---\n\nText.\n"


def head_of(folder, slug: str) -> str:
    text = (folder / "content/posts" / slug / "index.md").read_text("utf-8")
    return text.split("---\n", 2)[1]


def test_pelicans_default_metadata_keeps_a_draft_a_draft(tmp_path, capsys):
    old = old_site(
        tmp_path / "old",
        {
            "pelicanconf.py": "AUTHOR = 'Ada'\n"
            "DEFAULT_METADATA = {'status': 'draft'}\n",
            "content/unfinished.md": POST.format(title="Unfinished", day=1, extra=""),
            "content/out.md": POST.format(
                title="Out", day=2, extra="status: published\nauthor: Grace\n"
            ),
        },
    )
    assert importer.main(new_blog(tmp_path), str(old)) == 0, capsys.readouterr().err
    printed = capsys.readouterr().out
    assert "defaults kept from the old site          2" in printed, printed
    unfinished = head_of(tmp_path, "unfinished")
    assert 'status: "draft"\n' in unfinished
    assert 'author: "Ada"\n' in unfinished
    out = head_of(tmp_path, "out")
    assert "draft" not in out
    assert out.count("author:") == 1

    site = build_blog(tmp_path / "content", tmp_path)
    assert not (site / "posts/unfinished/index.html").exists()
    page = parse_html(site / "posts/out/index.html")
    assert "Grace" in page.select_one("article").get_text()


def test_jekylls_defaults_apply_where_their_scope_says(tmp_path, capsys):
    config = (
        "defaults:\n"
        "  - scope: {path: '', type: posts}\n"
        "    values: {layout: post, author: Nia}\n"
        "  - scope: {path: _posts/drafty}\n"
        "    values: {published: false}\n"
        "  - scope: {path: '', type: pages}\n"
        "    values: {author: Nobody}\n"
    )
    old = old_site(
        tmp_path / "old",
        {
            "_config.yml": config,
            "_posts/2024-03-01-shown.md": POST.format(
                title="Shown", day=1, extra="note: '{{ page.author }}'\n"
            ).replace("Text.", "By {{ page.author }}."),
            "_posts/drafty/2024-03-02-held.md": POST.format(
                title="Held", day=2, extra=""
            ),
        },
    )
    assert importer.main(new_blog(tmp_path), str(old)) == 0, capsys.readouterr().err
    shown = (tmp_path / "content/posts/shown/index.md").read_text("utf-8")
    assert 'author: "Nia"\n' in shown.split("---\n", 2)[1]
    assert "layout" not in shown.split("---\n", 2)[1]
    assert "By Nia." in shown.split("---\n", 2)[2]
    assert "published: false\n" in head_of(tmp_path, "held")

    site = build_blog(tmp_path / "content", tmp_path)
    assert (site / "posts/shown/index.html").exists()
    assert not (site / "posts/held/index.html").exists()


def test_older_settings_write_default_metadata_as_pairs(tmp_path, capsys):
    old = old_site(
        tmp_path / "old",
        {
            "pelicanconf.py": "DEFAULT_METADATA = (('status', 'draft'),)\n",
            "content/unfinished.md": POST.format(title="Unfinished", day=1, extra=""),
        },
    )
    assert importer.main(new_blog(tmp_path), str(old)) == 0, capsys.readouterr().err
    assert 'status: "draft"\n' in head_of(tmp_path, "unfinished")
