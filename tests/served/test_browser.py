"""Every page type of the fixture blog in headless Chromium, served by nginx.

Axe, overflow on a phone, covers that never shift the page, weight, print.
"""

from __future__ import annotations

import pytest

from press.ports import free_port
from site_checks import browser as chrome
from site_checks.nginx import StaticHost
from site_checks.pages import PAGE_TYPES, SCRIPT_FREE
from site_checks.weight import (
    FIRST_PAINT_BUDGET,
    bytes_by_type,
    first_paint_bytes,
    page_requests,
)
from tests.support.fixture_blog import COVER, JOB_HUNT, LIVE_CODING

pytestmark = pytest.mark.server

# An example of each page type the audit checks on the real blog
# (site_checks/pages.py), taken from the fixture blog.
EXAMPLES = {
    "home": "/",
    "article": JOB_HUNT.url,
    "article with code": LIVE_CODING.url,
    "tag": "/tags/career/",
    "tags index": "/tags/",
    "archives": "/archives/",
    "about": "/about/",
    "404": "/no-such-guide/",
}
PAGES = {name: EXAMPLES[name] for name in PAGE_TYPES}
ARTICLE = PAGES["article"]


@pytest.fixture(scope="module")
def base_url(dev_build, tmp_path_factory):
    state = tmp_path_factory.mktemp("nginx")
    with StaticHost(dev_build, state, free_port(), prefix="") as host:
        yield host.url.rstrip("/")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", PAGES)
def test_no_axe_violations(browser, base_url, name, scheme):
    with chrome.page_at(browser, base_url + PAGES[name], scheme=scheme) as page:
        assert chrome.axe_violations(page) == []


@pytest.mark.parametrize("name", PAGES)
def test_no_horizontal_overflow_on_a_360px_phone(browser, base_url, name):
    with chrome.page_at(browser, base_url + PAGES[name], width=360) as page:
        assert chrome.horizontal_overflow(page) == 0
        assert chrome.layout_shift(page) == 0


NAV_ROW = """() => {
  const strip = document.querySelector(".site-nav ul");
  const style = getComputedStyle(strip);
  return {
    title: document.querySelector(".site-name").getBoundingClientRect().top,
    links: [...strip.querySelectorAll("a")].map(
      (a) => [a.textContent, a.getBoundingClientRect().top]),
    strip: ["auto", "scroll"].includes(style.overflowX)
      && style.flexWrap === "nowrap",
  };
}"""


@pytest.mark.parametrize("width", [360, 390])
@pytest.mark.parametrize("name", ["home", "article"])
def test_the_nav_is_one_row_on_a_phone(browser, base_url, name, width):
    """Every nav link sits on one row: beside the title, or in a sideways strip."""
    with chrome.page_at(browser, base_url + PAGE_TYPES[name], width=width) as page:
        row = page.evaluate(NAV_ROW)
        assert chrome.horizontal_overflow(page) == 0
    labels = [label for label, _ in row["links"]]
    assert labels == ["Guides", "Tags", "Archives", "Search", "About"]
    tops = {top for _, top in row["links"]}
    assert len(tops) == 1, row
    assert tops == {row["title"]} or row["strip"], row


@pytest.mark.parametrize(
    ("path", "selector"), [(ARTICLE, "img.hero"), ("/", "img.card-cover")]
)
@pytest.mark.parametrize("width", [360, 1440])
def test_cover_box_is_reserved_before_the_image_arrives(
    browser, base_url, path, selector, width
):
    before, after = chrome.box_before_and_after_image(
        browser, base_url + path, selector, width
    )
    assert after["height"] > 100
    assert before == after


def test_the_article_loads_its_cover_as_webp_first(browser, base_url):
    fetched = page_requests(browser, base_url + ARTICLE)
    images = [r["url"].removeprefix(base_url) for r in fetched if r["type"] == "image"]
    assert images == ["/" + COVER.replace(".png", ".webp")]


@pytest.mark.parametrize("name", PAGES)
def test_pages_fetch_only_from_the_site_and_run_no_script(browser, base_url, name):
    fetched = page_requests(browser, base_url + PAGES[name])
    assert fetched, "nothing was fetched"
    assert [r["url"] for r in fetched if not r["url"].startswith(base_url)] == []
    if name in SCRIPT_FREE:
        assert [r["url"] for r in fetched if r["type"] == "script"] == []


