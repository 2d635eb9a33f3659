"""A build shows one live progress line on a terminal, and one summary line in logs."""

from __future__ import annotations

import io
import re
import sys

from press import build
from tests.support.builds import SETTINGS, settings_for
from tests.support.fixture_blog import write_content

SUMMARY = re.compile(
    r"(\d+)/(\d+) posts read, \d+ pages written, (\d+)/(\d+) rendered in [\d.]+ s *"
)


class Terminal(io.StringIO):
    """What a terminal would show, as the text written to it."""

    def isatty(self) -> bool:
        """Say this is a terminal."""
        return True


def built(tmp_path, monkeypatch) -> str:
    """Run `invoke build`'s entry point on the fixture blog; return what it showed."""
    shown = Terminal()
    monkeypatch.setattr(sys, "stderr", shown)
    content = write_content(tmp_path / "content")
    assert build.main(str(SETTINGS[False]), settings_for(tmp_path, content)) == 0
    return shown.getvalue()


def test_a_terminal_shows_one_line_redrawn_in_place(tmp_path, monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    lines = [line for line in built(tmp_path, monkeypatch).split("\n") if line]
    assert len(lines) == 1
    drawn = lines[0].split("\r")[1:]
    assert len(drawn) >= 2
    summary = SUMMARY.fullmatch(drawn[-1])
    assert summary is not None
    read, sources, rendered, queued = map(int, summary.groups())
    assert read == sources > 0
    assert rendered == queued > 0


def test_a_ci_log_gets_one_plain_summary_line(tmp_path, monkeypatch):
    monkeypatch.setenv("CI", "true")
    shown = built(tmp_path, monkeypatch)
    assert "\r" not in shown
    assert SUMMARY.fullmatch(shown.rstrip("\n")) is not None
