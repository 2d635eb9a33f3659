"""`invoke import` gives a Jekyll post without a title the one Jekyll showed."""

from __future__ import annotations

from press.authoring.importing import importer
from tests.support.imports import new_blog, old_site


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