def test_article_html_and_css_fit_in_14_kb_gzipped(browser, base_url):
    totals = bytes_by_type(page_requests(browser, base_url + ARTICLE))
    assert totals["document"]["gzip"] > 1000
    assert totals["stylesheet"]["gzip"] > 1000
    assert first_paint_bytes(totals) <= FIRST_PAINT_BUDGET


def test_dark_scheme_swaps_the_colours(browser, base_url):
    colours = {}
    for scheme in ("light", "dark"):
        with chrome.page_at(browser, base_url + ARTICLE, scheme=scheme) as page:
            colours[scheme] = page.evaluate(
                "[getComputedStyle(document.body).backgroundColor,"
                " getComputedStyle(document.body).color]"
            )
    assert colours["light"] == ["rgb(251, 250, 247)", "rgb(28, 30, 34)"]
    assert colours["dark"] == ["rgb(21, 23, 27)", "rgb(230, 228, 223)"]


def test_skip_link_shows_on_first_tab_with_a_focus_ring(browser, base_url):
    with chrome.page_at(browser, base_url + ARTICLE) as page:
        link = page.locator(".skip-link")
        assert link.bounding_box()["y"] < 0
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.className") == "skip-link"
        # Wait (up to Playwright's timeout) for the focus style to move it on screen.
        page.wait_for_function(
            "document.querySelector('.skip-link').getBoundingClientRect().y >= 0"
        )
        assert link.bounding_box()["y"] >= 0
        outline = link.evaluate("a => getComputedStyle(a).outlineStyle")
        assert outline == "solid"
        page.keyboard.press("Enter")
        assert page.evaluate("location.hash") == "#site--main"


def test_print_drops_navigation_and_shows_where_links_go(browser, base_url):
    with chrome.page_at(browser, base_url + ARTICLE) as page:
        page.emulate_media(media="print")
        hidden = page.evaluate(
            "['.site-header', '.site-footer', '.toc', '.post-nav', '.related'].map("
            "s => getComputedStyle(document.querySelector(s)).display)"
        )
        assert hidden == ["none"] * 5
        shown = page.evaluate(
            """() => {
              const link = document.createElement("a");
              link.href = "https://example.org/offer";
              link.textContent = "an offer";
              document.querySelector(".prose p").append(link);
              return getComputedStyle(link, "::after").content;
            }"""
        )
        assert shown == '" (" "https://example.org/offer" ")"' or (
            "https://example.org/offer" in shown
        )


def test_code_scrolls_inside_its_block_not_the_page(browser, base_url):
    url = base_url + PAGES["article with code"]
    with chrome.page_at(browser, url, width=360) as page:
        widths = page.evaluate(
            "[...document.querySelectorAll('.highlight pre')].map("
            "p => [p.scrollWidth, p.clientWidth])"
        )
        assert any(scroll > client for scroll, client in widths)
        assert chrome.horizontal_overflow(page) == 0


FIRST_LINE_LENGTH = """p => {
  const text = p.firstChild, range = document.createRange();
  let top = null, count = 0;
  for (let i = 0; i < text.length; i++) {
    range.setStart(text, i);
    range.setEnd(text, i + 1);
    const y = range.getBoundingClientRect().top;
    if (top === null) top = y;
    if (Math.abs(y - top) > 2) break;
    count++;
  }
  return count;
}"""


@pytest.mark.parametrize("width", [768, 1440])
def test_prose_lines_hold_60_to_75_characters(browser, base_url, width):
    with chrome.page_at(browser, base_url + ARTICLE, width=width) as page:
        first_line = page.locator(".prose > p").first.evaluate(FIRST_LINE_LENGTH)
        assert 60 <= first_line <= 75


def test_print_uses_the_light_colours_even_in_dark_mode(browser, base_url):
    with chrome.page_at(browser, base_url + ARTICLE, scheme="dark") as page:
        page.emulate_media(media="print", color_scheme="dark")
        colours = page.evaluate(
            "['.prose p', '.callout-title'].map("
            "s => getComputedStyle(document.querySelector(s)).color)"
        )
        assert colours == ["rgb(0, 0, 0)", "rgb(23, 79, 126)"]
