"""HTML split into runs: the plain-tag shortcut reads exactly what html.parser reads."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from socratic_blog.markup_runs import Run, markup_runs, parsed_runs, plain_runs
from tests.support.random_html import HTML

# What Markdown and Pygments write for a post: a heading with its anchor, a
# highlighted code block, a callout's icon (self-closing SVG shapes).
MARKDOWN_BODY = (
    '<h2 id="why">Why &amp; how<a aria-label="Link to this section: Why &amp; how"'
    ' class="heading-anchor" href="#why"></a></h2>\n'
    '<div class="language-python highlight"><pre tabindex="0"><span></span><code>'
    '<span class="k">def</span><span class="w"> </span><span class="nf">f</span>'
    '<span class="p">():</span>\n    <span class="k">return</span>'
    ' <span class="s2">&quot;a &lt; b&quot;</span>\n</code></pre></div>\n'
    '<p class="callout-title"><svg aria-hidden="true" focusable="false"'
    ' viewBox="0 0 24 24"><circle cx="12" cy="12" r="10" fill="none" />'
    '<path d="M12 11v6" stroke-width="2"/></svg>Information</p>\n'
    "<ul>\n<li>It's <em>one</em> > two</li>\n</ul>\n<br/><hr>\n"
)
# Pieces where a shortcut could read otherwise than the parser.
PIECES = [
    "<p>",
    "</p>",
    "<P>",
    "</P>",
    "<br/>",
    "<br />",
    "<hr>",
    "<img src=a.png/>",
    '<img src="a.png"/>',
    "<a href=\"x\" title='y'>",
    '<a HREF="x&amp;y" hidden>',
    '<a href="">',
    '<a href = "x">',
    '<a href="x"title="y">',
    '<span\x0bclass="k">',
    '<span\tclass="k"\n>',
    '<span class="k" / >',
    '<span class="a > b">',
    "<a:b>",
    "<my-tag>",
    "</p >",
    "</ p>",
    "</>",
    "<!-- note -->",
    "<!doctype html>",
    "<?pi?>",
    "<script>",
    "</script>",
    "<style>",
    "<textarea>",
    "<",
    ">",
    "&amp;",
    "&",
    '"',
    "text",
    " ",
    "\n",
]


def test_markdown_output_takes_the_shortcut_and_reads_as_the_parser_does():
    runs = plain_runs(MARKDOWN_BODY)
    assert runs is not None
    assert runs == parsed_runs(MARKDOWN_BODY)
    assert "".join(run.raw for run in runs) == MARKDOWN_BODY


@pytest.mark.parametrize(
    "html",
    ["<!-- a comment -->", "<a href=x>", "a < b", "<script>x</script>", "<a b='c'>"],
)
def test_anything_but_plain_tags_goes_to_the_parser(html):
    assert plain_runs(html) is None
    assert markup_runs(html) == parsed_runs(html)


def test_a_self_closing_tag_is_told_as_the_parser_tells_it():
    assert markup_runs("<br/>") == (Run("<br/>", "start", "br", (), closed=True),)
    (image,) = markup_runs("<img src=a.png/>")
    assert (image.attrs, image.closed) == ((("src", "a.png/"),), False)


@settings(max_examples=1000, deadline=None)
@given(pieces=st.lists(st.sampled_from(PIECES), max_size=10))
def test_the_shortcut_reads_every_split_as_the_parser_does(pieces):
    html = "".join(pieces)
    assert plain_runs(html) in (None, parsed_runs(html))


@settings(max_examples=300, deadline=None)
@given(html=HTML)
def test_authors_raw_html_reads_the_same_either_way(html):
    assert plain_runs(html) in (None, parsed_runs(html))
    assert "".join(run.raw for run in markup_runs(html)) == html
