"""What templates read besides the page: addresses, bar colours, the About page."""

from __future__ import annotations

import re

import pytest

from socratic_blog.errors import ContentError
from socratic_blog.pictures.palette import scheme_backgrounds
from socratic_blog.site.context import canonical_url
from tests.support.builds import ROOT, parse_html
from tests.support.fixture_blog import JOB_HUNT

STYLESHEET = ROOT / "theme" / "static" / "css" / "style.css"


@pytest.mark.parametrize(
    ("path", "url"),
    [
        ("index.html", ""),
        ("posts/a-post/index.html", "posts/a-post/"),
        ("page/2/index.html", "page/2/"),
        ("404.html", "404.html"),
        ("posts/notindex.html", "posts/notindex.html"),
    ],
)
def test_a_page_file_is_served_at_its_folder(path, url):
    assert canonical_url(path) == url


def test_the_bar_colours_are_the_stylesheets_page_colours(dev_build):
    assert scheme_backgrounds(STYLESHEET) == {"light": "#fbfaf7", "dark": "#15171b"}
    for page in ("index.html", JOB_HUNT.page):
        metas = parse_html(dev_build / page).find_all(
            "meta", attrs={"name": "theme-color"}
        )
        assert {meta["media"]: meta["content"] for meta in metas} == {
            "(prefers-color-scheme: light)": "#fbfaf7",
            "(prefers-color-scheme: dark)": "#15171b",
        }


def test_a_new_page_colour_is_the_new_bar_colour(tmp_path):
    css = STYLESHEET.read_text(encoding="utf-8")
    dark = css.index("prefers-color-scheme: dark")
    edited = css[:dark] + re.sub(r"--bg: #\w+;", "--bg: #000;", css[dark:], count=1)
    stylesheet = tmp_path / "style.css"
    stylesheet.write_text(edited, encoding="utf-8")
    assert scheme_backgrounds(stylesheet) == {"light": "#fbfaf7", "dark": "#000"}


def test_a_stylesheet_without_a_dark_page_colour_is_named_with_the_fix(tmp_path):
    stylesheet = tmp_path / "style.css"
    stylesheet.write_text(":root { --bg: #fff; }\n", encoding="utf-8")
    with pytest.raises(ContentError) as error:
        scheme_backgrounds(stylesheet)
    assert "dark scheme's :root rule sets no hex colour for --bg" in str(error.value)


def test_the_about_page_is_linked_from_the_nav_and_the_home_page(dev_build):
    home = parse_html(dev_build / "index.html")
    assert home.select_one(".site-nav a[href='/about/']").get_text() == "About"
    assert home.select_one(".intro .lead a")["href"] == "/about/"
    about = parse_html(dev_build / "about" / "index.html")
    assert about.select_one(".site-nav a[aria-current]")["href"] == "/about/"
