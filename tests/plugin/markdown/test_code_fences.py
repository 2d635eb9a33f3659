"""Code fences: golden HTML for each option, their mistakes, feeds, search, script."""

from __future__ import annotations

import gzip
import json
import re

import feedparser
import pytest
from bs4 import BeautifulSoup

from press import build
from tests.support.builds import (
    SETTINGS,
    add_fixture,
    build_blog,
    parse_html,
    settings_for,
    site_markdown,
)
from tests.support.fixture_blog import write, write_content

CODE_POST = "posts/every-code-fence/index.html"
CODE_SCRIPT = "theme/js/code.js"


@pytest.fixture(scope="module")
def md():
    return site_markdown()


def render(md, text: str) -> str:
    return md.reset().convert(text)


def code_of(html: str) -> str:
    return re.search(r"<code>(.*)</code>", html, re.DOTALL)[1]


def test_title_marked_lines_and_line_numbers(md):
    fence = '```python title="app.py" hl_lines="2" linenums="1"\nx = 1\ny = 2\n```\n'
    assert render(md, fence) == (
        '<div class="language-python highlight"><span class="filename">app.py</span>'
        '\n<pre tabindex="0"><span></span><code>'
        '<span class="linenos" data-linenos="1 "></span><span class="n">x</span> '
        '<span class="o">=</span> <span class="mi">1</span>\n'
        '<mark class="hll"><span class="linenos" data-linenos="2 "></span>'
        '<span class="n">y</span> <span class="o">=</span> <span class="mi">2</span>\n'
        "</mark></code></pre></div>"
    )


def test_a_title_is_text_never_html(md):
    html = render(md, '```text title="<b>&amp;</b>"\nx\n```\n')
    assert '<span class="filename">&lt;b&gt;&amp;amp;&lt;/b&gt;</span>' in html


def test_a_diff_keeps_its_signs_out_of_the_text(md):
    fence = "```diff\n--- a/x\n+++ b/x\n@@ -1 +1 @@\n-old\n+new\n same\n```\n"
    assert code_of(render(md, fence)) == (
        '<span class="diff-meta">--- a/x\n</span>'
        '<span class="diff-meta">+++ b/x\n</span>'
        '<span class="diff-meta">@@ -1 +1 @@\n</span>'
        "<del>old\n</del><ins>new\n</ins>same\n"
    )
    assert 'class="language-diff highlight"' in render(md, fence)


def test_the_diff_option_highlights_the_code_of_its_language(md):
    html = render(md, "```python diff\n-a = 1\n+a = 2\n```\n")
    assert 'class="language-python highlight"' in html
    assert code_of(html) == (
        '<del><span class="n">a</span> <span class="o">=</span> '
        '<span class="mi">1</span>\n</del>'
        '<ins><span class="n">a</span> <span class="o">=</span> '
        '<span class="mi">2</span>\n</ins>'
    )


def test_console_output_holds_its_own_line_break(md):
    html = render(md, "```console\n$ echo hi\nhi\n$ ls\n```\n")
    assert code_of(html) == (
        '<span class="gp">$ </span><span class="nb">echo</span>'
        '<span class="w"> </span>hi\n<span class="go">hi\n</span>'
        '<span class="gp">$ </span>ls\n'
    )


def test_indented_code_is_a_code_block_like_a_fence(md):
    assert render(md, "    indented\n") == (
        '<div class="language-text highlight"><pre tabindex="0"><span></span>'
        "<code>indented\n</code></pre></div>"
    )


def test_the_information_fence_stays_a_callout(md):
    html = render(md, "```information\nA note.\n```\n")
    assert html.startswith('<div class="callout callout-information" role="note">')


def build_errors(tmp_path, body: str) -> list[str]:
    content = tmp_path / "content"
    write(content / "posts" / "fences" / "index.md", f"---\n{FRONT}---\n\n{body}")
    return build.build(SETTINGS[False], settings_for(tmp_path, content))


FRONT = 'title: "Fences"\ndate: 2024-01-01\n'
WHERE = "posts/fences/index.md"
KNOWN = 'write title="app.py", hl_lines="2 4-6", linenums="1" or diff after'


