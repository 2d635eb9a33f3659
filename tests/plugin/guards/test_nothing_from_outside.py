"""Nothing outside content/ is published, whatever links the content holds."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from press import build
from tests.support.builds import ROOT, settings_for

POST = """---
title: Linked
date: 2024-05-01
---

See [the file]({static}/images/a.png).
"""


@pytest.fixture
def content(tmp_path) -> Path:
    """A content folder with one post and one real image."""
    root = tmp_path / "content"
    (root / "posts" / "linked").mkdir(parents=True)
    (root / "posts" / "linked" / "index.md").write_text(POST, encoding="utf-8")
    (root / "images").mkdir()
    (root / "images" / "a.png").write_bytes(
        (ROOT / "theme/static/favicon.svg").read_bytes()
    )
    return root


def run(content: Path) -> list[str]:
    folder = content.parent
    return build.build(
        ROOT / "pelicanconf.py",
        settings_for(folder, content),
    )


def published(content: Path) -> set[str]:
    output = content.parent / "output"
    return {p.relative_to(output).as_posix() for p in output.rglob("*") if p.is_file()}


@pytest.mark.parametrize(
    ("link", "target"),
    [("images/evil.png", "/etc/passwd"), ("images/etc", "/etc")],
    ids=["file", "folder"],
)
def test_a_link_leading_out_of_content_is_refused(content, link, target):
    os.symlink(target, content / link)
    errors = run(content)
    assert len(errors) == 1
    assert errors[0].endswith(
        f"content/{link}: this is a link to {target}, outside the content folder;"
        " copy the file into content/ instead of linking to it"
    )
    assert not (content.parent / "output").exists()


def test_a_static_link_to_a_link_leading_out_is_refused(content):
    (content / "images" / "a.png").unlink()
    os.symlink("/etc/passwd", content / "images" / "a.png")
    errors = run(content)
    assert len(errors) == 1
    assert "content/images/a.png: this is a link to /etc/passwd" in errors[0]


def test_a_link_inside_content_is_published(content):
    os.symlink("a.png", content / "images" / "b.png")
    assert run(content) == []
    assert {"images/a.png", "images/b.png"} <= published(content)


def test_every_link_leading_out_is_named_in_one_build(content):
    os.symlink("/etc/passwd", content / "images/evil.png")
    os.symlink("/etc", content / "posts/linked/etc")
    errors = run(content)
    fix = "copy the file into content/ instead of linking to it"
    assert errors == [
        f"{content.as_posix()}/images/evil.png: this is a link to /etc/passwd,"
        f" outside the content folder; {fix}",
        f"{content.as_posix()}/posts/linked/etc: this is a link to /etc,"
        f" outside the content folder; {fix}",
    ]


def test_a_loop_of_links_is_named_in_one_line(content):
    os.symlink("loop-b.png", content / "images/loop-a.png")
    os.symlink("loop-a.png", content / "images/loop-b.png")
    errors = run(content)
    assert [error.split(": ", 1)[1] for error in errors] == [
        "this link leads to itself, through links; remove the link"
    ] * 2
    assert errors[0].startswith(f"{content.as_posix()}/images/loop-a.png")
