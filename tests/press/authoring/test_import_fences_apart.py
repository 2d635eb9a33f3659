"""A Hugo fence right under a line of HTML (`<br />`) stays code, not HTML's text."""

from __future__ import annotations

from press.authoring.importing import importer
from tests.support.builds import ROOT, site_markdown

POST = """+++
title = "Trace"
date = "2013-01-02"
+++
Text.
<br />
``` clojure
(trace-forms 1)
```
<br />
Which is cool.
<br />
``` clojure
(deftrace fib [n])
```
"""


def test_a_fence_under_a_line_of_html_is_set_apart_and_built_as_code(tmp_path, capsys):
    old = tmp_path / "old"
    (old / "content/post").mkdir(parents=True)
    (old / "config.toml").write_text('title = "Old"\n', encoding="utf-8")
    (old / "content/post/trace.md").write_text(POST, encoding="utf-8")
    (tmp_path / "content/posts").mkdir(parents=True)
    settings = tmp_path / "settings.py"
    settings.write_text(
        "from pelican.settings import get_settings_from_file\n"
        f"globals().update(get_settings_from_file({str(ROOT / 'pelicanconf.py')!r}))\n"
        f"PATH = {str(tmp_path / 'content')!r}\n",
        encoding="utf-8",
    )
    assert importer.main(settings, str(old)) == 0, capsys.readouterr().err
    text = (tmp_path / "content/posts/trace/index.md").read_text("utf-8")
    body = text.split("---\n", 2)[2]
    assert body == (
        "Text.\n<br />\n\n``` clojure\n(trace-forms 1)\n```\n\n<br />\nWhich is cool."
        "\n<br />\n\n``` clojure\n(deftrace fib [n])\n```\n"
    )
    # CommonMark reads a `<br />` line after a fence as HTML up to a blank line,
    # fence and all; Hugo's Blackfriday read the fence as code.
    html = site_markdown().convert(body)
    assert html.count("<pre") == 2
    assert "```" not in html
