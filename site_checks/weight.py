"""What a page costs to load: bytes by resource type, raw and gzipped."""

from __future__ import annotations

import gzip
from collections import defaultdict

from playwright.sync_api import Browser

from .browser import IMAGES_DONE, PHONE_WIDTH, wait_until

# zlib's default level, what most static hosts use.
GZIP_LEVEL = 6
# The budget for what a phone needs before it can draw an article: HTML + CSS.
FIRST_PAINT_BUDGET = 14 * 1024


def gzip_size(data: bytes) -> int:
    """Return the size of `data` once gzipped."""
    return len(gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0))


def page_requests(browser: Browser, url: str) -> list[dict]:
    """Load `url` with every image scrolled into view; list what it fetched."""
    context = browser.new_context(viewport={"width": PHONE_WIDTH, "height": 800})
    responses = []
    try:
        page = context.new_page()
        page.on("response", lambda response: responses.append(response))  # noqa: PLW0108
        page.goto(url, wait_until="load")
        page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
        page.wait_for_load_state("networkidle")
        wait_until(page, IMAGES_DONE)
        return [
            {
                "url": response.url,
                "type": response.request.resource_type,
                "raw": len(body := response.body()),
                "gzip": gzip_size(body),
            }
            for response in responses
            if not 300 <= response.status < 400  # a redirect has no body
        ]
    finally:
        context.close()


def bytes_by_type(requests: list[dict]) -> dict[str, dict[str, int]]:
    """Add up raw and gzipped bytes per resource type (document, stylesheet...)."""
    totals: dict[str, dict[str, int]] = defaultdict(lambda: {"raw": 0, "gzip": 0})
    for request in requests:
        totals[request["type"]]["raw"] += request["raw"]
        totals[request["type"]]["gzip"] += request["gzip"]
    return dict(sorted(totals.items()))


def first_paint_bytes(totals: dict[str, dict[str, int]]) -> int:
    """Return the gzipped bytes of the page's HTML and CSS."""
    first_paint = ("document", "stylesheet")
    return sum(totals.get(kind, {}).get("gzip", 0) for kind in first_paint)
