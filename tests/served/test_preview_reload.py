"""The preview reloads where the reader was, and shows a broken post over the page."""

from __future__ import annotations

import contextlib
import time
from pathlib import Path

import pytest
from playwright.sync_api import Error as PlaywrightError

from site_checks.browser import wait_until
from tests.support.builds import copy_code
from tests.support.serving import answers, serving

ROOT = Path(__file__).resolve().parents[2]
POST = "content/posts/long-read/index.md"
PARAGRAPHS = "\n\n".join(f"Paragraph {n} of a long read." for n in range(120))
LONG_READ = f'---\ntitle: "A long read"\ndate: 2024-05-01\n---\n\n{PARAGRAPHS}\n'
# A tab before the title: YAML refuses it, on the front matter's line 2.
BROKEN = LONG_READ.replace('title: "A long read"', '\ttitle: "A long read"')
PAGE = "/posts/long-read/"
SCROLLED = 1500


@pytest.fixture
def preview(tmp_path):
    """`invoke serve` on a blog of one long post; yields its folder and URL."""
    blog = copy_code(tmp_path / "blog")
    (blog / POST).parent.mkdir(parents=True)
    (blog / POST).write_text(LONG_READ, encoding="utf-8")
    with serving(blog, PAGE) as url:
        yield blog, url


@pytest.mark.browser
@pytest.mark.server
def test_reload_keeps_the_scroll_and_errors_show_over_the_page(preview, browser):
    blog, url = preview
    page = browser.new_page(viewport={"width": 800, "height": 600})
    # Chromium restores the scroll of a reloaded page itself unless told not
    # to: only the preview's own scroll keeping may bring the reader back.
    page.add_init_script("history.scrollRestoration = 'manual'")
    violations = []
    page.on(
        "console",
        lambda message: (
            "Content Security Policy" in message.text
            and violations.append(message.text)
        ),
    )
    page.goto(url + PAGE)
    wait_until(page, "window.previewConnected === true")
    page.evaluate(f"window.scrollTo(0, {SCROLLED})")
    page.evaluate("window.beforeTheEdit = true")
    # The reloaded page's load event waits for the client's style sheet, held
    # here: a slow picture does the same. The reader is brought back before.
    held = []

    def hold(route):  # Playwright needs a function it can tag, not a bound method
        held.append(route)

    page.route("**/_preview/overlay.css", hold)

    (blog / POST).write_text(
        LONG_READ.replace("Paragraph 3 of", "Paragraph three of"), encoding="utf-8"
    )
    wait_until(page, "document.body.innerText.includes('Paragraph three of')")
    wait_until(page, "window.previewConnected === true")
    assert page.evaluate("window.beforeTheEdit") is None
    assert page.evaluate("document.readyState") != "complete"
    assert abs(page.evaluate("window.scrollY") - SCROLLED) < 5
    page.unroute("**/_preview/overlay.css")
    for route in held:
        with contextlib.suppress(PlaywrightError):  # a page reloaded since
            route.continue_()
    wait_until(page, "document.readyState === 'complete'")
    assert abs(page.evaluate("window.scrollY") - SCROLLED) < 5

    (blog / POST).write_text(BROKEN, encoding="utf-8")
    wait_until(page, "document.getElementById('preview-error') !== null")
    shown = page.inner_text("#preview-error")
    assert "content/posts/long-read/index.md:2" in shown
    assert "Paragraph three of" in page.inner_text("main")

    (blog / POST).write_text(LONG_READ, encoding="utf-8")
    wait_until(page, "document.body.innerText.includes('Paragraph 3 of')")
    wait_until(page, "window.previewConnected === true")
    assert page.query_selector("#preview-error") is None
    assert abs(page.evaluate("window.scrollY") - SCROLLED) < 5
    assert violations == []


def search(page, words: str) -> list[str]:
    """Search the preview's search page; return the result titles once shown.

    Pagefind answers after a debounce and its index loads; on a loaded machine
    that takes longer than any fixed pause, so wait for its message instead.
    """
    try:
        page.fill(".pagefind-ui__search-input", "")
        page.fill(".pagefind-ui__search-input", words)
        page.wait_for_function(
            "words => (document.querySelector('.pagefind-ui__message')"
            " ?.textContent || '').includes(words)",
            arg=words,
            timeout=10_000,
        )
        return page.locator(".pagefind-ui__result-link").all_inner_texts()
    except PlaywrightError:  # a time-out, or the preview reloaded the page meanwhile
        return []


def finds(page, words: str, titles: list[str], seconds: float = 60) -> bool:
    """Search until the results are `titles`, reloading the page between tries.

    The preview reloads its open pages after each rebuild and refreshes its
    index in the background, so a try may meet a page on its way out.
    """
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with contextlib.suppress(PlaywrightError):
            wait_until(page, "document.querySelector('.pagefind-ui__search-input')")
        if search(page, words) == titles:
            return True
        with contextlib.suppress(PlaywrightError):  # a page the preview is reloading
            page.reload()
    return False


@pytest.mark.browser
@pytest.mark.server
def test_search_works_in_the_preview_and_follows_edits(preview, browser):
    blog, url = preview
    deadline = time.monotonic() + 60
    while not answers(url + "/pagefind/pagefind-entry.json"):
        assert time.monotonic() < deadline, "the preview never indexed the site"
        time.sleep(0.2)
    page = browser.new_page()
    page.goto(url + "/search/")
    found = finds(page, "paragraph", ["A long read"])
    assert found, "the preview's search never found the post"

    (blog / POST).write_text(
        LONG_READ.replace("Paragraph 3 of", "Zanzibar paragraph of"),
        encoding="utf-8",
    )
    assert finds(page, "zanzibar", ["A long read"]), "the index never saw the edit"
