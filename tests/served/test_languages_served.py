"""The French pages in a browser and the Nu checker; the French search.

The bilingual fixture blog is built for production under /blog/ (Pagefind
indexes it by each page's `<html lang>`) and served by nginx.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from press.output.search_index import PAGES_SETTING
from site_checks import browser as chrome
from site_checks.nginx import StaticHost, free_port
from site_checks.validator import nu_errors
from tests.support.bilingual_blog import FRENCH_ONLY_WORD, write_bilingual
from tests.support.builds import build_blog

FRENCH_PAGES = (
    "fr/",
    "fr/posts/salary/",
    "fr/posts/mentorat/",
    "fr/tags/",
    "fr/tags/career/",
    "fr/archives/",
    "fr/search/",
    "fr/404.html",
)
RESULT_LINK = ".pagefind-ui__result-link"
MESSAGE = ".pagefind-ui__message"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, int]:
    folder = tmp_path_factory.mktemp("bilingual-served")
    port = free_port()
    content = write_bilingual(folder / "content")
    site = f"http://127.0.0.1:{port}/blog"
    # A page a search shard: each language's search reads its own shards alone.
    shards = {PAGES_SETTING: 1}
    return build_blog(content, folder, production=True, SITEURL=site, **shards), port


@pytest.fixture(scope="module")
def base_url(built, tmp_path_factory):
    output, port = built
    state = tmp_path_factory.mktemp("nginx")
    with StaticHost(output, state, port, prefix="/blog") as host:
        yield host.url.rstrip("/")


@pytest.mark.browser
@pytest.mark.server
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_french_pages_have_no_axe_violations(browser, base_url, scheme):
    for path in FRENCH_PAGES:
        with chrome.page_at(browser, f"{base_url}/{path}", scheme=scheme) as page:
            assert page.evaluate("document.documentElement.lang") == "fr"
            assert chrome.axe_violations(page) == [], path


@pytest.mark.java
def test_french_pages_are_valid_html(built):
    output, _ = built
    pages = sorted((output / "fr").rglob("*.html"))
    assert len(pages) >= len(FRENCH_PAGES)
    assert nu_errors(pages) == {page.resolve(): [] for page in pages}


def search(page, url: str, words: str) -> None:
    """Type `words` in the search box of the page at `url`; wait for an answer."""
    page.goto(url)
    page.fill(".pagefind-ui__search-input", words)
    page.wait_for_selector(f"{RESULT_LINK}, {MESSAGE}", timeout=15_000)
    page.wait_for_timeout(500)


@pytest.mark.browser
@pytest.mark.server
def test_the_french_search_finds_a_word_only_the_french_posts_have(browser, base_url):
    with chrome.page_at(browser, f"{base_url}/fr/search/") as page:
        search(page, f"{base_url}/fr/search/", FRENCH_ONLY_WORD)
        links = page.locator(RESULT_LINK)
        hrefs = sorted(links.nth(i).get_attribute("href") for i in range(links.count()))
        assert hrefs == ["/blog/fr/posts/premier-emploi/", "/blog/fr/posts/salary/"]
        search(page, f"{base_url}/search/", FRENCH_ONLY_WORD)
        assert page.locator(RESULT_LINK).count() == 0
        search(page, f"{base_url}/search/", "paycheck")
        links = page.locator(RESULT_LINK)
        assert [links.nth(i).get_attribute("href") for i in range(links.count())] == [
            "/blog/posts/salary/"
        ]
