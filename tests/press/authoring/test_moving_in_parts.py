"""The small parts of moving in: links, Pelican headers, old addresses."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from markdown import Markdown

from press.authoring.importing.old_site import read_old_site
from press.authoring.importing.pelican_header import is_pelican_header, to_yaml
from press.authoring.importing.permalinks import old_address
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


@pytest.mark.parametrize(
    ("file", "name", "day"),
    [
        ("_posts/2019-12-3-x.md", "x", datetime.date(2019, 12, 3)),
        ("_posts/2019-1-13-y.md", "y", datetime.date(2019, 1, 13)),
    ],
)
def test_a_jekyll_file_name_may_write_one_digit_months_and_days(file, name, day):
    assert named(Path(file)) == (name, day)


def write(root: Path, files: dict[str, str]) -> None:
    for relative, text in files.items():
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_text(text, encoding="utf-8")


DAY = datetime.datetime(2016, 3, 22, 14, 0)


@pytest.mark.parametrize(
    ("style", "address"),
    [
        ("pretty", "/career/2016/03/22/first-steps/"),
        ("date", "/career/2016/03/22/first-steps.html"),
        ("ordinal", "/career/2016/082/first-steps.html"),
        ("none", "/career/first-steps.html"),
        ("/blog/:year/:i_month/:title/", "/blog/2016/3/first-steps/"),
    ],
)
def test_a_jekyll_permalink_style_gives_the_old_address(tmp_path, style, address):
    write(tmp_path, {"_config.yml": f"permalink: {style}\n", "_posts/.keep": ""})
    site = read_old_site(tmp_path / "_posts")
    fields = {"categories": "Career"}
    assert site.generator == "jekyll"
    assert old_address(site, fields, tmp_path / "_posts/x.md", "first-steps", DAY) == (
        address
    )


@pytest.mark.parametrize(
    ("config", "text"),
    [
        ("hugo.toml", '[permalinks]\nposts = "/:year/:month/:slug/"\n'),
        ("config.yaml", "permalinks:\n  posts: /:year/:month/:slug/\n"),
        ("hugo.toml", '[permalinks.page]\nposts = "/:year/:month/:slug/"\n'),
    ],
)
def test_hugo_permalinks_are_read_from_any_settings_file(tmp_path, config, text):
    write(tmp_path, {config: text, "content/posts/a-b/index.md": ""})
    site = read_old_site(tmp_path)
    file = tmp_path / "content/posts/a-b/index.md"
    fields = {"title": "A B", "slug": "ab"}
    assert old_address(site, fields, file, "a-b", DAY) == "/2016/03/ab/"
    assert old_address(site, {"title": "A B"}, file, "a-b", DAY) == "/2016/03/a-b/"


def test_a_hugo_post_without_permalinks_had_its_section_address(tmp_path):
    write(tmp_path, {"config.toml": 'title = "x"\n', "content/posts/My-Post.md": ""})
    site = read_old_site(tmp_path / "content/posts")
    file = tmp_path / "content/posts/My-Post.md"
    assert old_address(site, {}, file, "My-Post", DAY) == "/posts/my-post/"


def test_pelican_settings_are_read_from_any_file_and_never_run(tmp_path):
    ran = tmp_path / "ran"
    write(
        tmp_path,
        {
            "conf_site.py": "import os\n"
            'ARTICLE_SAVE_AS = "{date:%Y}/{slug}/index.html"\n'
            f'open("{ran}", "w")\nSITEURL = "https://x.org/old"\n',
            "content/Work/a.md": "",
        },
    )
    site = read_old_site(tmp_path / "content")
    assert not ran.exists()
    assert (site.generator, site.base_path, site.host) == ("pelican", "/old", "x.org")
    file = tmp_path / "content/Work/a.md"
    assert old_address(site, {"title": "Hi there"}, file, "a", DAY) == (
        "/2016/hi-there/"
    )


def test_an_own_permalink_or_url_wins_over_the_settings(tmp_path):
    write(tmp_path, {"_config.yml": "permalink: pretty\n", "_posts/.keep": ""})
    site = read_old_site(tmp_path)
    file = tmp_path / "_posts/x.md"
    assert old_address(site, {"permalink": "/x/"}, file, "x", DAY) is None
