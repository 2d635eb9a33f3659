"""Our bugs are not content errors: a bug prints its traceback and where to report it.

A ContentError is the author's to fix: one line, no traceback. Any other
exception is ours: its traceback, and a line saying it is a bug and where to
report it. Either way the build fails and output/ stays as it was.
"""

from __future__ import annotations

import pytest

from press import build
from socratic_blog.posts.reader import FrontMatterReader
from tests.support.builds import FIXTURES, SETTINGS, settings_for, snapshot
from tests.support.fixture_blog import write_content

REPORT = (
    "error: build failed: RuntimeError: a bug in a plugin; this is a bug in the"
    " build, not a mistake in the content: please report it to"
    f" {build.BUG_REPORTS} with the traceback below"
)


@pytest.fixture
def raising(tmp_path, monkeypatch):
    """Build settings with the raise_a_bug plugin, and the file that tells it."""
    content = write_content(tmp_path / "content")
    asked = tmp_path / "raise"
    monkeypatch.setenv("RAISE_A_BUG", str(asked))
    overrides = settings_for(
        tmp_path,
        content,
        PLUGIN_PATHS=[str(FIXTURES / "plugins")],
        PLUGINS=["socratic_blog", "pelican.plugins.neighbors", "raise_a_bug"],
    )
    assert build.main(str(SETTINGS[False]), overrides) == 0
    return overrides, asked, tmp_path / "output"


def test_a_bug_prints_its_traceback_and_where_to_report_it(raising, capsys):
    overrides, asked, output = raising
    before = snapshot(output)
    capsys.readouterr()
    asked.write_text("bug", encoding="utf-8")

    assert build.main(str(SETTINGS[False]), overrides) == 1
    lines = capsys.readouterr().err.splitlines()
    assert lines[0] == REPORT
    assert lines[1] == "Traceback (most recent call last):"
    assert any('raise_a_bug.py", line' in line for line in lines)
    assert lines[-2:] == [
        "RuntimeError: a bug in a plugin",
        "build failed: output/ was left as it was",
    ]
    assert snapshot(output) == before


def test_a_content_error_is_one_line_without_a_traceback(raising, capsys):
    overrides, asked, output = raising
    before = snapshot(output)
    capsys.readouterr()
    asked.write_text("content", encoding="utf-8")

    assert build.main(str(SETTINGS[False]), overrides) == 1
    assert capsys.readouterr().err.splitlines() == [
        "error: content/posts/a/index.md:2: a made-up mistake; fix it",
        "build failed: output/ was left as it was",
    ]
    assert snapshot(output) == before


def test_a_bug_in_the_reader_is_reported_as_a_bug_not_as_one_line(
    tmp_path, monkeypatch, capsys
):
    # Pelican catches what a reader raises and logs it ("Could not process"):
    # a slip in our reader must still show its traceback and say it is a bug.
    content = write_content(tmp_path / "content")

    def slip(self, source_path):
        raise KeyError("a key our reader forgot")

    monkeypatch.setattr(FrontMatterReader, "read", slip)
    assert build.main(str(SETTINGS[False]), settings_for(tmp_path, content)) == 1
    err = capsys.readouterr().err
    assert "this is a bug in the build, not a mistake in the content" in err
    assert "Traceback (most recent call last):" in err
    assert "KeyError: 'a key our reader forgot'" in err
