"""Bad content stops `invoke build` with one clear line and keeps the old output."""

from __future__ import annotations

import pytest

from conftest import snapshot

CASES = {
    "bad-yaml.md": ("bad-yaml/index.md:5", "broken YAML"),
    "missing-title.md": ("missing-title/index.md:1", "no title"),
    "impossible-date.md": ("impossible-date/index.md:3", "not a real date"),
    "missing-image.md": ("missing-image/index.md:4", "does not exist"),
    "unclosed-front-matter.md": ("unclosed-front-matter/index.md:1", "never closed"),
    "not-utf8.md": ("not-utf8/index.md:2", "not UTF-8"),
    "duplicate-slug.md": ("duplicate-slug/index.md", "already used by"),
}


@pytest.mark.parametrize("fixture", sorted(CASES))
def test_bad_content_fails_in_one_line_and_keeps_output(project, fixture):
    first = project.invoke("build")
    assert first.returncode == 0, first.stderr
    before = snapshot(project.output)
    assert "posts/so-you-are-opentowork/index.html" in before

    project.add_fixture(fixture)
    result = project.invoke("build")

    where, problem = CASES[fixture]
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert result.returncode != 0
    assert "Traceback" not in result.stderr + result.stdout
    assert len(errors) == 1, result.stderr
    assert f"content/posts/{where}" in errors[0]
    assert problem in errors[0]
    assert snapshot(project.output) == before
    assert not list(project.root.glob(".output.*")), "staging folder left behind"


def test_duplicate_slug_names_both_files(project):
    project.add_fixture("duplicate-slug.md")
    result = project.invoke("build")
    assert result.returncode != 0
    assert "content/posts/so-you-are-opentowork/index.md" in result.stderr
    assert "content/posts/duplicate-slug/index.md" in result.stderr
