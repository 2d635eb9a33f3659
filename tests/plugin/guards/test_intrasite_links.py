"""`{static}`, `{attach}` and `{filename}` links that leave content/ are refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from press import build
from tests.support.builds import ROOT, settings_for


def files_outside(folder: Path, output: Path) -> set[str]:
    """Every file under `folder` that is not in the output folder or a cache."""
    return {
        p.relative_to(folder).as_posix()
        for p in folder.rglob("*")
        if p.is_file()
        and not p.is_relative_to(output)
        and not p.is_relative_to(folder / "cache")
        and not p.is_relative_to(folder / "cards")
        and not p.is_relative_to(folder / "pictures")
    }


@pytest.fixture
def site(tmp_path):
    """Build one post two folders deep into an output folder one folder deep."""
    content = tmp_path / "deep" / "er" / "content"
    post = content / "posts" / "leak" / "index.md"
    post.parent.mkdir(parents=True)
    (tmp_path / "deep" / "er" / "secret.txt").write_text("secret", encoding="utf-8")
    output = tmp_path / "out"

    def run(body: str) -> tuple[list[str], Path]:
        post.write_text(
            f"---\ntitle: Leak\ndate: 2024-05-01\n---\n\nIntro.\n\n{body}\n",
            encoding="utf-8",
        )
        before = files_outside(tmp_path, output)
        errors = build.build(
            ROOT / "pelicanconf.py",
            settings_for(tmp_path, content, OUTPUT_PATH=str(output)),
        )
        assert files_outside(tmp_path, output) == before
        return errors, content

    return run


@pytest.mark.parametrize(
    "body",
    [
        "![i]({static}../../../secret.txt)",
        "[the file]({attach}../../../secret.txt)",
        "[the file]({filename}../../../secret.txt)",
        '<p><img src="{static}../../../secret.txt" alt=""></p>',
        "[the file]({static}/../secret.txt)",
    ],
    ids=["image", "attach", "filename", "raw-html", "from-root"],
)
def test_a_link_leaving_content_is_refused_and_nothing_escapes(site, body):
    errors, content = site(body)
    written = body[body.index("{") : body.index("txt") + 3]
    assert errors == [
        f"{content.as_posix()}/posts/leak/index.md:8: the link '{written}' leads"
        f" outside the content folder (to {content.parent.as_posix()}/secret.txt);"
        " copy the file into content/ and link it from there"
    ]


def test_a_link_inside_content_is_published(site, tmp_path):
    image = tmp_path / "deep/er/content/images/a.txt"
    image.parent.mkdir(parents=True)
    image.write_text("shared", encoding="utf-8")
    errors, _ = site("[here]({static}../../images/a.txt)")
    assert errors == []
    assert (tmp_path / "out/images/a.txt").read_text(encoding="utf-8") == "shared"


def test_a_link_no_file_can_be_named_is_one_line_not_a_crash(site):
    errors, content = site("[x]({static}a%00b.png)")
    assert errors == [
        f"{content.as_posix()}/posts/leak/index.md:8: the link '{{static}}a%00b.png'"
        " names no file; fix the path: it starts from the post's folder, or from"
        " content/ when it starts with /"
    ]
