"""Hostile metadata stays text everywhere; drafts are never published."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import feedparser
import pytest
from bs4 import BeautifulSoup

from tests.support.builds import FIXTURES, add_fixture, build_blog, parse_html
from tests.support.fixture_blog import COVER, cover_png, write

HOSTILE_TITLE = "</script><script>alert(1)</script>"
HOSTILE_DESCRIPTION = '"><img src=x onerror=alert(2)>'
HOSTILE_TAG = "<svg onload=alert(3)>"
HOSTILE_ALT = '"></p><img src=x onerror=alert(4)>'
# Files Pelican's own readers would read; only the front matter reader reads here.
OTHER_FORMATS = (".html", ".mkd", ".rst")
ATOM = "{http://www.w3.org/2005/Atom}"
# Feed elements whose text is HTML (Atom says so with type="html").
HTML_PAYLOADS = {f"{ATOM}content", f"{ATOM}summary", "description"}
FEED_ELEMENTS = {"rss", "channel", "item", "feed", "entry"}
# The site's only scripts: Pagefind's search box and the line that starts it,
# on the search page (test_search.py runs them in a browser).
SEARCH_PAGE = "search/index.html"
SEARCH_SCRIPTS = ("/pagefind/pagefind-ui.js", "/theme/js/search.js")
# The theme's scripts: the search box's, and the copy buttons' on pages with code.
THEME_SCRIPTS = (*SEARCH_SCRIPTS, "/theme/js/code.js")
PAGEFIND_FILES = {
    ".js",
    ".css",
    ".json",
    ".pagefind",
    ".pf_meta",
    ".pf_index",
    ".pf_fragment",
}


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    """A production build of a hostile post and a draft, each with a cover."""
    folder = tmp_path_factory.mktemp("hostile")
    content = folder / "content"
    add_fixture(content, "hostile.md")
    add_fixture(content, "draft.md")
    for suffix in OTHER_FORMATS:
        write(
            content / "posts" / f"other{suffix}",
            (FIXTURES / f"other-formats{suffix}").read_bytes(),
        )
    write(content / COVER, cover_png())
    write(content / "posts" / "draft" / "secret-cover.png", cover_png())
    return build_blog(content, folder, production=True)


def html_files(site):
    return sorted(site.rglob("*.html"))


def assert_inert(soup: BeautifulSoup, where) -> None:
    """Fail if parsed HTML holds a script, an event handler or a script URL."""
    scripts = [
        s for s in soup.find_all("script") if s.get("type") != "application/ld+json"
    ]
    assert scripts == [], where
    for element in soup.find_all(True):
        handlers = [name for name in element.attrs if name.lower().startswith("on")]
        assert handlers == [], (where, element.name)
        for name in ("href", "src"):
            url = str(element.get(name, "")).strip().lower()
            assert not url.startswith("javascript:"), (where, element.name)
    for data in soup.find_all("script", type="application/ld+json"):
        assert "<" not in data.string, where
        json.loads(data.string)


def assert_inert_xml(path) -> None:
    """Fail if an XML file has foreign elements or HTML payloads that run."""
    for element in ET.parse(path).getroot().iter():
        name = element.tag.rpartition("}")[2]
        assert name not in {"script", "svg", "img"}, (path, element.tag)
        if element.tag in HTML_PAYLOADS and element.text:
            assert_inert(BeautifulSoup(element.text, "html.parser"), (path, name))


def without_search_scripts(soup: BeautifulSoup) -> BeautifulSoup:
    """Check and remove the search page's two external scripts."""
    scripts = soup.find_all("script", src=True)
    assert [s["src"].endswith(SEARCH_SCRIPTS) for s in scripts] == [True, True]
    assert all(not s.string for s in scripts)
    for script in scripts:
        script.decompose()
    return soup


