"""A kramdown table whose rows differ in cells stays a table, as on the old site."""

from __future__ import annotations

from bs4 import BeautifulSoup

from tests.support.builds import site_markdown
from tests.support.imports import imported_body

# From a real Jekyll blog: the header row has four cells, the separator three.
# kramdown widened every row to the most cells; GitHub's table rules (this
# site's) want header and separator to agree, or there is no table at all.
TABLE = """\
For future reference:

Data Type | Reference | Placeholder | row!
|---------|:----------|:----------:|
boolean   |bool|  ?  |
character | char | %c |
64-bit integer | long long | %lli / %lld |

More text.
"""


def post(body: str) -> dict[str, str]:
    """An old Jekyll site holding one post with `body`."""
    return {
        "_config.yml": "title: Old\n",
        "_posts/2017-08-09-types.md": f"---\ntitle: Types\n---\n{body}",
    }


def test_a_table_with_fewer_separator_cells_is_built_as_the_old_sites_table(tmp_path):
    body = imported_body(tmp_path, post(TABLE), "types")
    page = BeautifulSoup(site_markdown().convert(body), "html.parser")
    table = page.find("table")
    assert table is not None, body
    assert [th.get_text() for th in table.select("thead th")] == [
        "Data Type",
        "Reference",
        "Placeholder",
        "row!",
    ]
    rows = [
        [td.get_text() for td in tr.select("td")] for tr in table.select("tbody tr")
    ]
    assert rows == [
        ["boolean", "bool", "?", ""],
        ["character", "char", "%c", ""],
        ["64-bit integer", "long long", "%lli / %lld", ""],
    ]
    alignments = [th.get("class") for th in table.select("thead th")]
    assert alignments == [None, ["align-left"], ["align-center"], None]


def test_a_wider_body_row_widens_the_header_and_code_is_left_alone(tmp_path):
    text = "a | b\n---|---\n1 | 2 | 3\n\n```\nx | y | z\n---|---\n```\n"
    body = imported_body(tmp_path, post(text), "types")
    assert "```\nx | y | z\n---|---\n```" in body
    page = BeautifulSoup(site_markdown().convert(body), "html.parser")
    assert [td.get_text() for td in page.select("tbody td")] == ["1", "2", "3"]
    assert len(page.select("thead th")) == 3


def test_inline_code_at_a_line_start_opens_no_fence_before_a_table(tmp_path):
    # ```a``` is inline code (CommonMark): the table after it is widened too.
    body = imported_body(tmp_path, post("```printf``` prints.\n\n" + TABLE), "types")
    page = BeautifulSoup(site_markdown().convert(body), "html.parser")
    assert page.find("table") is not None, body
