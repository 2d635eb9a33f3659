"""Drafts and scheduled posts: only the preview shows them, covers included."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from press import build
from tests.support.builds import ROOT, parse_html, settings_for

COVER = (ROOT / "content/images/opentowork.png").read_bytes()
POSTS = {
    "published": "---\ntitle: Out now\ndate: 2024-05-01\n---\n\nHere.\n",
    "draft": (
        "---\ntitle: Half written\ndate: 2024-05-02\ndraft: true\n"
        "image: draft-cover.png\n---\n\n![A sketch](draft-sketch.png)\n"
    ),
    "later": (
        "---\ntitle: Coming soon\ndate: 2099-01-01\nimage: later-cover.png\n"
        "tags: [future]\n---\n\n![A plan](later-plan.png)\n"
    ),
}


@pytest.fixture(scope="module")
def content(tmp_path_factory) -> Path:
    """A published post, a draft and a post dated 2099, each with its images."""
    root = tmp_path_factory.mktemp("schedule") / "content"
    for slug, text in POSTS.items():
        folder = root / "posts" / slug
        folder.mkdir(parents=True)
        (folder / "index.md").write_text(text, encoding="utf-8")
        for image in ("draft-cover", "draft-sketch", "later-cover", "later-plan"):
            if image.startswith(slug):
                (folder / f"{image}.png").write_bytes(COVER)
    return root


def built(content: Path, name: str, settings: str, drafts: bool) -> Path:
    output = content.parent / name
    errors = build.build(
        ROOT / settings,
        settings_for(
            content.parent,
            content,
            OUTPUT_PATH=str(output),
            SITEURL="https://example.org",
            SEARCH_INDEX=False,
        ),
        drafts=drafts,
    )
    assert errors == []
    return output


def every_text(output: Path) -> str:
    return "\n".join(
        p.read_text(encoding="utf-8")
        for p in output.rglob("*")
        if p.suffix in {".html", ".xml", ".txt"}
    )


@pytest.mark.parametrize("settings", ["pelicanconf.py", "publishconf.py"])
def test_a_plain_build_writes_no_draft_and_no_scheduled_post(content, settings):
    output = built(content, f"plain-{settings}", settings, drafts=False)
    assert (output / "posts/published/index.html").is_file()
    assert not (output / "posts/draft").exists()
    assert not (output / "posts/later").exists()
    assert not (output / "tags/future").exists()
    text = every_text(output)
    assert "Half written" not in text
    assert "Coming soon" not in text
    names = {p.name for p in output.rglob("*.png")}
    assert not names & {f"{n}.png" for n in ("draft-cover", "draft-sketch")}
    assert not names & {f"{n}.png" for n in ("later-cover", "later-plan")}


def test_the_preview_shows_drafts_and_scheduled_posts_with_a_banner(content):
    output = built(content, "preview", "pelicanconf.py", drafts=True)
    draft = parse_html(output / "posts/draft/index.html")
    assert draft.select_one(".draft-banner strong").get_text() == "Draft"
    later = parse_html(output / "posts/later/index.html")
    banner = later.select_one(".draft-banner")
    assert banner.strong.get_text() == "Scheduled"
    assert "2099" in banner.get_text()
    home = parse_html(output / "index.html")
    assert home.find("a", href="/posts/later/") is None
    assert (output / "posts/later/later-cover.png").is_file()


def test_a_scheduled_post_is_published_by_the_first_build_on_its_date(project):
    project.add(
        "posts/soon/index.md", POSTS["later"].replace("2099-01-01", "2031-06-02")
    )
    for image in ("later-cover", "later-plan"):
        project.add(f"posts/soon/{image}.png", COVER)

    def build_on(day: str) -> subprocess.CompletedProcess:
        command = [shutil.which("faketime"), day, sys.executable, "-m", "invoke"]
        return subprocess.run(
            [*command, "build"],
            cwd=project.root,
            env=project.environment(),
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )

    assert build_on("2031-06-01 12:00:00").returncode == 0
    assert not (project.output / "posts/soon").exists()
    result = build_on("2031-06-02 00:30:00")
    assert result.returncode == 0, result.stderr
    page = parse_html(project.output / "posts/soon/index.html")
    assert page.select_one(".draft-banner") is None
    assert (project.output / "posts/soon/later-cover.png").is_file()


@pytest.mark.parametrize(
    ("marker", "key"),
    [
        ("draft: true", "draft"),
        ("published: false", "published"),
        ("status: draft", "status"),
    ],
)
def test_the_draft_banner_names_the_line_that_made_the_draft(tmp_path, marker, key):
    post = tmp_path / "content/posts/rough/index.md"
    post.parent.mkdir(parents=True)
    post.write_text(
        f"---\ntitle: Rough\ndate: 2024-05-02\n{marker}\n---\n\nRough.\n",
        encoding="utf-8",
    )
    output = built(tmp_path / "content", "preview", "pelicanconf.py", True)
    banner = parse_html(output / "posts/rough/index.html").select_one(".draft-banner")
    assert " ".join(banner.get_text().split()) == (
        f"Draft · only the preview shows this post; remove the {key}: line from its"
        " front matter to publish it."
    )