def test_no_output_file_holds_executable_markup(hostile_site):
    checked = {}
    for path in sorted(p for p in hostile_site.rglob("*") if p.is_file()):
        relative = path.relative_to(hostile_site).as_posix()
        if relative == SEARCH_PAGE:
            assert_inert(without_search_scripts(parse_html(path)), path)
        elif path.suffix == ".html":
            assert_inert(parse_html(path), path)
        elif path.suffix == ".xml":
            assert_inert_xml(path)
        elif path.suffix == ".txt":
            assert "<" not in path.read_text(encoding="utf-8"), path
        elif relative.startswith("pagefind/"):
            # Pagefind's bundle; the browser test shows its results stay text.
            assert path.suffix in PAGEFIND_FILES, path
        else:
            # Theme files and images carry no content: nothing else may appear.
            assert path.suffix in {".css", ".svg", ".png", ".webp", ".js"}, path
            assert path.suffix != ".svg" or path.name == "favicon.svg", path
            assert path.suffix != ".js" or f"/{relative}".endswith(THEME_SCRIPTS), path
        checked[path.suffix] = checked.get(path.suffix, 0) + 1
    assert checked[".html"] >= 6 and checked[".xml"] >= 7 and checked[".txt"] == 1


def test_json_ld_reads_back_the_hostile_metadata_as_text(hostile_site):
    page = parse_html(hostile_site / "posts" / "hostile" / "index.html")
    [data] = page.find_all("script", type="application/ld+json")
    posting = json.loads(data.string)
    assert posting["headline"] == HOSTILE_TITLE
    assert posting["description"] == HOSTILE_DESCRIPTION
    assert posting["keywords"] == f"{HOSTILE_TAG}, career"
    og_alt = page.find("meta", property="og:image:alt")["content"]
    assert og_alt == HOSTILE_ALT


def test_feed_readers_see_the_hostile_metadata_as_plain_text(hostile_site):
    for name in ("all.atom.xml", "all.rss.xml"):
        parsed = feedparser.parse((hostile_site / "feeds" / name).read_bytes())
        assert not parsed.bozo, name
        [entry] = [e for e in parsed.entries if e.link.endswith("/posts/hostile/")]
        assert entry.title == HOSTILE_TITLE
        assert entry.title_detail.type == "text/plain"
        assert [tag.term for tag in entry.tags] == [HOSTILE_TAG, "career"]
    # feedparser sanitises HTML it returns, so read the cover as written.
    feed = ET.parse(hostile_site / "feeds" / "all.atom.xml")
    bodies = [c.text for c in feed.iter(f"{ATOM}content") if COVER in c.text]
    alts = [BeautifulSoup(body, "html.parser").img["alt"] for body in bodies]
    assert HOSTILE_ALT in alts


def test_hostile_metadata_reads_back_as_text(hostile_site):
    [page] = [
        p
        for p in html_files(hostile_site)
        if HOSTILE_TITLE in parse_html(p).h1.get_text()
    ] or [None]
    assert page is not None, "the hostile title is not shown as text in an h1"
    soup = parse_html(page)
    assert soup.title.get_text().startswith(HOSTILE_TITLE)
    description = soup.find("meta", attrs={"name": "description"})
    assert description["content"] == HOSTILE_DESCRIPTION
    tag_links = [
        a.get_text(strip=True) for a in soup.select("article a[href*='/tags/']")
    ]
    assert HOSTILE_TAG in tag_links


def test_feeds_parse_and_carry_the_title_as_text(hostile_site):
    feed = ET.parse(hostile_site / "feeds" / "all.atom.xml")
    ns = {"atom": "http://www.w3.org/2005/Atom"}
    titles = [t.text for t in feed.findall("atom:entry/atom:title", ns)]
    assert HOSTILE_TITLE in titles


def test_draft_is_in_no_page_or_feed(hostile_site):
    for path in hostile_site.rglob("*"):
        if path.suffix in {".html", ".xml"}:
            text = path.read_text(encoding="utf-8")
            assert "secret draft" not in text, path
            assert "drafts-only" not in text, path
    assert not (hostile_site / "posts" / "draft").exists()
    assert not (hostile_site / "drafts").exists()
    assert not list(hostile_site.rglob("secret-cover*")), (
        "a draft's cover was published"
    )


def test_only_the_front_matter_reader_reads_posts(hostile_site):
    posts = sorted(p.parent.name for p in (hostile_site / "posts").glob("*/index.html"))
    assert posts == ["hostile"]
    assert not list(hostile_site.rglob("other*"))
    for path in hostile_site.rglob("*"):
        if path.suffix in {".html", ".xml", ".json"}:
            text = path.read_text(encoding="utf-8")
            assert "would publish" not in text, path
            assert "an HTML post" not in text, path