@pytest.mark.parametrize(
    ("header", "line", "error"),
    [
        (
            "python foo",
            8,
            f"unknown code fence option 'foo' in '```python foo'; {KNOWN}",
        ),
        (
            'js colour="red"',
            8,
            """unknown code fence option 'colour="red"' in '```js colour="red"'""",
        ),
        (
            'python hl_lines="two"',
            8,
            """hl_lines="two" is not what hl_lines takes, in '```python""",
        ),
        (
            'python hl_lines="3"',
            8,
            """hl_lines="3" marks line 3, and the code has 1 line, in""",
        ),
        ('python linenums="0"', 8, 'linenums="0" is not what linenums takes'),
        ("python title", 8, "'title' has no value in '```python title'"),
        ("information note", 8, "has options, and a callout takes none"),
    ],
)
def test_a_fence_option_mistake_is_one_line_with_its_file_and_line(
    tmp_path, header, line, error
):
    [found] = build_errors(tmp_path, f"Text.\n\n```{header}\nx = 1\n```\n")
    assert found.startswith(f"{tmp_path}/content/{WHERE}:{line}: ")
    assert error in found
    assert "\n" not in found


def test_every_mistake_of_nested_fences_is_named_on_its_own_line(tmp_path):
    body = (
        "- item\n\n    ```js bar\n    x\n    ```\n\n"
        "> ```go baz\n> x\n> ```\n\n```information\n```python qux\ny\n```\n```\n"
    )
    errors = build_errors(tmp_path, body)
    lines = [
        re.search(r"index\.md:(\d+): unknown .*'(\w+)'", e).groups() for e in errors
    ]
    assert lines == [("8", "bar"), ("12", "baz"), ("17", "qux")]


@pytest.fixture(scope="module")
def code_site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("code-site")
    content = write_content(folder / "content")
    add_fixture(content, "every-code-fence.md")
    return build_blog(content, folder, production=True, SITEURL="https://x.test")


def scripts(page) -> list[str]:
    return [
        tag.get("src")
        for tag in parse_html(page).find_all("script")
        if tag.get("type") != "application/ld+json"
    ]


def test_only_pages_with_code_load_the_copy_script(code_site):
    assert scripts(code_site / CODE_POST) == [f"https://x.test/{CODE_SCRIPT}"]
    pages = sorted(code_site.rglob("*.html"))
    without_code = [p for p in pages if "highlight" not in p.read_text()]
    assert len(without_code) >= 10
    assert {
        p.relative_to(code_site).as_posix(): scripts(p)
        for p in without_code
        if scripts(p) and not p.match("search/index.html")
    } == {}


def test_the_copy_script_is_at_most_1_kb_gzipped(code_site):
    script = (code_site / CODE_SCRIPT).read_bytes()
    assert 0 < len(gzip.compress(script, compresslevel=9, mtime=0)) <= 1024


CODE_LINES = {
    "app.py": [
        "import os",
        "",
        'PORT = int(os.environ.get("PORT", "8000"))',
        'HOST = "127.0.0.1"',
        "DEBUG = False",
        'print(f"listening on {HOST}:{PORT}")',
    ],
    "total": [
        "def total(prices):",
        "    return sum(prices)",
        "    return round(sum(prices), 2)",
    ],
}


def test_feeds_keep_the_code_text_and_lines_without_numbers_or_signs(code_site):
    feed = feedparser.parse((code_site / "feeds/all.atom.xml").read_bytes())
    [entry] = [e for e in feed.entries if e.title == "Every code fence"]
    html = entry.content[0].value
    blocks = [
        pre.get_text() for pre in BeautifulSoup(html, "html.parser").select("pre")
    ]
    assert "\n".join(CODE_LINES["app.py"]) + "\n" in blocks
    assert "\n".join(CODE_LINES["total"]) + "\n" in blocks
    assert "Copy" not in html
    assert "data-linenos" not in html
    assert not [b for b in blocks if re.search(r"^[+-] ", b, re.MULTILINE)]


def search_text(site, url: str) -> str:
    """Return what Pagefind indexed of the page at `url`."""
    for fragment in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(fragment.read_bytes()).removeprefix(b"pagefind_dcd")
        page = json.loads(data)
        if page["url"].endswith(url):
            return page["content"]
    raise AssertionError(f"Pagefind has no page at {url}")


def test_search_indexes_the_code_but_no_chrome(code_site):
    text = search_text(code_site, "/posts/every-code-fence/")
    assert "def first_unique_char(text):" in text
    assert "app.py import os PORT" in text
    assert "def total(prices): return sum(prices) return round" in text
    assert "Copy" not in text
