"""Front matter from other generators: mapped, refused or warned, one line each."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from socratic_blog.errors import display_path
from tests.support.schema_blog import PNG, SITE, Blog, warnings


@pytest.fixture
def blog(tmp_path) -> Blog:
    """A throw-away blog holding one good post."""
    return Blog(tmp_path)


def test_other_generators_spellings_mean_the_blogs_fields(blog):
    blog.add("images/x.png", PNG)
    blog.post(
        "moved",
        "title: Moved in\ndate: 2024-05-02\ncategory: Career\ncategories: [Jobs]\n"
        "lastmod: 2024-06-01\nexcerpt: What it is about.\n"
        "cover:\n  image: /images/x.png\n  alt: A desk\n  relative: true",
    )
    blog.post("hidden", "title: Not yet\ndate: 2024-05-03\npublished: false")
    assert blog.build() == []
    page = blog.html("posts/moved/index.html")
    tags = page.select('meta[property="article:tag"]')
    assert [tag["content"] for tag in tags] == ["Career", "Jobs"]
    assert page.select_one('meta[name="description"]')["content"] == (
        "What it is about."
    )
    assert page.select_one('meta[property="article:modified_time"]')["content"] == (
        "2024-06-01T00:00:00+02:00"
    )
    assert page.select_one('meta[property="og:image:alt"]')["content"] == "A desk"
    assert (blog.output / "images/x.png").read_bytes() == PNG
    assert not (blog.output / "posts/hidden").exists()


def test_a_categories_line_is_split_at_spaces_and_a_tags_line_at_commas(blog):
    blog.post(
        "jekyll",
        "title: Jekyll\ndate: 2024-05-02\ncategories: career job-hunting\n"
        "tags: open source, Python",
    )
    assert blog.build() == []
    tags = blog.html("posts/jekyll/index.html").select('meta[property="article:tag"]')
    assert [tag["content"] for tag in tags] == [
        "career",
        "job-hunting",
        "open source",
        "Python",
    ]


def test_a_cross_posted_guide_names_the_original_as_canonical(blog):
    blog.post(
        "cross",
        "title: Cross\ndate: 2024-05-02\ncanonical_url: https://dev.to/me/cross",
    )
    assert blog.build() == []
    page = blog.html("posts/cross/index.html")
    assert page.select_one('link[rel="canonical"]')["href"] == "https://dev.to/me/cross"
    assert page.select_one('meta[property="og:url"]')["content"] == (
        "https://dev.to/me/cross"
    )
    script = page.select_one('script[type="application/ld+json"]').get_text()
    assert '"url": "https://dev.to/me/cross"' in script
    assert '"@id": "https://dev.to/me/cross"' in script
    sitemap = (blog.output / "sitemap.xml").read_text(encoding="utf-8")
    assert "posts/cross/" not in sitemap
    assert "posts/good/" in sitemap


def test_a_site_root_link_in_the_body_follows_the_site_url(blog):
    blog.post(
        "linking", "title: Links\ndate: 2024-05-02", "See [the good one](/posts/good/)."
    )
    assert blog.build() == []
    link = blog.html("posts/linking/index.html").select_one(".prose a")
    assert link["href"] == f"{SITE}/posts/good/"


@pytest.mark.parametrize(
    ("fields", "line", "message"),
    [
        (
            "template: page",
            4,
            "'template:' is not a key this blog accepts; remove it; every post uses"
            " the theme's post layout",
        ),
        (
            "status: null",
            4,
            "status has no value; write 'draft: true' for a draft, or remove the"
            " line to publish",
        ),
        (
            "status: hidden",
            4,
            "status 'hidden' is not one this blog knows; write 'draft: true' for a"
            " draft, or remove the line to publish",
        ),
        (
            "lang: de",
            4,
            "lang 'de' is not one of this site's languages (en, fr); write one of"
            " them, or add 'de' to LANGUAGES in pelicanconf.py",
        ),
        (
            "save_as: feeds/all.atom.xml",
            4,
            "'save_as:' is not a key this blog accepts; remove it; the post is"
            " written at posts/<slug>/",
        ),
        (
            "image: https://example.org/x.png",
            4,
            "cover image 'https://example.org/x.png' is a web address; the site"
            " publishes its own covers (measured, with a WebP copy); download the"
            " image next to the post and write its file name, like 'image:"
            " cover.png'",
        ),
        (
            "title: Again",
            4,
            "'title' is written twice (lines 2 and 4); keep one of them",
        ),
        (
            "modified: 2024-05-03\nupdated: 2024-05-04",
            5,
            "'updated' (line 5) and 'modified' (line 4) both set the modified;"
            " keep one of them",
        ),
        (
            "canonical_url: dev.to/me",
            4,
            "canonical_url 'dev.to/me' is not a web address; write the original's"
            " full address, like 'https://example.org/post/'",
        ),
    ],
    ids=[
        "template",
        "status-null",
        "status-hidden",
        "lang",
        "save-as",
        "web-cover",
        "twice",
        "two-spellings",
        "canonical",
    ],
)
def test_each_mistake_is_one_line_naming_file_line_and_fix(blog, fields, line, message):
    blog.build()
    feed = (blog.output / "feeds/all.atom.xml").read_bytes()
    name = blog.post("bad", f"title: Bad\ndate: 2024-05-02\n{fields}")
    assert blog.build() == [f"{name}:{line}: {message}"]
    assert (blog.output / "feeds/all.atom.xml").read_bytes() == feed
    ET.fromstring(feed)


def test_a_missing_site_root_cover_names_the_path_under_content(blog):
    name = blog.post("bad", "title: Bad\ndate: 2024-05-02\nimage: /images/x.png")
    looked = display_path(blog.content / "images/x.png")
    assert blog.build() == [
        f"{name}:4: cover image '/images/x.png' does not exist (looked for"
        f" {looked}); fix the 'image:' path; a path that starts with / starts at"
        " the content folder"
    ]


def test_unknown_keys_are_warned_with_the_nearest_known_key(blog, capsys):
    name = blog.post(
        "loose",
        "title: Loose\ndate: 2024-05-02\nlayout: post\ncomments: true\ntag: career",
    )
    assert blog.build() == []
    assert warnings(capsys) == [
        f"warning: {name}:4: unknown front matter key 'layout' (nearest known key:"
        " 'author'); it is ignored; rename it or remove it",
        f"warning: {name}:5: unknown front matter key 'comments' (nearest known"
        " key: 'cover'); it is ignored; rename it or remove it",
        f"warning: {name}:6: unknown front matter key 'tag' (nearest known key:"
        " 'tags'); it is ignored; rename it or remove it",
    ]
    assert not (blog.output / "tags/career").exists()
    # A warm build reads the post from the content cache and still says so.
    assert blog.build() == []
    assert len(warnings(capsys)) == 3


def test_one_build_reports_every_mistake_of_every_file(blog):
    first = blog.post(
        "first", "title: One\ndate: 2024-05-02\ntemplate: page\nlang: de\nstatus: x"
    )
    second = blog.post("second", "date: 2024-13-01\nsave_as: index.html")
    errors = blog.build()
    assert sorted(errors) == sorted(
        [
            f"{first}:4: 'template:' is not a key this blog accepts; remove it;"
            " every post uses the theme's post layout",
            f"{first}:5: lang 'de' is not one of this site's languages (en, fr);"
            " write one of them, or add 'de' to LANGUAGES in pelicanconf.py",
            f"{first}:6: status 'x' is not one this blog knows; write 'draft: true'"
            " for a draft, or remove the line to publish",
            f"{second}:2: date '2024-13-01' is not a real date (month must be in"
            " 1..12); write it as YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS+01:00",
            f"{second}:3: 'save_as:' is not a key this blog accepts; remove it; the"
            " post is written at posts/<slug>/",
            f"{second}:1: the front matter has no title; add 'title: \"...\"'",
        ]
    )


def test_the_sites_language_is_accepted(blog):
    blog.post("english", "title: English\ndate: 2024-05-02\nlang: en")
    assert blog.build() == []
    assert (blog.output / "posts/english/index.html").is_file()


def test_a_cover_setting_the_theme_does_not_use_is_warned(blog, capsys):
    blog.add("posts/covered/desk.png", PNG)
    name = blog.post(
        "covered",
        "title: Covered\ndate: 2024-05-02\ncover:\n  image: desk.png\n"
        "  caption: My desk\n  hidden: false",
    )
    assert blog.build() == []
    assert warnings(capsys) == [
        f"warning: {name}:4: 'cover: caption:' is not used by this blog and is"
        " ignored; remove it, or move its text into the post"
    ]


def test_a_one_word_category_is_a_tag_even_when_yaml_calls_it_true(blog):
    blog.post("yes", "title: Yes\ndate: 2024-05-02\ncategory: Yes")
    assert blog.build() == []
    tags = blog.html("posts/yes/index.html").select('meta[property="article:tag"]')
    assert [tag["content"] for tag in tags] == ["Yes"]
