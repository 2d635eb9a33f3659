"""Tags whose punctuation names a language keep their own page."""

from __future__ import annotations

import pytest

from conftest import parse_html

LANGUAGES = {"C": "c", "C++": "c-plus-plus", "C#": "c-sharp"}


@pytest.fixture
def language_site(project):
    for number, name in enumerate(LANGUAGES):
        project.add(
            f"posts/lang-{number}/index.md",
            f'---\ntitle: "about {name}"\ndate: 2024-06-0{number + 1}\n'
            f'tags:\n  - "{name}"\n---\n\nA guide about {name}.\n',
        )
    result = project.invoke("build")
    assert result.returncode == 0, result.stderr
    return project.output


def test_c_cpp_and_csharp_get_three_pages(language_site):
    for number, (name, slug) in enumerate(LANGUAGES.items()):
        page = parse_html(language_site / "tags" / slug / "index.html")
        assert page.h1.get_text() == f"Posts tagged \u201c{name}\u201d"
        links = {a["href"] for a in page.select("main a[href^='/posts/']")}
        assert links == {f"/posts/lang-{number}/"}
    index = parse_html(language_site / "tags" / "index.html")
    names = {a.get_text() for a in index.select("main a[href^='/tags/']")}
    assert set(LANGUAGES) <= names
