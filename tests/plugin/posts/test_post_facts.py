"""A post's derived fields, computed once; the content handlers add files beside."""

from __future__ import annotations

import datetime
from types import SimpleNamespace

import pytest
from markupsafe import Markup
from pelican.contents import Article, Page
from pelican.settings import read_settings

from socratic_blog.posts import typography
from socratic_blog.posts.facts import derive_facts
from socratic_blog.posts.reader import FrontMatterReader
from socratic_blog.site.written import written_content
from tests.support.builds import ROOT
from tests.support.fixture_blog import cover_png, write

POST = """---
title: "It's \\"R&D\\" <jobs>"
date: 2024-05-01
modified: 2024-06-02
tags: [career]
---

The first paragraph says what the post is about.

Then more.
"""


def settings(**overrides) -> dict:
    """The site's settings as the plugin leaves them, with `overrides`."""
    values = read_settings(str(ROOT / "pelicanconf.py"), override=overrides)
    values[typography.SETTING] = values["TYPOGRIFY"]
    return values


def post(tmp_path, text: str = POST, **overrides) -> Article:
    """Read `text` as content/posts/a-post/index.md and make the Article."""
    source = tmp_path / "posts" / "a-post" / "index.md"
    source.parent.mkdir(parents=True, exist_ok=True)
    source.write_text(text, encoding="utf-8")
    site = settings(PATH=str(tmp_path), **overrides)
    html, metadata = FrontMatterReader(site).read(str(source))
    article = Article(html, metadata, settings=site, source_path=str(source))
    derive_facts(article)
    return article


def test_the_title_is_typeset_html_once_and_plain_text_once(tmp_path):
    article = post(tmp_path)
    assert isinstance(article.title, Markup)
    assert article.title == "It&#8217;s &#8220;R&amp;D&#8221; &lt;jobs&gt;"
    assert article.plain_title == "It\u2019s \u201cR&D\u201d <jobs>"


def test_description_reading_time_and_last_change(tmp_path):
    article = post(tmp_path)
    assert article.description == "The first paragraph says what the post is about."
    assert article.reading_time == 1
    assert article.last_changed == article.modified
    assert article.last_changed.date() == datetime.date(2024, 6, 2)
    unmodified = post(tmp_path, POST.replace("modified: 2024-06-02\n", ""))
    assert unmodified.last_changed == unmodified.date


def test_a_summary_gives_the_description_as_text(tmp_path):
    article = post(tmp_path, POST.replace("tags:", "summary: A *short* one.\ntags:"))
    assert article.description == "A short one."


def test_a_post_without_cover_shares_its_own_card(tmp_path):
    article = post(tmp_path, SOCIAL_CARDS=True)
    assert article.cover is None
    image = article.social_image
    assert (image.path, image.width, image.height) == (
        "posts/a-post/card.png",
        1200,
        630,
    )
    assert image.alt == f"{article.plain_title} · socraticDev"


def test_the_preview_shares_the_site_card(tmp_path):
    assert post(tmp_path).social_image.path == "card.png"


def test_a_post_with_a_cover_shares_the_cover_and_its_webp_copy(tmp_path):
    site = settings(PATH=str(tmp_path))
    write(tmp_path / "images" / "a cover.png", cover_png())
    source = write(
        tmp_path / "posts" / "covered" / "index.md",
        POST.replace("tags:", "image: ../../images/a cover.png\ntags:"),
    )
    html, metadata = FrontMatterReader(site).read(str(source))
    article = Article(html, metadata, settings=site, source_path=str(source))
    derive_facts(article)
    assert article.social_image is article.cover
    assert (article.cover.url, article.cover.webp_url) == (
        "images/a%20cover.png",
        "images/a%20cover.webp",
    )


@pytest.mark.parametrize(("setting", "status"), [("", "skip"), ("drafts/", "draft")])
def test_a_draft_is_skipped_when_the_settings_give_drafts_no_page(
    tmp_path, setting, status
):
    source = tmp_path / "posts" / "a-post" / "index.md"
    source.parent.mkdir(parents=True)
    source.write_text(POST.replace("tags:", "draft: true\ntags:"), encoding="utf-8")
    reader = FrontMatterReader(settings(PATH=str(tmp_path), DRAFT_SAVE_AS=setting))
    assert reader.read(str(source))[1]["status"] == status


def page(slug: str, save_as: str) -> Page:
    """A page with just what `written_content` looks at."""
    metadata = {"title": slug, "slug": slug, "save_as": save_as}
    return Page("<p>text</p>", metadata, settings=settings())


def test_written_content_finds_every_list_a_generator_keeps():
    about, draft, unwritten = (
        page("about", "about/index.html"),
        page("idea", "drafts/idea-fr.html"),
        page("old", ""),
    )
    generator = SimpleNamespace(
        pages=[about],
        draft_translations=[draft],
        hidden_translations=[unwritten],
        tags={"career": [about]},
        dates=[about],
    )
    assert written_content([generator]) == [about, draft]


def test_written_content_formats_each_address_once_a_build(monkeypatch):
    about, other = page("about", "about/index.html"), page("other", "other.html")
    generator = SimpleNamespace(pages=[about, other])
    formatted = []
    save_as = Page.save_as.fget
    monkeypatch.setattr(
        Page, "save_as", property(lambda self: formatted.append(self) or save_as(self))
    )
    for _ in range(3):  # the handlers of one build
        assert written_content([generator]) == [about, other]
    assert formatted == [about, other]
    again = page("about", "")  # a post read again is a new object: looked at anew
    generator.pages[0] = again
    assert written_content([generator]) == [other]
