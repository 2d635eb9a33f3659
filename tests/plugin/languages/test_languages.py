"""A blog in English and French: addresses, hreflang, switcher, lists, metadata.

The bilingual fixture blog (support/bilingual_blog.py) is built for
production; every page is read back.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest

from tests.support.bilingual_blog import TWINS
from tests.support.bilingual_builds import (
    SITE,
    build_bilingual,
    hreflang,
    html_pages,
    switcher,
)
from tests.support.builds import parse_html

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
# The lists each language has, and their twins.
LIST_TWINS = {
    "": "fr/",
    "tags/": "fr/tags/",
    "archives/": "fr/archives/",
    "search/": "fr/search/",
    "tags/career/": "fr/tags/career/",
    "tags/salary/": "fr/tags/salary/",
    "tags/cv/": "fr/tags/cv/",
}
ALONE = ("posts/interviews/", "fr/posts/mentorat/", "tags/interviews/", "about/")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build_bilingual(tmp_path_factory.mktemp("bilingual"))


@pytest.fixture(scope="module")
def pages(site):
    return html_pages(site)


def test_french_posts_and_lists_live_under_fr(site):
    for path in ("fr/posts/salary", "fr/posts/premier-emploi", "fr/posts/mentorat"):
        assert (site / path / "index.html").is_file(), path
    for path in ("fr", "fr/tags", "fr/archives", "fr/search", "fr/tags/career"):
        assert (site / path / "index.html").is_file(), path
    assert not (site / "fr/tags/interviews").exists()
    assert not (site / "posts/mentorat").exists()
    assert not (site / "posts/premier-emploi").exists()


def test_every_page_says_its_language(site, pages):
    for url, page in pages.items():
        expected = "fr" if url.startswith(f"{SITE}/fr/") else "en"
        assert parse_html(page).html["lang"] == expected, url


def test_hreflang_sets_are_complete_and_reciprocal(pages):
    for url, page in pages.items():
        links = hreflang(page)
        if not links:
            continue
        assert "x-default" in links, url
        languages = {k: v for k, v in links.items() if k != "x-default"}
        assert url in languages.values(), f"{url} does not name itself"
        for other in languages.values():
            assert other in pages, f"{url} names a missing page {other}"
            assert hreflang(pages[other]) == links, f"{url} and {other} differ"


def test_each_twin_names_the_other_and_the_english_one_is_x_default(pages):
    for english, french in {**TWINS, **LIST_TWINS}.items():
        expected = {
            "en": f"{SITE}/{english}",
            "fr": f"{SITE}/{french}",
            "x-default": f"{SITE}/{english}",
        }
        assert hreflang(pages[f"{SITE}/{english}"]) == expected
        assert hreflang(pages[f"{SITE}/{french}"]) == expected


def test_the_switcher_points_at_the_twin_not_at_the_other_home(pages):
    for english, french in {**TWINS, **LIST_TWINS}.items():
        assert switcher(pages[f"{SITE}/{english}"]) == {"fr": f"{SITE}/{french}"}
        assert switcher(pages[f"{SITE}/{french}"]) == {"en": f"{SITE}/{english}"}
    link = parse_html(pages[f"{SITE}/fr/posts/salary/"]).select_one(
        ".language-switch a"
    )
    assert (link["lang"], link.get_text()) == ("en", "English")


def test_a_page_in_one_language_has_no_hreflang_and_no_switcher(pages):
    for path in (*ALONE, "404.html", "fr/404.html"):
        page = pages[f"{SITE}/{path}"]
        assert hreflang(page) == {}, path
        assert switcher(page) == {}, path


def test_open_graph_names_the_locale_and_its_alternates(pages):
    def locales(path):
        page = parse_html(pages[f"{SITE}/{path}"])
        found = page.select('meta[property^="og:locale"]')
        return [(meta["property"], meta["content"]) for meta in found]

    assert locales("fr/posts/salary/") == [
        ("og:locale", "fr_FR"),
        ("og:locale:alternate", "en_US"),
    ]
    assert locales("posts/salary/") == [
        ("og:locale", "en_US"),
        ("og:locale:alternate", "fr_FR"),
    ]
    assert locales("fr/posts/mentorat/") == [("og:locale", "fr_FR")]


def posting(pages, path: str) -> dict:
    script = parse_html(pages[f"{SITE}/{path}"]).find(
        "script", type="application/ld+json"
    )
    return json.loads(script.string)


def test_json_ld_links_the_translation_and_its_original(pages):
    french = posting(pages, "fr/posts/rediger-un-cv/")
    assert french["inLanguage"] == "fr"
    assert french["translationOfWork"]["@id"] == f"{SITE}/posts/writing-a-cv/"
    english = posting(pages, "posts/writing-a-cv/")
    assert english["inLanguage"] == "en"
    assert [work["@id"] for work in english["workTranslation"]] == [
        f"{SITE}/fr/posts/rediger-un-cv/"
    ]
    assert "translationOfWork" not in english
    alone = posting(pages, "fr/posts/mentorat/")
    assert "translationOfWork" not in alone
    assert "workTranslation" not in alone


def titles(pages, path: str) -> list[str]:
    page = parse_html(pages[f"{SITE}/{path}"])
    return [a.get_text() for a in page.select(".card-title a")]


def test_each_language_lists_its_own_posts(pages):
    assert titles(pages, "fr/") == [
        "Parler de salaire",
        "Votre premier emploi",
        "Rédiger un CV",
        "Le mentorat",
    ]
    assert titles(pages, "") == [
        "Talking about salary",
        "Your first job",
        "Writing a CV",
        "Interviews",
    ]
    assert titles(pages, "fr/tags/career/") == [
        "Parler de salaire",
        "Votre premier emploi",
        "Le mentorat",
    ]
    archives = parse_html(pages[f"{SITE}/fr/archives/"]).select(".archive a")
    assert archives[0]["href"] == f"{SITE}/fr/posts/salary/"
    assert all(a["href"].startswith(f"{SITE}/fr/posts/") for a in archives)


def test_french_pages_link_to_french_lists_and_neighbours(pages):
    page = parse_html(pages[f"{SITE}/fr/posts/premier-emploi/"])
    nav = [a["href"] for a in page.select(".site-nav a")][:4]
    assert nav == [
        f"{SITE}/fr/{path}" for path in ("", "tags/", "archives/", "search/")
    ]
    tags = [a["href"] for a in page.select("a.tag")]
    assert set(tags) == {f"{SITE}/fr/tags/career/"}
    neighbours = {a["rel"][0]: a["href"] for a in page.select(".post-nav a")}
    assert neighbours == {
        "next": f"{SITE}/fr/posts/salary/",
        "prev": f"{SITE}/fr/posts/rediger-un-cv/",
    }
    feeds = page.select('link[type="application/atom+xml"]')
    assert feeds[0]["href"] == f"{SITE}/fr/feeds/all.atom.xml"
    # The About page is in English: its link says so (WCAG 3.1.2).
    about = page.select_one(f'.site-nav a[href="{SITE}/about/"]')
    assert (about["lang"], about.get_text()) == ("en", "About")
    lead = parse_html(pages[f"{SITE}/fr/"]).select_one(".lead span")
    assert (lead["lang"], lead.get_text()) == ("en", "Who writes here.")


def test_the_callout_links_to_the_original(pages):
    page = parse_html(pages[f"{SITE}/fr/posts/salary/"])
    link = page.select_one(".callout-information a")
    assert link["href"] == f"{SITE}/posts/salary/"


def test_the_sitemap_names_every_page_with_its_alternates(site, pages):
    root = ET.parse(site / "sitemap.xml").getroot()
    listed = {}
    for url in root.iter(f"{SITEMAP}url"):
        links = url.findall(f"{XHTML}link")
        listed[url.find(f"{SITEMAP}loc").text] = {
            link.get("hreflang"): link.get("href") for link in links
        }
    for french in (*TWINS.values(), "fr/posts/mentorat/", "fr/", "fr/tags/career/"):
        assert f"{SITE}/{french}" in listed
    for loc, alternates in listed.items():
        expected = {k: v for k, v in hreflang(pages[loc]).items() if k != "x-default"}
        assert alternates == expected, loc


def test_a_site_with_posts_in_one_language_says_nothing_of_languages(
    production_build,
):
    # The settings declare French; no post is in French, so nothing changes.
    assert not (production_build / "fr").exists()
    for page in production_build.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "hreflang" not in text, page
        assert "language-switch" not in text, page
        assert "og:locale" not in text, page
        assert '<html lang="en">' in text, page
    sitemap = (production_build / "sitemap.xml").read_text(encoding="utf-8")
    assert "xhtml" not in sitemap
    feed = (production_build / "feeds/all.atom.xml").read_text(encoding="utf-8")
    assert "xml:lang" not in feed


def test_french_lists_and_posts_share_cards_in_french(site, pages):
    def image(path):
        page = parse_html(pages[f"{SITE}/{path}"])
        meta = page.select_one('meta[property="og:image"]')["content"]
        alt = page.select_one('meta[property="og:image:alt"]')["content"]
        return meta, alt

    assert image("fr/") == (
        f"{SITE}/fr/card.png",
        "socraticDev: Guides de carrière pour développeurs",
    )
    assert image("fr/tags/career/")[0] == f"{SITE}/fr/card.png"
    assert image("")[0] == f"{SITE}/card.png"
    assert (site / "fr/card.png").read_bytes() != (site / "card.png").read_bytes()
    assert image("fr/posts/mentorat/")[0] == f"{SITE}/fr/posts/mentorat/card.png"
    assert (site / "fr/posts/mentorat/card.png").is_file()
