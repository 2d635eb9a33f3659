"""Typography changes text only: tags, attributes and comments pass unchanged."""

from __future__ import annotations

import pytest
from hypothesis import given, settings

from socratic_blog.markup_runs import markup_runs
from socratic_blog.posts.typography import typesetter
from tests.support.builds import build_blog, parse_html
from tests.support.examples import examples
from tests.support.fixture_blog import write
from tests.support.random_html import HTML

# The site's typography (pelicanconf.py omits widont), and every filter on.
SITE = {"SOCRATIC_BLOG_TYPOGRIFY": True, "TYPOGRIFY_OMIT_FILTERS": ["widont"]}
EVERY_FILTER = {"SOCRATIC_BLOG_TYPOGRIFY": True}
# What typogrify adds around text: capitals, ampersands, opening quotes.
ADDED = ("<span", "</span")


def markup(html: str) -> list[str]:
    """Return the HTML's tags and comments as written, less typogrify's spans."""
    return [
        run.raw
        for run in markup_runs(html)
        if run.markup and not run.raw.startswith(ADDED)
    ]


@pytest.mark.parametrize("typography", [SITE, EVERY_FILTER], ids=["site", "every"])
@settings(max_examples=examples(300), deadline=None)
@given(html=HTML)
def test_typography_passes_markup_through_byte_for_byte(typography, html):
    assert markup(typesetter(typography)(html)) == markup(html)


@pytest.mark.parametrize(
    "html",
    [
        '<p title="x > y" class="c">"Quoted" -- text</p>',
        '<p><iframe srcdoc="<p>a</p> > b"></iframe></p>\n<p>The rest "stays".</p>',
        '<p><!-- a "comment" > b --> "text"</p>',
        '<p><abbr title=\'say "hi" & go\'>KU</abbr> "x"</p>',
    ],
    ids=["title", "srcdoc", "comment", "single-quoted"],
)
def test_an_attribute_holding_a_bracket_keeps_its_tag(html):
    typeset = typesetter(SITE)(html)
    assert markup(typeset) == markup(html)
    assert "&#8220;" in typeset


def test_a_post_whose_raw_html_holds_brackets_builds_whole(tmp_path):
    content = tmp_path / "content"
    write(
        content / "posts/brackets/index.md",
        "---\ntitle: Brackets\ndate: 2024-05-01\n---\n\n"
        '<p title="x > y" class="c">A "quoted" word.</p>\n\n'
        '<iframe srcdoc="<p>inside</p> > more" title="Demo"></iframe>\n\n'
        'The rest of the post, "curled".\n',
    )
    page = parse_html(build_blog(content, tmp_path) / "posts/brackets/index.html")
    paragraph = page.select_one("p.c")
    assert paragraph["title"] == "x > y"
    assert paragraph.get_text() == "A \u201cquoted\u201d word."
    assert page.select_one("iframe")["srcdoc"] == "<p>inside</p> > more"
    assert "The rest of the post, \u201ccurled\u201d." in page.get_text()


def test_a_heading_with_an_ampersand_keeps_its_anchor(tmp_path):
    """Markdown's own tags too: the anchor's aria-label holds the heading's `&`."""
    content = tmp_path / "content"
    write(
        content / "posts/questions/index.md",
        "---\ntitle: Questions\ndate: 2024-05-01\n---\n\n## Q & A\n\nAsk away.\n",
    )
    page = parse_html(build_blog(content, tmp_path) / "posts/questions/index.html")
    anchor = page.select_one("h2#q-a a")
    assert anchor.attrs == {
        "aria-label": "Link to this section: Q & A",
        "class": ["heading-anchor"],
        "href": "#q-a",
    }
    assert page.select_one("h2#q-a span.amp").get_text() == "&"
