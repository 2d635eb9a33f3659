"""Golden Markdown → HTML pairs: the callout fence and CommonMark's blocks."""

from __future__ import annotations

import pickle
import re

import pytest
from bs4 import BeautifulSoup

from socratic_blog.markdown.callout import ICON
from tests.support.builds import site_markdown


@pytest.fixture(scope="module")
def md():
    return site_markdown()


def render(md, text: str) -> str:
    return md.reset().convert(text)


def test_information_fence_is_a_note_callout_with_markdown_body(md):
    text = (
        "```information\n"
        "translated from french by ChatGPT based on these prompts:\n"
        "  - translate follow text from french\n"
        "  - improve text\n"
        "\n"
        "```\n"
    )
    assert render(md, text) == (
        '<div class="callout callout-information" role="note">'
        f'<p class="callout-title">{ICON}Information</p>'
        '<div class="callout-body">\n'
        "<p>translated from french by ChatGPT based on these prompts:</p>\n"
        "<ul>\n"
        "<li>translate follow text from french</li>\n"
        "<li>improve text</li>\n"
        "</ul>\n"
        "</div></div>"
    )


def test_the_callout_pickles_without_its_converters(md):
    # Pelican's content cache pickles the settings, which hold the formatter.
    [fence] = md.preprocessors["fenced_code_block"].extension.superfences[1:]
    formatter = fence["formatter"].keywords["_fmt"]
    render(md, "```information\nbody\n```\n")
    assert formatter._converters
    copy = pickle.loads(pickle.dumps(formatter))
    assert copy._converters == []
    assert "<p>body</p>" in copy("body", "information", "", {}, None)


def test_callout_icon_is_hidden_from_assistive_technology(md):
    html = render(md, "```information\nA note.\n```\n")
    icon = BeautifulSoup(html, "html.parser").select_one(".callout-title svg")
    assert (icon["aria-hidden"], icon["focusable"]) == ("true", "false")


def test_callout_body_markup_is_markdown_not_raw(md):
    html = render(md, "```information\nuse `<b>` and **bold**\n```\n")
    assert "<p>use <code>&lt;b&gt;</code> and <strong>bold</strong></p>" in html


def test_other_fences_stay_highlighted_code(md):
    assert render(md, '```python\nprint("<hi>")\n```\n') == (
        '<div class="language-python highlight"><pre tabindex="0"><span></span><code>'
        '<span class="nb">print</span><span class="p">(</span>'
        '<span class="s2">&quot;&lt;hi&gt;&quot;</span><span class="p">)</span>\n'
        "</code></pre></div>"
    )


def test_two_space_indented_lists_nest(md):
    assert render(md, "- one:\n  - a\n  - b\n- two\n") == (
        "<ul>\n<li>one:<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n</li>\n<li>two</li>\n</ul>"
    )


def test_list_interrupts_a_paragraph(md):
    assert render(md, "Be prepared to:\n- talk\n- listen\n") == (
        "<p>Be prepared to:</p>\n<ul>\n<li>talk</li>\n<li>listen</li>\n</ul>"
    )


def test_ordered_list_interrupts_only_when_it_starts_at_one(md):
    assert render(md, "We had\n1. one\n") == (
        "<p>We had</p>\n<ol>\n<li>one</li>\n</ol>"
    )
    assert render(md, "The year\n2024. was hard\n") == (
        "<p>The year\n2024. was hard</p>"
    )


def test_lazy_continuation_line_stays_in_its_item(md):
    assert render(md, "- Avoid it; let the\n  recruiter decide\n- Next\n") == (
        "<ul>\n<li>Avoid it; let the\nrecruiter decide</li>\n<li>Next</li>\n</ul>"
    )


def test_fence_interrupts_a_paragraph_and_keeps_list_lines(md):
    assert render(md, "text\n```text\nkey:\n- a\n  - b\n```\nmore\n") == (
        "<p>text</p>\n"
        '<div class="language-text highlight"><pre tabindex="0"><span></span><code>'
        "key:\n- a\n  - b\n</code></pre></div>\n"
        "<p>more</p>"
    )


def headings(html: str) -> list[str]:
    return re.findall(r'<(h\d) id="([^"]+)">([^<]+)', html)


