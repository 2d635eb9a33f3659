"""The theme speaks the page's language: every string, date and reading time.

The strings are the ones the templates mark (extracted with Babel, as
`pybabel extract` would) and the words the Markdown extensions write into a
post (callout titles, link names); each must have a French translation, and
no French page may show one of them in English.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from socratic_blog.languages.post_words import NAMES
from socratic_blog.markdown.alerts import KINDS
from socratic_blog.markdown.callout import InformationFence
from tests.support.bilingual_builds import SITE, build_bilingual, html_pages
from tests.support.builds import ROOT, build_blog, parse_html

TEMPLATES = ROOT / "theme" / "templates"
CATALOGUE = ROOT / "theme" / "translations" / "fr.po"
PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def template_messages() -> set[str]:
    """Every message the templates mark, singular and plural forms alike."""
    found = set()
    method = [("**.html", "jinja2"), ("**.xml", "jinja2")]
    options = {"**": {"extensions": "jinja2.ext.i18n"}}
    for *_, message, _, _ in extract_from_dir(TEMPLATES, method, options):
        found.update([message] if isinstance(message, str) else message)
    return found


def post_messages() -> set[str]:
    """The words the Markdown extensions write into a post."""
    titles = {title for title, _ in KINDS.values()} | {InformationFence.title}
    return titles | {message for _, message in NAMES}


def catalogue() -> dict[str, object]:
    """The French catalogue: each message and its translation(s)."""
    with CATALOGUE.open("rb") as source:
        read = read_po(source, locale="fr")
    return {
        (m.id if isinstance(m.id, str) else m.id[0]): m
        for m in read
        if m.id and not m.fuzzy
    }


def test_the_templates_mark_their_strings():
    messages = template_messages()
    assert {"Skip to content", "%(minutes)s min read", "Draft", "Scheduled"} <= messages
    assert "%(num)s posts" in messages


def test_every_string_has_a_french_translation():
    translated = catalogue()
    for message in sorted(template_messages() | post_messages()):
        entry = translated.get(message)
        if entry is None and message.endswith("s posts"):
            entry = translated.get(message.replace("posts", "post"))
        assert entry is not None, f"fr.po lacks {message!r}"
        strings = entry.string if isinstance(entry.string, tuple) else [entry.string]
        assert all(strings), f"fr.po leaves {message!r} untranslated"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build_bilingual(tmp_path_factory.mktemp("strings"))


def english_patterns() -> list[re.Pattern]:
    """A pattern per English string whose French differs from it."""
    patterns = []
    for message, entry in catalogue().items():
        strings = entry.string if isinstance(entry.string, tuple) else [entry.string]
        if message in strings:
            continue
        parts = [re.escape(part) for part in PLACEHOLDER.split(message)[::2]]
        patterns.append(re.compile(".+".join(parts)))
    return patterns


def shown_strings(page: Path) -> list[str]:
    """The text of a page (node by node) and the names it gives screen readers."""
    soup = parse_html(page)
    for hidden in soup(["script", "style"]):
        hidden.decompose()
    texts = [" ".join(t.split()).strip("· ") for t in soup.find_all(string=True)]
    names = [
        tag[attribute]
        for attribute in ("aria-label", "title", "alt")
        for tag in soup.find_all(attrs={attribute: True})
    ]
    return [text for text in texts + names if text]


def test_no_french_page_shows_a_theme_string_in_english(site):
    patterns = english_patterns()
    french = {u: p for u, p in html_pages(site).items() if u.startswith(f"{SITE}/fr/")}
    assert len(french) > 10
    for url, page in french.items():
        for text in shown_strings(page):
            for pattern in patterns:
                assert not pattern.fullmatch(text), f"{url} shows {text!r}"


def test_french_pages_date_in_french_and_english_pages_in_english(site):
    french = parse_html(site / "fr/posts/salary/index.html").select_one(".byline")
    assert "9 mars 2024" in french.get_text()
    assert "1 min de lecture" in " ".join(french.get_text().split())
    english = parse_html(site / "posts/salary/index.html").select_one(".byline")
    assert "9 March 2024" in english.get_text()
    home = parse_html(site / "fr/index.html")
    assert [t.get_text() for t in home.select(".card time")][:2] == [
        "9 mars 2024",
        "1 février 2024",
    ]


def test_callout_titles_and_section_links_are_french(site):
    page = parse_html(site / "fr/posts/salary/index.html")
    assert page.select_one(".callout-note .callout-title").get_text() == "Remarque"
    anchor = page.select_one("h2#avant a.heading-anchor")
    assert anchor["aria-label"] == "Lien vers cette section : Avant"


def test_reading_time_follows_each_language_pace(tmp_path):
    words = " ".join(["mot"] * 440)
    content = tmp_path / "content" / "posts" / "long"
    content.mkdir(parents=True)
    front = "---\ntitle: Long\ndate: 2024-01-01\n---\n\n"
    (content / "index.md").write_text(front + words, encoding="utf-8")
    (content / "index.fr.md").write_text(front + words, encoding="utf-8")
    site = build_blog(tmp_path / "content", tmp_path)
    # 440 words: English at 230 a minute, French at 195 (LANGUAGES).
    assert "2 min read" in parse_html(site / "posts/long/index.html").get_text()
    french = parse_html(site / "fr/posts/long/index.html").get_text()
    assert "3 min de lecture" in french
