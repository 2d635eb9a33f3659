"""Text right under a closed HTML block (`</div>`) stays Markdown, as in kramdown."""

from __future__ import annotations

from press.authoring.importing import importer
from tests.support.builds import ROOT, site_markdown

POST = """---
title: Stolen
---
<div id="makes" class="chart">
<h4>By make</h4>
</div>
The police [launched][2] a database.

[2]: http://x.org/launch
"""


def test_text_under_a_closed_html_block_is_set_apart_and_built_as_markdown(
    tmp_path, capsys
):
    old = tmp_path / "old"
    (old / "_posts").mkdir(parents=True)
    (old / "_config.yml").write_text("title: Old\n", encoding="utf-8")
    (old / "_posts/2011-12-10-stolen.markdown").write_text(POST, encoding="utf-8")
    (tmp_path / "content/posts").mkdir(parents=True)
    settings = tmp_path / "settings.py"
    settings.write_text(
        "from pelican.settings import get_settings_from_file\n"
        f"globals().update(get_settings_from_file({str(ROOT / 'pelicanconf.py')!r}))\n"
        f"PATH = {str(tmp_path / 'content')!r}\n",
        encoding="utf-8",
    )
    assert importer.main(settings, str(old)) == 0, capsys.readouterr().err
    text = (tmp_path / "content/posts/stolen/index.md").read_text("utf-8")
    body = text.split("---\n", 2)[2]
    assert "</div>\n\nThe police [launched][2]" in body
    # CommonMark reads the text under `</div>` as more of the HTML block, up to
    # a blank line; kramdown ended the block at its closing tag.
    html = site_markdown().convert(body)
    assert '<a href="http://x.org/launch">launched</a>' in html
