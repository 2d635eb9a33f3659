"""Raw HTML that would run or send readers off is removed from posts, with its line."""

from __future__ import annotations

import feedparser
import html5lib
import pytest
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

from socratic_blog.guards.active_html import remove_active_html
from tests.support.examples import examples
from tests.support.random_html import HTML
from tests.support.schema_blog import Blog, warnings

BODY = """Intro "text".

<meta http-equiv="refresh" content="3; url=https://evil.example/">

<base href="https://evil.example/">

<script>document.title = "taken"</script>

<p onclick="alert(1)" title="kept">Click <a href="javascript:alert(1)">here</a>.</p>

<img src="/images/x.png" alt="A picture" onerror="alert(3)">

[A link](  JaVa&#x09;script&colon;alert(4))

The end.
"""
REMOVED = [
    ":8: a <meta http-equiv> is removed: it acts on the whole page (a refresh"
    " sends readers elsewhere); link to the page instead",
    ":10: a <base> is removed: it changes where every link of the page leads;"
    " write each link in full",
    ":12: a <script> element is removed (a post runs no script); show code in a"
    " fenced code block instead",
    ":14: the onclick= handler is removed (a post runs no script); remove it",
    ":14: the script address in href= is removed (a post runs no script); link to"
    " a page instead",
    ":16: the onerror= handler is removed (a post runs no script); remove it",
    ":18: the script address in href= is removed (a post runs no script); link to"
    " a page instead",
]


@pytest.fixture
def blog(tmp_path) -> Blog:
    blog = Blog(tmp_path)
    blog.add("images/x.png", b"\x89PNG\r\n\x1a\n")
    return blog


def test_what_would_run_or_redirect_is_removed_naming_each_line(blog, capsys):
    name = blog.post("raw", "title: Raw\ndate: 2024-05-02", BODY)
    assert blog.build() == []
    assert warnings(capsys) == [f"warning: {name}{line}" for line in REMOVED]
    page = blog.html("posts/raw/index.html")
    prose = page.select_one(".prose")
    assert page.select("base, script:not([type='application/ld+json'])") == []
    assert [meta["http-equiv"] for meta in page.select("meta[http-equiv]")] == [
        "Content-Security-Policy"
    ]
    for element in prose.find_all(True):
        assert not [name for name in element.attrs if name.startswith("on")]
        assert "script" not in element.get("href", "").lower()
    assert prose.select_one('p[title="kept"]').get_text() == "Click here."
    assert prose.select_one("img")["alt"] == "A picture"
    assert "taken" not in prose.get_text()
    assert prose.find_all("p")[-1].get_text() == "The end."


def test_a_warm_build_warns_again(blog, capsys):
    name = blog.post("raw", "title: Raw\ndate: 2024-05-02", BODY)
    assert blog.build() == []
    capsys.readouterr()
    assert blog.build() == []
    assert warnings(capsys) == [f"warning: {name}{line}" for line in REMOVED]


def test_the_feed_entry_is_clean_too(blog):
    blog.post("raw", "title: Raw\ndate: 2024-05-02", BODY)
    assert blog.build() == []
    feed = feedparser.parse(blog.output / "feeds/all.atom.xml")
    (entry,) = [e for e in feed.entries if e.title == "Raw"]
    html = entry.content[0].value
    for needle in ("http-equiv", "<base", "<script", "onclick", "javascript"):
        assert needle not in html.lower()


@pytest.mark.parametrize(
    "fragment",
    [
        '<p><script src="/x.js"/>alert(1)</script>After</p>',
        "<p><SCRIPT>alert(1)</SCRIPT>After</p>",
        "<p><script>never closed",
    ],
    ids=["self-closing", "upper-case", "unclosed"],
)
def test_a_script_goes_with_its_code_as_a_browser_reads_it(fragment):
    kept, removed = remove_active_html(fragment)
    assert "alert" not in kept
    assert "script" not in kept.lower()
    assert len(removed) == 1


