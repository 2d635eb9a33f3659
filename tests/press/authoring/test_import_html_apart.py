"""Text right under a closed HTML block (`</div>`) stays Markdown, as in kramdown."""

from __future__ import annotations

from tests.support.builds import site_markdown
from tests.support.imports import imported_body

POST = """---
title: Stolen
---
<div id="makes" class="chart">
<h4>By make</h4>
</div>
The police [launched][2] a database.

[2]: http://x.org/launch
"""


def test_text_under_a_closed_html_block_is_set_apart_and_built_as_markdown(tmp_path):
    body = imported_body(
        tmp_path,
        {"_config.yml": "title: Old\n", "_posts/2011-12-10-stolen.markdown": POST},
        "stolen",
    )
    assert "</div>\n\nThe police [launched][2]" in body
    # CommonMark reads the text under `</div>` as more of the HTML block, up to
    # a blank line; kramdown ended the block at its closing tag.
    html = site_markdown().convert(body)
    assert '<a href="http://x.org/launch">launched</a>' in html
