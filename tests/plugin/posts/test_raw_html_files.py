"""Pictures and files named in a post's raw HTML are published like Markdown's."""

from __future__ import annotations

import pytest

from tests.support.builds import ROOT, parse_html

PNG = (ROOT / "content/images/opentowork.png").read_bytes()
SITE = "https://example.org/blog"


@pytest.fixture
def site(one_post_site):
    """Build a one-post site (production, under /blog) from the body given."""
    return one_post_site


def test_raw_html_pictures_and_file_links_are_published_under_the_site_url(site):
    body = (
        '<img src="/images/x.png" width="300" alt="x">\n\n'
        '<p><a href="/images/big.png">big</a> <a href="beside.png">beside</a></p>\n\n'
        '<video poster="poster.png" controls></video>\n\n'
        '<picture><source srcset="small.png 1x, /images/x.png 2x">'
        '<img src="small.png" alt="s"></picture>'
    )
    files = {
        "images/x.png": PNG,
        "images/big.png": PNG,
        "posts/pictures/beside.png": PNG,
        "posts/pictures/poster.png": PNG,
        "posts/pictures/small.png": PNG,
    }
    errors, output = site(body, **files)
    assert errors == []
    main = parse_html(output / "posts/pictures/index.html").select_one("main")
    assert [img["src"] for img in main.select("img")] == [
        f"{SITE}/images/x.png",
        f"{SITE}/posts/pictures/small.png",
    ]
    assert main.select_one("img")["width"] == "300"
    assert [a["href"] for a in main.select('a[href$=".png"]')] == [
        f"{SITE}/images/big.png",
        f"{SITE}/posts/pictures/beside.png",
    ]
    assert main.select_one("video")["poster"] == f"{SITE}/posts/pictures/poster.png"
    # The author's <picture> keeps its own sources (the wide x.png alone gets
    # WebP copies, in a <picture> of its own: pictures/body_pictures.py).
    author_sources = [source["srcset"] for source in main.select("source[srcset]")]
    assert f"{SITE}/posts/pictures/small.png 1x, {SITE}/images/x.png 2x" in (
        author_sources
    )
    for relative, data in files.items():
        assert (output / relative).read_bytes() == data


def test_a_site_root_page_link_in_raw_html_gets_the_site_url(site):
    errors, output = site('<p><a href="/posts/pictures/#top">here</a></p>')
    assert errors == []
    link = parse_html(output / "posts/pictures/index.html").select_one("main p a")
    assert link["href"] == f"{SITE}/posts/pictures/#top"


@pytest.mark.parametrize(
    ("tag", "path"),
    [
        ('<img src="/images/nowhere.png" alt="n">', "/images/nowhere.png"),
        ('<a href="gone.pdf">pdf</a>', "gone.pdf"),
        ('<img srcset="missing.png 2x" alt="m">', "missing.png"),
    ],
)
def test_a_missing_raw_html_file_stops_the_build_naming_its_line(
    site, tmp_path, tag, path
):
    errors, _ = site(f"Text.\n\n{tag}")
    content = (tmp_path / "content").as_posix()
    looked = f"{content}/{path.lstrip('/')}"
    if not path.startswith("/"):
        looked = f"{content}/posts/pictures/{path}"
    start = (
        "a path that starts with / starts at the content folder"
        if path.startswith("/")
        else "it is relative to the post file"
    )
    assert errors == [
        f"{content}/posts/pictures/index.md:8: the file '{path}' in raw HTML does"
        f" not exist (looked for {looked}); fix the path in the tag; {start}"
    ]


def test_a_raw_html_file_outside_content_is_refused(site, tmp_path):
    (tmp_path / "secret.png").write_bytes(PNG)
    errors, _ = site('<img src="../../../secret.png" alt="s">')
    content = (tmp_path / "content").as_posix()
    assert errors == [
        f"{content}/posts/pictures/index.md:6: the file '../../../secret.png' in raw"
        " HTML is outside the content folder; fix the path in the tag; it is"
        " relative to the post file"
    ]


def test_code_and_other_tags_are_left_byte_for_byte(site):
    body = (
        '```html\n<img src="/images/nowhere.png">\n```\n\n'
        '<p><a href="https://x.org/a.png" title="a &gt; b">far</a></p>'
    )
    errors, output = site(body)
    assert errors == []
    html = (output / "posts/pictures/index.html").read_text("utf-8")
    code = parse_html(output / "posts/pictures/index.html").select_one("main pre")
    assert code.get_text() == '<img src="/images/nowhere.png">\n'
    assert '<a href="https://x.org/a.png" title="a &gt; b">far</a>' in html


def test_a_link_to_a_file_the_build_writes_is_an_address_not_a_file(site):
    errors, output = site(
        '<p><a href="/feeds/all.atom.xml">feed</a> <a href="notes.txt">n</a></p>'
    )
    assert errors == []
    links = parse_html(output / "posts/pictures/index.html").select(".prose p a")
    assert [a["href"] for a in links] == [f"{SITE}/feeds/all.atom.xml", "notes.txt"]
