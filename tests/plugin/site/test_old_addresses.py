"""Old addresses: redirect pages written, taken or unwritable addresses refused."""

from __future__ import annotations

import pytest

from socratic_blog.errors import display_path
from support.schema_blog import SITE, Blog, warnings


@pytest.fixture
def blog(tmp_path) -> Blog:
    """A throw-away blog holding one good post."""
    return Blog(tmp_path)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        (
            "url: https://old.example.org/x/",
            "url 'https://old.example.org/x/' is a full web address; write only"
            " its path, like '/x/'; write the post's old address as a path, like"
            " '/2014/03/title/'",
        ),
        (
            "aliases: [/tags/]",
            "aliases '/tags/' is the address of the site's tags page; remove it,"
            " or write the old address it really had",
        ),
    ],
    ids=["full-url", "alias-taken"],
)
def test_a_wrong_old_address_is_one_line_naming_file_line_and_fix(
    blog, fields, message
):
    name = blog.post("bad", f"title: Bad\ndate: 2024-05-02\n{fields}")
    assert blog.build() == [f"{name}:4: {message}"]


def test_old_addresses_get_redirect_pages_in_no_list(blog, capsys):
    name = blog.post(
        "moved",
        "title: Moved\ndate: 2014-03-09\nurl: /2014/03/moved/\n"
        "aliases: [/old/moved/, /moved.html]\npermalink: /:year/:month/:day/:title/\n"
        "redirect_from: /:unknown/x/",
    )
    assert blog.build() == []
    target = f"{SITE}/posts/moved/"
    for page in (
        "2014/03/moved/index.html",
        "old/moved/index.html",
        "moved.html",
        "2014/03/09/moved/index.html",
    ):
        html = blog.html(page)
        assert html.select_one('meta[http-equiv="refresh"]')["content"] == (
            f"0; url={target}"
        )
        assert html.select_one('link[rel="canonical"]')["href"] == target
        assert html.select_one('meta[name="robots"]')["content"] == "noindex"
    assert (blog.output / "posts/moved/index.html").is_file()
    listed = "".join(
        (blog.output / name).read_text(encoding="utf-8")
        for name in ("sitemap.xml", "feeds/all.atom.xml", "feeds/all.rss.xml")
    )
    assert "old/moved" not in listed
    assert "2014/03" not in listed
    assert warnings(capsys) == [
        f"warning: {name}:7: redirect_from '/:unknown/x/' has the placeholder"
        " ':unknown', which this blog cannot fill; no redirect is written for it;"
        " write the old address in full under 'aliases:'"
    ]


def test_an_old_address_of_another_post_is_refused(blog):
    name = blog.post("taker", "title: Taker\ndate: 2024-05-02\naliases: /posts/good/")
    assert blog.build() == [
        f"{name}:4: aliases '/posts/good/' is the address of"
        f" {display_path(blog.content / 'posts/good/index.md')}; remove it, or write"
        " the old address it really had"
    ]


def test_two_posts_cannot_claim_one_old_address(blog):
    first = blog.post("one", "title: One\ndate: 2024-05-02\naliases: /old/")
    second = blog.post("two", "title: Two\ndate: 2024-05-03\nredirect_from: /old/")
    assert blog.build() == [
        f"{second}:4: redirect_from '/old/' is already an old address of {first};"
        " remove it, or write the old address it really had"
    ]


LONG = "a" * 256


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        (
            'aliases: ["/old\\0x/"]',
            "aliases '/old\\x00x/' holds the control character U+0000; remove it"
            " from the address",
        ),
        (
            "redirect_from: /old%01x/",
            "redirect_from '/old%01x/' holds the control character U+0001; remove"
            " it from the address",
        ),
        (
            f"url: /{LONG}/",
            f"url '/{LONG}/' has a part longer than 255 bytes, which no file can be"
            " named; shorten that part, or remove the address",
        ),
    ],
    ids=["nul", "escaped-control", "long-part"],
)
def test_an_address_no_file_can_have_is_refused(blog, fields, message):
    name = blog.post("bad", f"title: Bad\ndate: 2024-05-02\n{fields}")
    assert blog.build() == [f"{name}:4: {message}"]


def test_an_address_the_file_system_refuses_names_the_post(blog):
    address = "/" + "/".join(["a" * 250] * 20) + "/"
    name = blog.post("deep", f"title: Deep\ndate: 2024-05-02\naliases: {address}")
    assert blog.build() == [
        f"{name}:4: aliases '{address}' cannot be written as a redirect page (File"
        " name too long); shorten the address or remove it"
    ]
