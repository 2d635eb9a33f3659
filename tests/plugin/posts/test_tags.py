"""Tags whose punctuation names a language keep their own page."""

from __future__ import annotations

import pytest

from tests.support.builds import build_blog, parse_html
from tests.support.fixture_blog import write
from tests.support.schema_blog import SITE, Blog, warnings

LANGUAGES = {"C": "c", "C++": "c-plus-plus", "C#": "c-sharp"}


@pytest.fixture
def language_site(tmp_path):
    for number, name in enumerate(LANGUAGES):
        write(
            tmp_path / "content" / "posts" / f"lang-{number}" / "index.md",
            f'---\ntitle: "about {name}"\ndate: 2024-06-0{number + 1}\n'
            f'tags:\n  - "{name}"\n---\n\nA guide about {name}.\n',
        )
    return build_blog(tmp_path / "content", tmp_path)


def test_c_cpp_and_csharp_get_three_pages(language_site):
    for number, (name, slug) in enumerate(LANGUAGES.items()):
        page = parse_html(language_site / "tags" / slug / "index.html")
        assert page.h1.get_text() == f"Posts tagged \u201c{name}\u201d"
        links = {a["href"] for a in page.select("main a[href^='/posts/']")}
        assert links == {f"/posts/lang-{number}/"}
    index = parse_html(language_site / "tags" / "index.html")
    names = {a.get_text() for a in index.select("main a[href^='/tags/']")}
    assert names == set(LANGUAGES)


def test_tags_spelled_two_ways_are_one_tag_in_the_spelling_most_posts_use(
    tmp_path, capsys
):
    blog = Blog(tmp_path)
    blog.post("a", "title: A\ndate: 2024-05-02\ncategory: Design")
    blog.post("b", "title: B\ndate: 2024-05-03\ntags: [Design]")
    blog.post("c", "title: C\ndate: 2024-05-04\ntags: [design, CV]")
    capsys.readouterr()
    assert blog.build() == []
    assert warnings(capsys) == [
        "warning: the tags 'Design' (2 posts), 'design' (1 post) share the page"
        " /tags/design/ and are shown as 'Design'; spell them one way to silence"
        " this"
    ]
    page = parse_html(blog.output / "tags/design/index.html")
    assert page.h1.get_text() == "Posts tagged \u201cDesign\u201d"
    assert {a["href"] for a in page.select("main a[href*='/posts/']")} == {
        f"{SITE}/posts/{slug}/" for slug in "abc"
    }
    post = parse_html(blog.output / "posts/c/index.html")
    tags = [a.get_text() for a in post.select("main a[href*='/tags/']")]
    assert "Design" in tags and "design" not in tags


def test_a_post_keeps_its_own_spelling_in_the_cache(tmp_path, capsys):
    blog = Blog(tmp_path)
    blog.post("a", "title: A\ndate: 2024-05-02\ntags: [Design]")
    blog.post("b", "title: B\ndate: 2024-05-03\ntags: [Design]")
    blog.post("c", "title: C\ndate: 2024-05-04\ntags: [design]")
    assert blog.build() == []
    for slug in "ab":
        (blog.content / "posts" / slug / "index.md").unlink()
    assert blog.build() == []
    page = parse_html(blog.output / "tags/design/index.html")
    assert page.h1.get_text() == "Posts tagged \u201cdesign\u201d"
    post = parse_html(blog.output / "posts/c/index.html")
    assert "design" in [a.get_text() for a in post.select("main a[href*='/tags/']")]
