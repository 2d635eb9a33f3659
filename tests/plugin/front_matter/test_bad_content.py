"""Bad content stops the build with one clear line and keeps the old output."""

from __future__ import annotations

from pathlib import Path

import pytest

from press import build
from tests.support.builds import SETTINGS, add_fixture, settings_for, snapshot
from tests.support.fixture_blog import JOB_HUNT, write_content

CASES = {
    "bad-yaml.md": ("bad-yaml/index.md:5", "broken YAML"),
    "missing-title.md": ("missing-title/index.md:1", "no title"),
    "impossible-date.md": ("impossible-date/index.md:3", "not a real date"),
    "missing-image.md": ("missing-image/index.md:4", "does not exist"),
    "unclosed-front-matter.md": ("unclosed-front-matter/index.md:1", "never closed"),
    "not-utf8.md": ("not-utf8/index.md:2", "not UTF-8"),
    "duplicate-slug.md": ("duplicate-slug/index.md", "already used by"),
}


@pytest.fixture
def blog(tmp_path, monkeypatch) -> dict:
    """A one-post blog, built once from its own folder, as an author builds it."""
    monkeypatch.chdir(tmp_path)
    settings = settings_for(tmp_path, write_content(tmp_path / "content", (JOB_HUNT,)))
    assert build.build(SETTINGS[False], settings) == []
    return settings


def build_errors(settings: dict, capsys) -> list[str]:
    """Build as `invoke build` does: the exit status must be 1; return the errors."""
    capsys.readouterr()
    assert build.main(str(SETTINGS[False]), settings) == 1
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return [line for line in err.splitlines() if line.startswith("error:")]


@pytest.mark.parametrize("fixture", sorted(CASES))
def test_bad_content_fails_in_one_line_and_keeps_output(blog, capsys, fixture):
    output = Path(blog["OUTPUT_PATH"])
    before = snapshot(output)
    assert JOB_HUNT.page in before

    add_fixture(Path(blog["PATH"]), fixture)
    errors = build_errors(blog, capsys)

    where, problem = CASES[fixture]
    assert len(errors) == 1, errors
    assert f"content/posts/{where}" in errors[0]
    assert problem in errors[0]
    assert snapshot(output) == before
    assert not list(output.parent.glob(".output.*")), "staging folder left behind"


def test_duplicate_slug_names_both_files(blog, capsys):
    add_fixture(Path(blog["PATH"]), "duplicate-slug.md")
    [error] = build_errors(blog, capsys)
    assert "content/posts/job-hunt/index.md" in error
    assert "content/posts/duplicate-slug/index.md" in error


def test_invoke_build_says_what_is_wrong_in_one_line(project):
    assert project.invoke("build").returncode == 0
    before = snapshot(project.output)
    project.add_fixture("bad-yaml.md")
    result = project.invoke("build")
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert len(errors) == 1, result.stderr
    assert errors[0].startswith("error: content/posts/bad-yaml/index.md:5: ")
    assert "broken YAML" in errors[0]
    assert snapshot(project.output) == before
    assert not list(project.root.glob(".output.*")), "staging folder left behind"
