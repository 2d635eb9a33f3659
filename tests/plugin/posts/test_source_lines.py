"""Error lines: found in text and callouts, never in code blocks (CommonMark fences)."""

from __future__ import annotations

import pytest

from socratic_blog.posts.source_lines import source_line

CASES = {
    "after a code block": ("```python\nplan.png\n```\nplan.png\n", 4),
    "inside a callout": ("```information\nSee plan.png\n```\n", 2),
    "a longer fence holding a shorter one": (
        "````markdown\n```python\nx\n```\n````\n\n![a](plan.png)\n",
        7,
    ),
    "a callout holding a code block": (
        "````information\n```python\nplan.png\n```\n![a](plan.png)\n````\n",
        5,
    ),
    "a tilde block inside a callout": (
        "```information\n~~~\nplan.png\n~~~\nSee plan.png\n```\nplan.png\n",
        5,
    ),
    "indented fences": ("   ```\nplan.png\n   ```\nplan.png\n", 4),
    "a fence never closed": ("```\nplan.png\n", None),
}


@pytest.mark.parametrize(("text", "line"), CASES.values(), ids=CASES.keys())
def test_the_line_is_the_first_outside_code(tmp_path, text, line):
    post = tmp_path / "index.md"
    post.write_text(f"---\ntitle: t\n---\n{text}", encoding="utf-8")
    assert source_line(post, "PLAN.png") == (line + 3 if line else None)
