"""Search: Pagefind indexes the production build; its page works in a browser.

That the preview links the search page is tested in test_site.py.
"""

from __future__ import annotations

import functools
import http.server
import json
import threading
import urllib.request

import pytest
from pelican.settings import read_settings

from press.output.search_index import BUNDLE, PAGES_SETTING
from press.output.search_shards import SHARD_LIST
from site_checks.browser import axe_violations, page_at
from socratic_blog.guards import page_policy
from tests.support.builds import ROOT, add_fixture, build_blog
from tests.support.fixture_blog import SALARY_TALK, write_content

pytestmark = pytest.mark.server

SUB_PATH = "blog"
OFFER_URL = f"/{SUB_PATH}{SALARY_TALK.url}"
HOSTILE_TITLE = "</script><script>alert(1)</script>"
RESULT_LINK = ".pagefind-ui__result-link"


def site_csp() -> str:
    """The Content-Security-Policy the build writes into _headers."""
    settings = read_settings(str(ROOT / "publishconf.py"))
    return page_policy.policy_text(page_policy.directives(settings))


class PolicyHandler(http.server.SimpleHTTPRequestHandler):
    """Serve files with the site's Content-Security-Policy, without logging."""

    policy = site_csp()

    def end_headers(self):
        self.send_header("Content-Security-Policy", self.policy)
        super().end_headers()

    def log_message(self, format, *args):
        pass


@pytest.fixture(scope="module")
def search_site(tmp_path_factory):
    """Build the fixture blog and a hostile post for production under /blog/.

    Pagefind indexes it a page a shard, so every search merges shards (as a
    site of thousands of posts does); a local server sends the site's CSP
    with every file.
    """
    root = tmp_path_factory.mktemp("search")
    content = write_content(root / "content")
    add_fixture(content, "hostile.md")
    www = root / "www"
    www.mkdir()
    handler = functools.partial(PolicyHandler, directory=str(www))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    base = f"http://127.0.0.1:{server.server_port}/{SUB_PATH}"
    shards = {PAGES_SETTING: 1}
    output = build_blog(content, root, production=True, SITEURL=base, **shards)
    (www / SUB_PATH).symlink_to(output, target_is_directory=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield base
    finally:
        server.shutdown()
        server.server_close()


def search(page, base: str, words: str):
    """Type `words` in the search page's box and wait for the result links."""
    page.goto(f"{base}/search/")
    page.fill(".pagefind-ui__search-input", words)
    page.wait_for_selector(RESULT_LINK, timeout=15_000)
    return page.locator(RESULT_LINK)


def test_the_index_comes_in_shards_of_one_page(search_site):
    listed = urllib.request.urlopen(f"{search_site}/{BUNDLE}/{SHARD_LIST}", timeout=10)
    assert len(json.load(listed)["shards"]) >= 3  # the posts found below: merged


def test_typing_offer_finds_the_post_about_offers(search_site, browser_page):
    links = search(browser_page, search_site, "offer")
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    assert OFFER_URL in hrefs
    browser_page.locator(f'{RESULT_LINK}[href="{OFFER_URL}"]').first.click()
    browser_page.wait_for_url(f"**{OFFER_URL}")
    assert browser_page.locator("h1").inner_text() == SALARY_TALK.title
    assert browser_page.outside == []
    assert browser_page.violations == []


def test_results_show_hostile_titles_as_text(search_site, browser_page):
    links = search(browser_page, search_site, "inject markup")
    assert HOSTILE_TITLE in [links.nth(i).inner_text() for i in range(links.count())]
    results = browser_page.locator("#search")
    assert results.locator("script, img[src='x'], svg[onload]").count() == 0
    assert browser_page.dialogs == []
    assert browser_page.outside == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_search_page_with_results_has_no_axe_violations(search_site, browser, scheme):
    with page_at(browser, f"{search_site}/search/", scheme=scheme) as page:
        page.fill(".pagefind-ui__search-input", "offer")
        page.wait_for_selector(RESULT_LINK, timeout=15_000)
        assert axe_violations(page) == []
