"""Pelican's writer internals the blog uses: its rule on writing one file twice.

When a test here fails after upgrading Pelican, fix
`socratic_blog/pelican_internals.py` (the only module that uses them).
"""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest
from pelican.settings import DEFAULT_CONFIG
from pelican.writers import FileOverwriteFailedError, Writer

from socratic_blog.pelican_internals import claim_output, release_output

WRITES = [
    (False, False),
    (False, True),
    (True, False),
    (True, True),
    (False, True, False),
    (False, True, True),
]


def pelican_writes(folder: Path, overrides: tuple[bool, ...]) -> list[str]:
    """Write one file with Pelican's writer once per flag; say what each did."""
    writer = Writer(str(folder), settings=DEFAULT_CONFIG.copy())
    template = jinja2.Template("{{ word }}")
    outcomes = []
    for number, override in enumerate(overrides):
        word = f"write-{number}"
        try:
            writer.write_file(
                "page.html", template, {}, override_output=override, word=word
            )
        except FileOverwriteFailedError:
            outcomes.append("refused")
            continue
        written = (folder / "page.html").read_text(encoding="utf-8")
        outcomes.append("written" if written == word else "skipped")
    return outcomes


def claimed(folder: Path, overrides: tuple[bool, ...]) -> list[str]:
    """Claim one file once per flag with the blog's rule; say what each did."""
    writer = Writer(str(folder), settings=DEFAULT_CONFIG.copy())
    path = str(folder / "page.html")
    outcomes = []
    for override in overrides:
        try:
            written = claim_output(writer, path, override)
        except FileOverwriteFailedError:
            outcomes.append("refused")
        else:
            outcomes.append("written" if written else "skipped")
    return outcomes


@pytest.mark.parametrize("overrides", WRITES)
def test_claiming_a_file_follows_pelicans_rule_on_writing_it_twice(tmp_path, overrides):
    pelicans = pelican_writes(tmp_path / "pelican", overrides)
    ours = claimed(tmp_path / "ours", overrides)
    assert ours == pelicans, (
        f"Writer._open_w changed its rule on writing a file twice (override flags"
        f" {overrides}): Pelican {pelicans}, claim_output {ours}"
    )


def test_a_claimed_file_is_refused_to_pelican_until_released(tmp_path):
    writer = Writer(str(tmp_path), settings=DEFAULT_CONFIG.copy())
    template = jinja2.Template("{{ word }}")
    assert claim_output(writer, str(tmp_path / "feed.xml"), False)
    with pytest.raises(FileOverwriteFailedError):
        writer.write_file("feed.xml", template, {}, word="again")
    release_output(writer, str(tmp_path / "feed.xml"))
    writer.write_file("feed.xml", template, {}, word="again")
    assert (tmp_path / "feed.xml").read_text(encoding="utf-8") == "again", (
        "Writer._written_files/_overridden_files no longer decide what Pelican writes"
    )
