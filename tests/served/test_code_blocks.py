"""Code blocks in Chromium: line rhythm, the copy button, axe, Nu and weight.

The fixture post tests/fixtures/every-code-fence.md shows every fence option.
"""

from __future__ import annotations

import pytest

from site_checks import browser as chrome
from site_checks.nginx import StaticHost, free_port
from site_checks.validator import nu_errors
from site_checks.weight import (
    FIRST_PAINT_BUDGET,
    bytes_by_type,
    first_paint_bytes,
    page_requests,
)
from tests.support.builds import add_fixture, build_blog
from tests.support.fixture_blog import write_content

pytestmark = pytest.mark.server

POST = "/posts/every-code-fence/"
# The first block has ten lines.
TEN_LINES = ".prose .highlight"
PITCH = """(code) => ({
  height: code.getBoundingClientRect().height,
  lines: code.textContent.split("\\n").length - 1,
  fontSize: parseFloat(getComputedStyle(code).fontSize),
})"""
PARAGRAPH_LINES = """(p) => {
  const lineHeight = parseFloat(getComputedStyle(p).lineHeight);
  return p.getBoundingClientRect().height / lineHeight;
}"""
# What the copy button of each block puts on the clipboard.
COPIED = {
    "plain": "\n".join(
        [
            "def first_unique_char(text):",
            '    """Return the first character that appears once, or an empty'
            ' string."""',
            "    counts = {}",
            "    for char in text:",
            "        counts[char] = counts.get(char, 0) + 1",
            '    return next((char for char in text if counts[char] == 1), "")',
            "",
            "",
            'assert first_unique_char("swiss") == "w"',
            'assert first_unique_char("aabb") == ""',
        ]
    ),
    "numbered": "\n".join(
        [
            "import os",
            "",
            'PORT = int(os.environ.get("PORT", "8000"))',
            'HOST = "127.0.0.1"',
            "DEBUG = False",
            'print(f"listening on {HOST}:{PORT}")',
        ]
    ),
    "diff": "\n".join(
        [
            "def greet(name):",
            '    print("Hello " + name)',
            '    print(f"Hello {name}")',
            "    return name",
        ]
    ),
    "diff option": "\n".join(
        [
            "def total(prices):",
            "    return sum(prices)",
            "    return round(sum(prices), 2)",
        ]
    ),
    "console": "python -m venv .venv\n.venv/bin/pip install -e .\necho done",
}
BLOCKS = list(COPIED)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("code-blocks")
    content = write_content(folder / "content")
    add_fixture(content, "every-code-fence.md")
    return build_blog(content, folder)


@pytest.fixture(scope="module")
def base_url(site, tmp_path_factory):
    state = tmp_path_factory.mktemp("nginx")
    with StaticHost(site, state, free_port(), prefix="") as host:
        yield host.url.rstrip("/")


@pytest.mark.parametrize("width", [360, 1280])
def test_code_lines_sit_at_most_1_7_times_the_code_font_size(browser, base_url, width):
    with chrome.page_at(browser, base_url + POST, width=width) as page:
        block = page.locator(TEN_LINES).first.locator("code")
        measured = block.evaluate(PITCH)
        paragraph = page.locator(".prose > p").first.evaluate(PARAGRAPH_LINES)
    assert measured["lines"] == 10
    pitch = measured["height"] / measured["lines"]
    assert pitch <= 1.7 * measured["fontSize"], measured
    # Inline code keeps the text's line height: whole lines of text.
    assert paragraph == pytest.approx(round(paragraph), abs=0.02)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_fence_option_passes_axe(browser, base_url, scheme):
    with chrome.page_at(browser, base_url + POST, scheme=scheme) as page:
        assert page.locator(".highlight .copy").count() == len(BLOCKS)
        assert chrome.axe_violations(page) == []


@pytest.fixture
def clipboard_page(browser, base_url):
    context = browser.new_context(
        permissions=["clipboard-read", "clipboard-write"],
        viewport={"width": 1280, "height": 800},
    )
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url)
    page = context.new_page()
    page.goto(base_url + POST, wait_until="load")
    try:
        yield page
    finally:
        context.close()


@pytest.mark.parametrize("index", range(len(BLOCKS)), ids=BLOCKS)
def test_the_copy_button_copies_exactly_the_code(clipboard_page, index):
    page = clipboard_page
    page.locator(".highlight .copy").nth(index).click()
    chrome.wait_until(page, "document.querySelector('[role=status]').textContent")
    assert page.evaluate("navigator.clipboard.readText()") == COPIED[BLOCKS[index]]
    assert page.locator("[role=status]").text_content() == "Copied"


def test_the_copy_button_is_reached_and_pressed_with_the_keyboard(clipboard_page):
    page = clipboard_page
    page.locator(".highlight pre").first.focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "copy"
    page.keyboard.press("Enter")
    chrome.wait_until(page, "document.querySelector('[role=status]').textContent")
    assert page.evaluate("navigator.clipboard.readText()") == COPIED["plain"]


def test_the_copy_script_runs_under_the_site_policy(browser_page, base_url):
    browser_page.goto(base_url + POST, wait_until="load")
    assert browser_page.locator(".highlight .copy").count() == len(BLOCKS)
    assert browser_page.violations == []
    assert browser_page.outside == []


def test_without_javascript_there_is_no_button(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(base_url + POST, wait_until="load")
        assert page.locator(".highlight").count() == len(BLOCKS)
        assert page.locator("button").count() == 0
    finally:
        context.close()


def test_marked_lines_are_announced(browser, base_url):
    with chrome.page_at(browser, base_url + POST) as page:
        snapshot = page.locator(".highlight").nth(1).aria_snapshot()
    assert snapshot.count("marked line") == 3
    assert " 1 " not in snapshot


def test_the_page_with_code_stays_light(browser, base_url):
    fetched = page_requests(browser, base_url + POST)
    scripts = [r for r in fetched if r["type"] == "script"]
    assert [r["url"].removeprefix(base_url) for r in scripts] == ["/theme/js/code.js"]
    assert scripts[0]["gzip"] <= 1024
    assert first_paint_bytes(bytes_by_type(fetched)) <= FIRST_PAINT_BUDGET


@pytest.mark.java
def test_the_page_with_every_fence_option_is_valid_html(site):
    page = site / POST.strip("/") / "index.html"
    assert nu_errors([page]) == {page.resolve(): []}
