"""Golden Markdown → HTML pairs for the extensions bloggers use."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from pelican.settings import read_settings

from socratic_blog import plugin
from socratic_blog.markdown.alerts import KINDS
from socratic_blog.markdown.callout import ICON
from socratic_blog.posts.reader import FrontMatterReader
from tests.support.builds import ROOT, site_markdown


@pytest.fixture(scope="module")
def md():
    return site_markdown()


def render(md, text: str) -> str:
    return md.reset().convert(text)


def svg_of(kind: str) -> str:
    """The icon as the serializer writes it (attributes sorted, end tags)."""
    html = render(site_markdown(), f"> [!{kind}]\n> x\n")
    return html[html.index("<svg") : html.index("</svg>") + 6]


def test_footnote_reference_and_note_link_both_ways_with_names(md):
    assert render(md, "Text[^1].\n\n[^1]: The note.\n") == (
        '<p>Text<sup id="fnref:1"><a aria-label="Footnote 1" class="footnote-ref" '
        'href="#fn:1">1</a></sup>.</p>\n'
        '<section aria-label="Footnotes" class="footnote">\n<hr>\n<ol>\n'
        '<li id="fn:1">\n<p>The note.&#160;<a aria-label="Jump back to footnote 1 in '
        'the text" class="footnote-backref" href="#fnref:1" title="Jump back to '
        'footnote 1 in the text">&#8617;&#65038;</a></p>\n</li>\n</ol>\n</section>'
    )


def test_a_footnote_holds_indented_paragraphs_and_lazy_lines(md):
    html = render(md, "A[^n].\n\n[^n]: One\nlazy.\n\n    Two.\n\nAfter.\n")
    assert '<li id="fn:n">\n<p>One\nlazy.</p>\n<p>Two.&#160;<a' in html
    assert "<p>After.</p>" in html


def test_an_undefined_footnote_stays_text(md):
    assert render(md, "Text[^x].\n") == "<p>Text[^x].</p>"


def test_tight_task_list_items_are_labelled_disabled_checkboxes(md):
    assert render(md, "- [ ] to do\n- [x] **done**\n") == (
        '<ul class="task-list">\n'
        '<li class="task-list-item"><label class="task-list-label">'
        '<input disabled type="checkbox"> to do</label></li>\n'
        '<li class="task-list-item"><label class="task-list-label">'
        '<input checked disabled type="checkbox"> <strong>done</strong></label></li>\n'
        "</ul>"
    )


def test_a_loose_task_keeps_its_paragraph_and_nested_list(md):
    assert render(md, "1. [X] ship\n\n   - notes\n") == (
        '<ol class="task-list">\n<li class="task-list-item">\n'
        '<p><label class="task-list-label"><input checked disabled type="checkbox">'
        " ship</label></p>\n<ul>\n<li>notes</li>\n</ul>\n</li>\n</ol>"
    )


def test_brackets_without_a_task_stay_text(md):
    assert render(md, "- [ ]\n- [y] no\n") == (
        "<ul>\n<li>[ ]</li>\n<li>[y] no</li>\n</ul>"
    )


def test_double_tildes_strike_through_and_single_ones_stay(md):
    assert render(md, "~~gone~~ and ~kept~\n") == ("<p><del>gone</del> and ~kept~</p>")


def test_details_hold_markdown_between_blank_lines(md):
    text = "<details>\n<summary>More</summary>\n\nHidden *text*.\n\n</details>\n"
    assert render(md, text) == (
        "<details>\n<summary>More</summary>\n<p>Hidden <em>text</em>.</p>\n</details>"
    )


def test_note_alert_is_a_callout_like_the_information_fence(md):
    assert render(md, "> [!NOTE]\n> Read *this*.\n") == (
        '<div class="callout callout-note" role="note">\n'
        '<p class="callout-title"><svg aria-hidden="true" class="callout-icon" '
        'focusable="false" height="20" viewBox="0 0 24 24" width="20">'
        '<circle cx="12" cy="12" fill="none" r="10" stroke="currentColor" '
        'stroke-width="2"></circle><path d="M12 11v6M12 7.5v.5" '
        'stroke="currentColor" stroke-linecap="round" stroke-width="2"></path>'
        "</svg>Note</p>\n"
        '<div class="callout-body">\n<p>Read <em>this</em>.</p>\n</div>\n</div>'
    )


@pytest.mark.parametrize("kind", ["TIP", "IMPORTANT", "WARNING", "CAUTION"])
def test_each_alert_kind_has_its_class_title_and_hidden_icon(md, kind):
    html = render(md, f"> [!{kind.lower()}]\n>\n> - a list\n")
    title = KINDS[kind.lower()][0]
    assert html == (
        f'<div class="callout callout-{kind.lower()}" role="note">\n'
        f'<p class="callout-title">{svg_of(kind)}{title}</p>\n'
        '<div class="callout-body">\n<ul>\n<li>a list</li>\n</ul>\n</div>\n</div>'
    )
    assert svg_of(kind).startswith(
        '<svg aria-hidden="true" class="callout-icon" focusable="false" '
    )


def test_a_marker_with_text_on_its_line_stays_a_quote(md):
    assert render(md, "> [!TIP] not alone\n") == (
        "<blockquote>\n<p>[!TIP] not alone</p>\n</blockquote>"
    )


def test_the_information_fence_is_unchanged_beside_alerts(md):
    html = render(md, "```information\nhello\n```\n\n> [!NOTE]\n> hi\n")
    assert html.startswith(
        '<div class="callout callout-information" role="note">'
        f'<p class="callout-title">{ICON}Information</p>'
        '<div class="callout-body">\n<p>hello</p>\n</div></div>\n'
    )


def test_headings_get_a_named_link_to_themselves(md):
    assert render(md, '## Why *tests* & "more"\n') == (
        '<h2 id="why-tests-more">Why <em>tests</em> &amp; "more"'
        '<a aria-label="Link to this section: Why tests &amp; &quot;more&quot;" '
        'class="heading-anchor" href="#why-tests-more"></a></h2>'
    )


def test_heading_links_leave_the_contents_names_alone(md):
    render(md, "## One\n\n### Two\n")
    assert [(t["id"], t["name"]) for t in md.toc_tokens] == [("one", "One")]
    assert md.toc_tokens[0]["children"][0]["name"] == "Two"


def test_more_marker_ends_the_summary_and_stays_a_comment(md):
    html = render(md, "Intro *one*.\n\n<!--more-->\n\nRest.\n")
    assert html == "<p>Intro <em>one</em>.</p>\n<!--more-->\n<p>Rest.</p>"
    assert md.summary == "<p>Intro <em>one</em>.</p>"


def test_a_more_marker_inside_a_list_ends_nothing(md):
    render(md, "- a\n\n  <!--more-->\n\nRest.\n")
    assert md.summary is None


def test_without_a_marker_there_is_no_summary(md):
    render(md, "Intro.\n\n<!--more-->\n")
    render(md, "No marker.\n")
    assert md.summary is None


@pytest.fixture(scope="module")
def reader() -> FrontMatterReader:
    settings = read_settings(str(ROOT / "pelicanconf.py"))
    plugin.configure_markdown(SimpleNamespace(settings=settings))
    return FrontMatterReader(settings)


def post(tmp_path, front: str, body: str) -> str:
    path = tmp_path / "posts" / "a" / "index.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\ntitle: A\ndate: 2024-05-01\n{front}---\n\n{body}")
    return str(path)


def test_reader_takes_the_summary_above_more(reader, tmp_path):
    body = "First *lines*.\n\nSecond.\n\n<!--more-->\n\nThe rest.\n"
    content, meta = reader.read(post(tmp_path, "", body))
    assert meta["summary"] == "<p>First <em>lines</em>.</p>\n<p>Second.</p>"
    assert meta["description"] == "First lines. Second."
    assert "<p>The rest.</p>" in content


def test_front_matter_summary_and_description_win_over_more(reader, tmp_path):
    front = "summary: Given *here*.\ndescription: Said here.\n"
    _, meta = reader.read(post(tmp_path, front, "Intro.\n\n<!--more-->\n\nRest.\n"))
    assert meta["summary"] == "<p>Given <em>here</em>.</p>"
    assert meta["description"] == "Said here."


def test_without_more_the_description_is_the_first_paragraph(reader, tmp_path):
    _, meta = reader.read(post(tmp_path, "", "One.\n\nTwo.\n"))
    assert "summary" not in meta
    assert meta["description"] == "One."
