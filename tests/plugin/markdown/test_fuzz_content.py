"""Random posts never crash the build: it succeeds, or fails naming the file."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from press import build
from tests.support.builds import ROOT

GOOD = "---\ntitle: Anchor\ndate: 2024-05-01\n---\n\nThe last good build.\n"
KEYS = [
    "title", "date", "modified", "author", "image", "image_alt", "tags",
    "description", "summary", "slug", "draft", "status", "save_as", "url",
    "template", "lang", "category", "categories", "published", "cover",
    "aliases", "lastmod", "Title", "tag", "x-custom", "redirect_from",
    "permalink", "canonical_url", "cover_image", "excerpt", "authors", "updated",
]  # fmt: skip
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=True),
    st.text(max_size=40),
    st.dates().map(str),
    st.sampled_from(["2024-02-29", "2023-02-29", "yes", "No", "3.10", "../x.png"]),
)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=6,
)
markdown_lines = st.sampled_from(
    [
        "Some *text* and `code`.",
        "- item",
        "  - nested by two",
        "    - nested by four",
        "\t- nested by a tab",
        "3. starts at three",
        "> a quote",
        "> - list in a quote",
        "```python",
        "```information",
        "~~~",
        "[^1]: a note",
        "A note[^1].",
        "<details><summary>More</summary>",
        "</details>",
        "> [!NOTE]",
        "<!--more-->",
        "![missing](nowhere.png)",
        "[link](/images/x.png)",
        "<script>alert(1)</script>",
        "# Heading",
        "",
    ]
)


@st.composite
def posts(draw) -> str:
    """A post with random front matter (or broken framing) and Markdown."""
    fields = draw(st.dictionaries(st.sampled_from(KEYS), values, max_size=6))
    if draw(st.booleans()):
        fields.setdefault("title", draw(st.text(max_size=30)))
        fields.setdefault("date", "2024-06-01")
    matter = yaml.safe_dump(fields, allow_unicode=True) if fields else ""
    body = "\n".join(draw(st.lists(markdown_lines, max_size=12)))
    body += draw(st.text(max_size=60))
    opening, closing = draw(
        st.sampled_from(
            [("---\n", "---\n"), ("---\n", ""), ("", ""), ("---\n", "...\n")]
        )
    )
    return f"{opening}{matter}{closing}\n{body}\n"


def snapshot(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


# Half a minute of random builds: the whole suite runs it, the fast tier not.
pytestmark = pytest.mark.slow


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=posts())
def test_a_random_post_builds_or_fails_in_lines_naming_it(tmp_path, text):
    site = tmp_path / "site"
    shutil.rmtree(site, ignore_errors=True)
    (site / "content/posts/anchor").mkdir(parents=True)
    (site / "content/posts/anchor/index.md").write_text(GOOD, encoding="utf-8")
    overrides = {
        "PATH": str(site / "content"),
        "OUTPUT_PATH": str(site / "output"),
        "CACHE_PATH": str(site / "cache"),
        "SOCIAL_CARDS_CACHE": str(tmp_path / "cards"),
    }
    assert build.build(ROOT / "pelicanconf.py", overrides) == []
    before = snapshot(site / "output")

    post = site / "content/posts/random/index.md"
    post.parent.mkdir(parents=True)
    post.write_text(text, encoding="utf-8")
    errors = build.build(ROOT / "pelicanconf.py", overrides)

    for line in errors:
        assert "\n" not in line
        assert "Traceback" not in line
        assert "content/posts/random/index.md" in line, line
    if errors:
        assert snapshot(site / "output") == before
