"""The small parts of moving in: links, Pelican headers, old addresses."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from markdown import Markdown

from press.authoring.importing.pelican_header import is_pelican_header, to_yaml
from press.authoring.importing.sources import named
from socratic_blog.site.redirects import placeholders, save_path


def site_links(text: str, site_url: str = "https://example.org/blog") -> str:
    extension = "socratic_blog.markdown.site_links"
    md = Markdown(
        extensions=[extension], extension_configs={extension: {"site_url": site_url}}
    )
    return md.convert(text)


def test_a_site_root_link_gets_the_site_url():
    assert site_links("[a](/posts/a/)") == (
        '<p><a href="https://example.org/blog/posts/a/">a</a></p>'
    )


@pytest.mark.parametrize(
    "href",
    ["//cdn.example.org/x", "https://x.org/", "#notes", "relative/", "{filename}x"],
)
def test_other_links_are_left_as_written(href):
    assert site_links(f"[a]({href})") == f'<p><a href="{href}">a</a></p>'


def test_without_a_site_url_a_site_root_link_stays_as_written():
    assert site_links("[a](/posts/a/)", "") == '<p><a href="/posts/a/">a</a></p>'


def test_a_pelican_header_becomes_yaml_front_matter():
    text = "Title: Hi: there\nDate: 2020-01-02 10:00\nTags: a, b c\n\nBody.\n"
    assert is_pelican_header(text)
    assert to_yaml(text) == (
        '---\ntitle: "Hi: there"\ndate: "2020-01-02 10:00"\ntags: ["a", "b c"]\n'
        "---\n\nBody.\n"
    )


def test_a_markdown_file_without_a_header_is_not_one():
    assert not is_pelican_header("# A heading\n\nText.\n")
    assert not is_pelican_header("---\ntitle: x\n---\n")


@pytest.mark.parametrize(
    ("file", "name", "day"),
    [
        ("_posts/2014-03-09-first-job.md", "first-job", datetime.date(2014, 3, 9)),
        ("posts/bundle/index.md", "bundle", None),
        ("_posts/2014-02-30-no-such-day.md", "2014-02-30-no-such-day", None),
    ],
)
def test_a_jekyll_file_name_gives_the_name_and_the_day(file, name, day):
    assert named(Path(file)) == (name, day)


POST = {
    "slug": "first-job",
    "date": datetime.datetime(2014, 3, 9, 8, 5),
    "tags": ["Career", "Jobs"],
}


@pytest.mark.parametrize(
    ("address", "save_as"),
    [
        ("/:year/:month/:day/:title/", "2014/03/09/first-job/index.html"),
        (
            "/:categories/:year/:i_month/:title:output_ext",
            "career/jobs/2014/3/first-job.html",
        ),
        ("blog/old/", "blog/old/index.html"),
        ("/old.htm", "old.htm"),
        ("/caf%C3%A9/", "café/index.html"),
    ],
)
def test_an_old_address_becomes_a_file_in_the_output(address, save_as):
    assert save_path(address, placeholders(POST)) == save_as


@pytest.mark.parametrize(
    ("address", "problem"),
    [
        ("/", "is the home page"),
        ("/../x/", "climbs out of the site with '..'"),
        ("/feed.xml", "ends in '.xml'; only pages get a redirect page"),
        ("https://x.org/a/", "is a full web address; write only its path, like '/x/'"),
    ],
)
def test_an_old_address_that_cannot_be_a_page_says_why(address, problem):
    with pytest.raises(ValueError, match="^" + problem.replace("(", r"\(") + "$"):
        save_path(address, placeholders(POST))


def test_an_unknown_placeholder_is_named():
    with pytest.raises(LookupError) as missing:
        save_path("/:author/:title/", placeholders(POST))
    assert missing.value.args == ("author",)
