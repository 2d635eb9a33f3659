"""Golden Markdown → HTML pairs for the callout fence and the list rules."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from conftest import site_markdown
from socratic_blog.callout import ICON


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
        "<ul>\n<li>Avoid it; let the\n  recruiter decide</li>\n<li>Next</li>\n</ul>"
    )


def test_fence_interrupts_a_paragraph_and_keeps_list_lines(md):
    assert render(md, "text\n```text\nkey:\n- a\n  - b\n```\nmore\n") == (
        "<p>text</p>\n"
        '<div class="language-text highlight"><pre tabindex="0"><span></span><code>'
        "key:\n- a\n  - b\n</code></pre></div>\n"
        "<p>more</p>"
    )


def test_headings_start_at_h2_and_keep_their_relative_levels(md):
    assert render(md, "### divide\n\n#### detail\n\n### next\n") == (
        '<h2 id="divide">divide</h2>\n<h3 id="detail">detail</h3>\n'
        '<h2 id="next">next</h2>'
    )
    assert render(md, "# top\n\n## sub\n") == (
        '<h2 id="top">top</h2>\n<h3 id="sub">sub</h3>'
    )


def test_tables_take_keyboard_focus_to_scroll(md):
    assert render(md, "| a | b |\n| --- | --- |\n| 1 | 2 |\n").startswith(
        '<table tabindex="0">\n<thead>'
    )


def test_raw_pre_keeps_its_own_tabindex(md):
    assert render(md, '<pre tabindex="-1">x</pre>\n\n<pre class="c">y</pre>\n') == (
        '<pre tabindex="-1">x</pre>\n\n<pre tabindex="0" class="c">y</pre>'
    )
