"""A Hugo fence right under a line of HTML (`<br />`) stays code, not HTML's text."""

from __future__ import annotations

from tests.support.builds import site_markdown
from tests.support.imports import imported_body

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


def test_a_fence_under_a_line_of_html_is_set_apart_and_built_as_code(tmp_path):
    body = imported_body(
        tmp_path,
        {"config.toml": 'title = "Old"\n', "content/post/trace.md": POST},
        "trace",
    )
    assert body == (
        "Text.\n<br />\n\n``` clojure\n(trace-forms 1)\n```\n\n<br />\nWhich is cool."
        "\n<br />\n\n``` clojure\n(deftrace fib [n])\n```\n"
    )
    # CommonMark reads a `<br />` line after a fence as HTML up to a blank line,
    # fence and all; Hugo's Blackfriday read the fence as code.
    html = site_markdown().convert(body)
    assert html.count("<pre") == 2
    assert "```" not in html