@settings(max_examples=examples(200), deadline=None)
@given(html=HTML)
def test_html_with_nothing_to_remove_keeps_every_byte(html):
    assert remove_active_html(html) == (html, [])


def test_feeds_drop_images_from_other_sites(blog, capsys):
    blog.add("posts/pictured/diagram.png", b"\x89PNG\r\n\x1a\n")
    blog.post(
        "pictured",
        "title: Pictured\ndate: 2024-05-02",
        "![The hiring steps](diagram.png)\n\n"
        "A [counted](https://example.org/blog/posts/good/) read:"
        ' <img src="https://tracker.example/pixel.gif" alt="">\n\n'
        "![A remote chart](//cdn.example/chart.png)\n",
    )
    assert blog.build() == []
    for name in ("all.atom.xml", "all.rss.xml"):
        feed = feedparser.parse(blog.output / "feeds" / name)
        (entry,) = [e for e in feed.entries if e.title == "Pictured"]
        body = entry.content[0].value if "content" in entry else entry.summary
        entry_html = BeautifulSoup(body, "html.parser")
        assert [image["src"] for image in entry_html.find_all("img")] == [
            "https://example.org/blog/posts/pictured/diagram.png"
        ]
        assert "A remote chart" in entry_html.get_text()
    page = blog.html("posts/pictured/index.html")
    assert page.select_one('img[src="https://tracker.example/pixel.gif"]')


REFRESH = '<meta http-equiv="refresh" content="0; url=https://evil.example/">'
# Pieces a careless or hostile post might hold, where parsers tend to disagree.
PIECES = [
    REFRESH,
    '<base href="https://evil.example/">',
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '<a href=" jav&#x61;script:alert(1)">x</a>',
    "<!--",
    "-->",
    "<!-->",
    "<!--->",
    "--!>",
    "<![CDATA[",
    "]]>",
    "<svg>",
    "</svg>",
    "<math>",
    "<style>",
    "</style>",
    "<script>",
    "</script>",
    "<textarea>",
    "<title>",
    "<noscript>",
    "<template>",
    "<table>",
    "<p title='",
    "'",
    '"',
    ">",
    "<",
    "</",
    "text",
]


def what_runs(html: str) -> list[str]:
    """Return what a browser's HTML5 parser finds that would run or redirect."""
    found = []
    # Parsed as a browser running scripts parses (a <noscript> holds text).
    tree = html5lib.parse(html, namespaceHTMLElements=False, scripting=True)
    for element in tree.iter():
        name = str(element.tag).rpartition("}")[2]
        names = {key.rpartition("}")[2].lower(): v for key, v in element.attrib.items()}
        if name in ("script", "base") or (name == "meta" and "http-equiv" in names):
            found.append(f"<{name}>")
        for key, value in names.items():
            address = "".join(c for c in value if c > " ").lower()
            if key.startswith("on") or address.startswith("javascript:"):
                found.append(f"{key}=")
    return found


@settings(max_examples=examples(500), deadline=None)
@given(pieces=st.lists(st.sampled_from(PIECES), max_size=12))
def test_a_browser_finds_nothing_to_run_in_what_is_left(pieces):
    kept, _ = remove_active_html("".join(pieces))
    assert what_runs(kept) == []


@pytest.mark.parametrize(
    "element",
    ["style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript"],
)
@pytest.mark.parametrize(
    "hiding",
    [
        "<{0}><!-- </{0}><img src=x onerror=alert(1)> -->",
        '<{0}><p title="</{0}><img src=x onerror=alert(1)>">',
        "<{0}><!-- </{1}><a href=javascript:alert(1)>x</a> -->",
    ],
    ids=["comment", "quoted value", "upper case"],
)
def test_the_end_of_a_text_element_hidden_in_markup_is_found(element, hiding):
    kept, removals = remove_active_html(hiding.format(element, element.upper()))
    assert what_runs(kept) == []
    assert [removal.problem for removal in removals] == [
        f"markup that browsers read as the end of <{element}> is removed"
    ]
