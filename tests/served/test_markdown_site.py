"""A small site whose post uses every Markdown feature bloggers reach for.

The post is built with the real settings and plugin, then read back with
BeautifulSoup, checked with axe in both colour schemes and with the Nu checker.
"""

from __future__ import annotations

import feedparser
import pytest

from press import build
from press.ports import free_port
from site_checks import browser as chrome
from site_checks.nginx import StaticHost
from site_checks.validator import nu_errors
from tests.support.builds import ROOT, parse_html

POST = """\
---
title: "A tour of the Markdown"
date: 2024-05-01
tags: [writing]
---

The first paragraph of the summary.

The second paragraph of the summary, with a note[^why].

<!--more-->

After the fold: ~~struck~~ text.

## Lists

- four spaces
    - nest under the item
        - and deeper
- a tab
\t- nests too

1. a loose list

2. stays one list

   with a second paragraph

3. to the end

## Tasks and details

- [x] write the post
- [ ] publish it

<details>
<summary>More about it</summary>

Markdown *inside* the details.

</details>

## Alerts

> [!NOTE]
> A note.

> [!TIP]
> A tip.

> [!IMPORTANT]
> Something important.

> [!WARNING]
> A warning.

> [!CAUTION]
> A caution, with [a link](#lists).

[^why]: Because footnotes say where they lead.
"""
ARTICLE = "posts/a-tour-of-the-markdown/index.html"
KINDS = ("note", "tip", "important", "warning", "caution")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("markdown-site")
    post = folder / "content" / "posts" / "a-tour-of-the-markdown" / "index.md"
    post.parent.mkdir(parents=True)
    post.write_text(POST, encoding="utf-8")
    settings = {
        "PATH": str(folder / "content"),
        "OUTPUT_PATH": str(folder / "output"),
        "CACHE_PATH": str(folder / "cache"),
        "SOCIAL_CARDS_CACHE": str(folder / "cards"),
        "FEED_ALL_ATOM": "feeds/all.atom.xml",
    }
    assert build.build(ROOT / "pelicanconf.py", settings) == []
    return folder / "output"


@pytest.fixture(scope="module")
def article(site):
    return parse_html(site / ARTICLE).select_one(".prose")


def test_lists_nest_by_four_spaces_and_tabs(article):
    first = article.find("ul")
    assert [li.find(string=True).strip() for li in first.find_all("li")] == [
        "four spaces",
        "nest under the item",
        "and deeper",
        "a tab",
        "nests too",
    ]
    assert first.select_one("li > ul > li > ul > li").get_text() == "and deeper"
    assert first.select_one("li:nth-child(2) > ul > li").get_text() == "nests too"


def test_a_loose_list_is_one_list_of_paragraphs(article):
    [ordered] = article.find_all("ol", recursive=False)
    items = ordered.find_all("li", recursive=False)
    assert [len(item.find_all("p")) for item in items] == [1, 2, 1]


def test_footnote_links_there_and_back(article):
    reference = article.select_one("sup a.footnote-ref")
    assert reference["href"] == "#fn:why"
    assert reference["aria-label"] == "Footnote 1"
    note = article.select_one("section.footnote li#fn\\:why")
    assert "Because footnotes say where they lead." in note.get_text()
    back = note.select_one("a.footnote-backref")
    assert back["href"] == "#" + reference.parent["id"]
    assert back["aria-label"] == "Jump back to footnote 1 in the text"


def test_tasks_are_labelled_read_only_checkboxes(article):
    boxes = article.select("ul.task-list > li.task-list-item > label > input")
    assert [
        (box.parent.get_text(strip=True), box.has_attr("checked")) for box in boxes
    ] == [
        ("write the post", True),
        ("publish it", False),
    ]
    assert all(box.has_attr("disabled") for box in boxes)


def test_strikethrough_and_details(article):
    assert article.find("del").get_text() == "struck"
    details = article.find("details")
    assert details.summary.get_text() == "More about it"
    assert details.p.em.get_text() == "inside"


def test_five_alerts_are_callouts(article):
    callouts = article.select("div.callout")
    assert [c["class"] for c in callouts] == [
        ["callout", f"callout-{k}"] for k in KINDS
    ]
    for kind, callout in zip(KINDS, callouts, strict=True):
        assert callout["role"] == "note"
        assert callout.select_one(".callout-title").get_text() == kind.capitalize()
        assert callout.select_one("svg")["aria-hidden"] == "true"
        assert callout.select_one(".callout-body p")
    assert not article.find("blockquote")


def test_headings_link_to_themselves_and_the_contents_still_list_them(site, article):
    page = parse_html(site / ARTICLE)
    anchors = [(h["id"], h.a["aria-label"]) for h in article.find_all("h2")]
    assert anchors == [
        ("lists", "Link to this section: Lists"),
        ("tasks-and-details", "Link to this section: Tasks and details"),
        ("alerts", "Link to this section: Alerts"),
    ]
    contents = [(a["href"], a.get_text()) for a in page.select("nav.toc a")]
    assert contents == [
        ("#lists", "Lists"),
        ("#tasks-and-details", "Tasks and details"),
        ("#alerts", "Alerts"),
    ]
    ids = [element["id"] for element in page.find_all(id=True)]
    assert len(ids) == len(set(ids))


def test_the_summary_ends_at_more(site):
    [entry] = feedparser.parse((site / "feeds" / "all.atom.xml").read_bytes()).entries
    assert "second paragraph of the summary" in entry.summary
    assert "After the fold" not in entry.summary
    assert "After the fold" in entry.content[0].value
    home = parse_html(site / "index.html").select_one(".card-summary").get_text()
    assert home.startswith("The first paragraph of the summary. The second")


@pytest.fixture(scope="module")
def base_url(site, tmp_path_factory):
    state = tmp_path_factory.mktemp("nginx")
    with StaticHost(site, state, free_port(), prefix="") as host:
        yield host.url.rstrip("/")


@pytest.mark.browser
@pytest.mark.server
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_post_has_no_axe_violations(browser, base_url, scheme):
    url = f"{base_url}/{ARTICLE.removesuffix('index.html')}"
    with chrome.page_at(browser, url, width=1024, scheme=scheme) as page:
        page.evaluate("document.querySelector('details').open = true")
        assert chrome.axe_violations(page) == []


@pytest.mark.browser
@pytest.mark.server
def test_heading_links_show_on_hover_and_focus(browser, base_url):
    url = f"{base_url}/{ARTICLE.removesuffix('index.html')}"
    with chrome.page_at(browser, url, width=1024) as page:
        anchor = page.locator("#lists .heading-anchor")
        opacity = "e => getComputedStyle(e).opacity"
        assert anchor.evaluate(opacity) == "0"
        page.hover("#lists")
        assert anchor.evaluate(opacity) == "1"
        page.mouse.move(0, 0)
        anchor.focus()
        assert anchor.evaluate(opacity) == "1"


@pytest.mark.java
def test_the_post_is_valid_html(site):
    page = site / ARTICLE
    assert nu_errors([page]) == {page.resolve(): []}
