"""Files under content/ that would run in a browser are not published unless listed."""

from __future__ import annotations

import pytest

from socratic_blog.errors import display_path
from tests.support.schema_blog import Blog, warnings

SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">{}</svg>'
CLEAN_SVG = SVG.format('<a href="/posts/good/"><circle r="4"/></a>')
FIX = "so it is not published; remove it, or list '{}' in PUBLISHED_ACTIVE_FILES"


@pytest.fixture
def blog(tmp_path) -> Blog:
    return Blog(tmp_path)


def refused(blog: Blog, relative: str, reason: str) -> str:
    path = display_path(blog.content / relative)
    fix = FIX.format(relative)
    return f"warning: {path}: {reason}, {fix} (pelicanconf.py) to publish it"


def test_scripts_and_pages_are_withheld_wherever_they_are(blog, capsys):
    blog.add("images/x.js", b"document.title = 'taken'")
    blog.add("images/chart.png", b"\x89PNG\r\n\x1a\n")
    blog.add("extra/widget.mjs", b"export {}")
    blog.add("posts/demo/page.html", b"<script>alert(1)</script>")
    blog.add("posts/demo/data.xml", b"<?xml version='1.0'?><x/>")
    blog.post(
        "demo",
        "title: Demo\ndate: 2024-05-02",
        "[The page]({static}page.html), [the data]({attach}data.xml).",
    )
    assert blog.build() == []
    assert sorted(warnings(capsys)) == sorted(
        [
            refused(blog, "images/x.js", "is a file that runs in the browser (.js)"),
            refused(
                blog, "extra/widget.mjs", "is a file that runs in the browser (.mjs)"
            ),
            refused(
                blog,
                "posts/demo/page.html",
                "is a file that runs in the browser (.html)",
            ),
            refused(
                blog, "posts/demo/data.xml", "is a file that runs in the browser (.xml)"
            ),
        ]
    )
    published = {p.name for p in blog.output.rglob("*") if p.is_file()}
    assert "chart.png" in published
    assert not published & {"x.js", "widget.mjs", "page.html", "data.xml"}


def test_a_listed_file_is_published(blog, capsys):
    blog.add("extra/google1234.html", b"google-site-verification: google1234.html")
    blog.overrides["EXTRA_PATH_METADATA"] = {
        "extra/google1234.html": {"path": "google1234.html"}
    }
    blog.overrides["PUBLISHED_ACTIVE_FILES"] = ["extra/google1234.html"]
    assert blog.build() == []
    assert warnings(capsys) == []
    assert (blog.output / "google1234.html").is_file()


@pytest.mark.parametrize(
    ("inside", "reason"),
    [
        ("<script>alert(1)</script>", "holds a <script> element"),
        ('<circle r="4" onload="alert(1)"/>', "holds an onload= handler"),
        (
            "<foreignObject><p>HTML</p></foreignObject>",
            "holds a <foreignObject> element",
        ),
        (
            '<a xlink:href=" javascript:alert(1)"><circle r="4"/></a>',
            "holds a script address in xlink:href=",
        ),
        (
            '<a><set attributeName="href" to="javascript:alert(1)"/>x</a>',
            "animates a link, which can make it run a script",
        ),
        (
            '<html:script xmlns:html="http://www.w3.org/1999/xhtml">1</html:script>',
            "holds a <html:script> element",
        ),
    ],
    ids=["script", "handler", "foreign-object", "address", "animation", "namespaced"],
)
def test_an_svg_that_runs_is_withheld(blog, capsys, inside, reason):
    blog.add("images/clean.svg", CLEAN_SVG.encode())
    blog.add("images/active.svg", SVG.format(inside).encode())
    assert blog.build() == []
    assert warnings(capsys) == [
        refused(blog, "images/active.svg", f"is an SVG image that {reason}")
    ]
    assert (blog.output / "images/clean.svg").read_text() == CLEAN_SVG
    assert not (blog.output / "images/active.svg").exists()


def test_an_svg_declaring_entities_is_withheld(blog, capsys):
    entity = '<!DOCTYPE svg [<!ENTITY x "&#60;script&#62;alert(1)&#60;/script&#62;">]>'
    blog.add("images/entity.svg", (entity + SVG.format("&x;")).encode())
    assert blog.build() == []
    assert warnings(capsys) == [
        refused(
            blog,
            "images/entity.svg",
            "is an SVG image that declares entities or a style sheet, which can"
            " add scripts",
        )
    ]
