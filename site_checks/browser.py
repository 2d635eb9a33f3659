"""Debian's Chromium driven by Playwright: open pages, run axe, measure layout."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, sync_playwright
from playwright.sync_api import Error as PlaywrightError

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
# WCAG 2.0, 2.1 and 2.2 at levels A and AA, plus axe's best practices.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
PHONE_WIDTH = 360
HEIGHT = 800
# Sums the layout shifts the page has had (the page itself runs no script).
RECORD_SHIFTS = """
window.layoutShift = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) window.layoutShift += entry.value;
}).observe({type: "layout-shift", buffered: true});
"""
# A lazy picture below the window is not loaded until the reader scrolls to it.
IMAGES_DONE = """() => [...document.images].every((img) => img.complete
  || (img.loading === "lazy" && img.getBoundingClientRect().top > innerHeight))"""
POLL_SECONDS = 0.05


def wait_until(page: Page, expression: str, arg=None, seconds: float = 30) -> None:
    """Poll `expression` in the page until it is truthy.

    Playwright's wait_for_function compiles its predicate with `new Function`,
    which the site's Content-Security-Policy forbids; evaluate() is exempt.
    While the page reloads, an error only means asking again.
    """
    deadline = time.monotonic() + seconds
    failure = None
    while time.monotonic() < deadline:
        try:
            if page.evaluate(expression, arg):
                return
        except PlaywrightError as error:
            failure = error
        time.sleep(POLL_SECONDS)
    raise TimeoutError(f"still false after {seconds} s: {expression} ({failure})")


@contextmanager
def chromium(*args: str) -> Iterator[Browser]:
    """Launch headless Chromium for the block, with these extra command-line `args`."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, *args]
        )
        try:
            yield browser
        finally:
            browser.close()


@contextmanager
def page_at(
    browser: Browser, url: str, width: int = PHONE_WIDTH, scheme: str = "light"
) -> Iterator[Page]:
    """Open `url` at `width` CSS pixels in a light or dark scheme, fully loaded."""
    context = browser.new_context(
        viewport={"width": width, "height": HEIGHT}, color_scheme=scheme
    )
    try:
        page = context.new_page()
        page.add_init_script(RECORD_SHIFTS)
        page.goto(url, wait_until="load")
        wait_until(page, IMAGES_DONE)
        yield page
    finally:
        context.close()


def axe_violations(page: Page) -> list[dict]:
    """Run axe-core on the page; return each violated rule with its elements."""
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}}
    results = Axe().run(page, options=options)
    return [
        {
            "rule": violation["id"],
            "impact": violation["impact"],
            "help": violation["help"],
            "elements": [" ".join(node["target"]) for node in violation["nodes"]],
        }
        for violation in results.response["violations"]
    ]


def horizontal_overflow(page: Page) -> int:
    """Return how many CSS pixels the page is wider than the viewport."""
    return page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )


def layout_shift(page: Page) -> float:
    """Return the page's cumulative layout shift since it started loading."""
    return page.evaluate("window.layoutShift")


def box_before_and_after_image(
    browser: Browser, url: str, selector: str, width: int = PHONE_WIDTH
) -> tuple[dict, dict]:
    """Measure an image's box while its file is held back, then once it arrives."""
    context = browser.new_context(viewport={"width": width, "height": HEIGHT})
    held: list = []
    try:
        page = context.new_page()
        # Playwright tags its handlers, which a bound method does not allow.
        page.route("**/*.{png,webp,jpg,jpeg}", lambda route: held.append(route))  # noqa: PLW0108
        page.goto(url, wait_until="domcontentloaded")
        image = page.locator(selector)
        image.scroll_into_view_if_needed()
        for _ in range(100):
            if held:
                break
            page.wait_for_timeout(50)
        assert held, f"no image request to hold back on {url}"
        before = image.bounding_box()
        while held:
            held.pop().continue_()
        wait_until(
            page,
            "s => document.querySelector(s).complete "
            "&& document.querySelector(s).naturalWidth > 0",
            selector,
        )
        return before, image.bounding_box()
    finally:
        context.close()