def test_headings_start_at_h2_and_keep_their_relative_levels(md):
    assert headings(render(md, "### divide\n\n#### detail\n\n### next\n")) == [
        ("h2", "divide", "divide"),
        ("h3", "detail", "detail"),
        ("h2", "next", "next"),
    ]
    assert headings(render(md, "# top\n\n## sub\n")) == [
        ("h2", "top", "top"),
        ("h3", "sub", "sub"),
    ]


def test_tables_take_keyboard_focus_to_scroll(md):
    assert render(md, "| a | b |\n| --- | --- |\n| 1 | 2 |\n").startswith(
        '<table tabindex="0">\n<thead>'
    )


def test_raw_pre_keeps_its_own_tabindex(md):
    assert render(md, '<pre tabindex="-1">x</pre>\n\n<pre class="c">y</pre>\n') == (
        '<pre tabindex="-1">x</pre>\n\n<pre tabindex="0" class="c">y</pre>'
    )


@pytest.mark.parametrize("indent", ["   ", "    ", "\t"])
def test_items_nest_by_three_four_spaces_or_a_tab(md, indent):
    assert render(md, f"- one\n{indent}- a\n- two\n") == (
        "<ul>\n<li>one<ul>\n<li>a</li>\n</ul>\n</li>\n<li>two</li>\n</ul>"
    )


def test_a_loose_list_stays_one_list_of_paragraphs(md):
    assert render(md, "- one\n\n- two\n") == (
        "<ul>\n<li>\n<p>one</p>\n</li>\n<li>\n<p>two</p>\n</li>\n</ul>"
    )


def test_an_item_holds_the_paragraphs_indented_to_its_content(md):
    assert render(md, "1. one\n\n   still one\n2. two\n") == (
        "<ol>\n<li>\n<p>one</p>\n<p>still one</p>\n</li>\n"
        "<li>\n<p>two</p>\n</li>\n</ol>"
    )


def test_a_list_keeps_its_start_number(md):
    assert render(md, "3. three\n4. four\n") == (
        '<ol start="3">\n<li>three</li>\n<li>four</li>\n</ol>'
    )


def test_a_list_inside_a_quote(md):
    assert render(md, "> - a\n> - b\n") == (
        "<blockquote>\n<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n</blockquote>"
    )


def test_highlighted_code_inside_a_quote(md):
    assert render(md, "> ```python\n> x\n> ```\n") == (
        "<blockquote>\n"
        '<div class="language-python highlight"><pre tabindex="0"><span></span><code>'
        '<span class="n">x</span>\n</code></pre></div>\n'
        "</blockquote>"
    )


def test_an_unclosed_fence_ends_with_its_quote(md):
    assert render(md, "> ```\n> code\n\nafter\n") == (
        "<blockquote>\n"
        '<div class="language-text highlight"><pre tabindex="0"><span></span><code>'
        "code\n</code></pre></div>\n"
        "</blockquote>\n"
        "<p>after</p>"
    )


def test_a_lazy_line_continues_the_quoted_paragraph(md):
    assert render(md, "> quoted\nlazy\n") == (
        "<blockquote>\n<p>quoted\nlazy</p>\n</blockquote>"
    )


def test_two_quotes_apart_stay_two_quotes(md):
    assert render(md, "> one\n\n> two\n") == (
        "<blockquote>\n<p>one</p>\n</blockquote>\n"
        "<blockquote>\n<p>two</p>\n</blockquote>"
    )


def test_table_alignment_is_a_class_not_a_style(md):
    assert render(md, "| a | b |\n|:-:|--:|\n| 1 | 2 |\n") == (
        '<table tabindex="0">\n<thead>\n<tr>\n'
        '<th class="align-center">a</th>\n<th class="align-right">b</th>\n'
        "</tr>\n</thead>\n<tbody>\n<tr>\n"
        '<td class="align-center">1</td>\n<td class="align-right">2</td>\n'
        "</tr>\n</tbody>\n</table>"
    )


def test_link_definitions_keep_pelican_links(md):
    assert render(md, 'See [x].\n\n[x]: {static}/a.png "A"\n') == (
        '<p>See <a href="{static}/a.png" title="A">x</a>.</p>'
    )


def test_html_blocks_end_at_a_blank_line_and_markdown_resumes(md):
    assert render(md, "<div>\n*raw*\n\n*text*\n</div>\n") == (
        "<div>\n*raw*\n<p><em>text</em></p>\n</div>"
    )
