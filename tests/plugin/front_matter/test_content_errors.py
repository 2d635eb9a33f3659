"""Content mistakes that once slipped through: each is one line naming the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from press import build
from tests.support.builds import ROOT, parse_html, settings_for

GOOD = "---\ntitle: A good post\ndate: 2024-05-01\n---\n\nSome words.\n"
SETTINGS = {"development": "pelicanconf.py", "production": "publishconf.py"}


@pytest.fixture
def blog(tmp_path):
    """A one-post site in `tmp_path`: returns a function that builds it."""
    content = tmp_path / "content"
    (content / "posts" / "good").mkdir(parents=True)
    (content / "posts" / "good" / "index.md").write_text(GOOD, encoding="utf-8")
    overrides = settings_for(tmp_path, content, SITEURL="https://example.org/blog")

    def run(kind: str = "development", **files: str) -> list[str]:
        for relative, text in files.items():
            path = content / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        return build.build(ROOT / SETTINGS[kind], overrides)

    run.content = content
    return run


@pytest.mark.parametrize("kind", sorted(SETTINGS))
@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("---\ntitle: Bell \x07 ringing\ndate: 2024-05-02\n---\n\nWords.\n", 2),
        ("---\ntitle: Fine\ndate: 2024-05-02\n---\n\nA\x1b[31m red word.\n", 6),
    ],
    ids=["title", "body"],
)
def test_a_control_character_is_one_line_in_every_build(blog, kind, text, line):
    errors = blog(kind, **{"posts/controls/index.md": text})
    assert len(errors) == 1
    assert errors[0].endswith(
        f"posts/controls/index.md:{line}: the text holds an invisible control"
        f" character (U+00{'07' if line == 2 else '1B'}); delete it (editors may"
        " show it as a box or as ^ and a letter)"
    )
    assert Path(errors[0].split(":")[0]).name == "index.md"


@pytest.mark.parametrize(
    "field", ['cover: "\\0"', 'title: "Bell \\a"', 'tags: ["a\\x1b"]']
)
def test_a_control_character_written_as_an_escape_is_one_line(blog, field):
    text = f"---\ntitle: Fine\ndate: 2024-05-02\n{field}\n---\n\nWords.\n"
    errors = blog(
        **{
            "posts/escapes/index.md": text.replace(
                "title: Fine\n", "", field.startswith("title")
            )
        }
    )
    assert len(errors) == 1, errors
    assert "posts/escapes/index.md:" in errors[0]
    assert "holds an invisible control character" in errors[0]
    assert errors[0].endswith("delete the escape (a backslash and what follows it)")


def test_a_page_slug_that_takes_a_list_page_names_the_page(blog):
    page = "---\ntitle: My tags\n---\n\nAll about tags.\n"
    errors = blog(**{"pages/tags.md": page})
    assert len(errors) == 1
    assert errors[0].endswith(
        "pages/tags.md: slug 'tags' would replace the site's page /tags/;"
        " give this one a different 'slug:' in its front matter"
    )


def test_modified_before_date_names_both_lines(blog):
    post = (
        "---\ntitle: Time travel\ndate: 2024-05-02\nmodified: 2024-05-01T09:00:00+02:00"
        "\n---\n\nWords.\n"
    )
    errors = blog(**{"posts/time-travel/index.md": post})
    assert len(errors) == 1
    assert errors[0].endswith(
        "/posts/time-travel/index.md:4: modified (line 4) is earlier than date"
        " (line 3); set 'modified:' to the day of the last change, on or after"
        " 'date:'"
    )


def test_a_tag_written_twice_counts_once(blog):
    post = "---\ntitle: Twice\ndate: 2024-05-02\ntags: [career, career]\n---\n\nW.\n"
    assert blog(**{"posts/twice/index.md": post}) == []
    output = blog.content.parent / "output"
    listing = parse_html(output / "tags" / "career" / "index.html")
    links = [a["href"] for a in listing.select("main a[href$='/posts/twice/']")]
    assert links == ["https://example.org/blog/posts/twice/"]
    tags = parse_html(output / "tags" / "index.html")
    (entry,) = [a.parent for a in tags.select("main a[href$='/tags/career/']")]
    assert entry.select_one(".count").get_text() == "1 post"
