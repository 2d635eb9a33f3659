"""Old addresses: redirect pages written, taken or unwritable addresses refused."""

from __future__ import annotations

import pytest

from socratic_blog.errors import display_path
from tests.support.schema_blog import SITE, Blog, warnings


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
            "aliases holds an invisible control character (U+0000), written as an"
            " escape; delete the escape (a backslash and what follows it)",
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


AGAIN = "remove it, or write the old address it really had"


@pytest.mark.parametrize(
    ("address", "problem"),
    [
        ("/_headers", "names '_headers', a file the host reads, not a page"),
        ("/CNAME/", "names 'CNAME', a file the host reads, not a page"),
        ("/.nojekyll", "names '.nojekyll', a file the host reads, not a page"),
        (
            "/old/.env",
            "names '.env', a dot-file, which hosts hide or keep for themselves",
        ),
        (
            "/index.htm",
            "ends in 'index.htm', another name for the folder's own index.html;"
            " write the folder's address instead, like '/x/'",
        ),
        (
            "/posts/good/INDEX.HTML",
            "ends in 'INDEX.HTML', another name for the folder's own index.html;"
            " write the folder's address instead, like '/x/'",
        ),
        ("/TAGS/", "differs only in case from the address of the site's tags page"),
        (
            "/404.html/x/",
            "puts a folder at '404.html', a name the site's files take (feeds,"
            " robots.txt, cards)",
        ),
        (
            "/feeds/all.atom.xml/x/",
            "puts a folder at 'all.atom.xml', a name the site's files take (feeds,"
            " robots.txt, cards)",
        ),
    ],
    ids=[
        "headers",
        "cname",
        "nojekyll",
        "dot-file",
        "index-htm",
        "index-case",
        "case",
        "folder-over-page",
        "folder-over-feed",
    ],
)
def test_an_address_the_host_or_a_page_owns_is_refused(blog, address, problem):
    blog.add("extra/_headers", b"/*\n  X-Frame-Options: DENY\n")
    blog.add("extra/.nojekyll", b"")
    name = blog.post("bad", f"title: Bad\ndate: 2024-05-02\naliases: ['{address}']")
    fix = "" if "; " in problem else f"; {AGAIN}"
    assert blog.build() == [f"{name}:4: aliases '{address}' {problem}{fix}"]


def test_an_address_differing_from_a_post_only_in_case_is_refused(blog):
    name = blog.post("case", "title: Case\ndate: 2024-05-02\naliases: /POSTS/good/")
    good = display_path(blog.content / "posts/good/index.md")
    assert blog.build() == [
        f"{name}:4: aliases '/POSTS/good/' differs only in case from the address of"
        f" {good}; {AGAIN}"
    ]


def test_every_address_mistake_comes_with_the_format_mistakes(blog):
    """A clash in a post that fails to read, or beside a format mistake, is named."""
    bad = blog.post("bad", "title: Bad\ndate: 2024-02-30\naliases: [/tags/]")
    taker = blog.post(
        "taker",
        "title: Taker\ndate: 2024-05-02\naliases: [/archives/, 'https://x.org/y/']",
    )
    assert sorted(blog.build()) == [
        f"{bad}:3: date '2024-02-30' is not a real date (day is out of range for"
        " month); write it as YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS+01:00",
        f"{bad}:4: aliases '/tags/' is the address of the site's tags page; {AGAIN}",
        f"{taker}:4: aliases '/archives/' is the address of the site's archives"
        f" page; {AGAIN}",
        f"{taker}:4: aliases 'https://x.org/y/' is a full web address; write only"
        " its path, like '/x/'; write the post's old address as a path, like"
        " '/2014/03/title/'",
    ]


def test_a_folder_index_address_is_the_folder(blog):
    blog.post("moved", "title: Moved\ndate: 2024-05-02\naliases: /old/index.html")
    assert blog.build() == []
    assert blog.html("old/index.html").select_one('meta[http-equiv="refresh"]')
    assert sorted(p.name for p in (blog.output / "old").iterdir()) == ["index.html"]
