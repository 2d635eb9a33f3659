"""Tags whose punctuation names a language keep their own page."""

from __future__ import annotations

import pytest

from support.builds import build_blog, parse_html
from support.fixture_blog import write

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
