"""The content cache and the recycled staging folder never leave stale pages."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from conftest import edit, parse_html, snapshot
from press import build
from socratic_blog.reader import FrontMatterReader

SEED_PAGE = "posts/so-you-are-opentowork/index.html"
SECOND = "posts/second-guide/index.md"


def second_guide(tag: str = "interviews") -> str:
    return (
        f'---\ntitle: "a second guide"\ndate: 2024-04-01\ntags:\n  - {tag}\n---\n\n'
        "Practise out loud.\n"
    )


@pytest.fixture
def reads(monkeypatch) -> list[str]:
    """Record every file the front matter reader actually reads."""
    seen: list[str] = []
    read = FrontMatterReader.read

    def counting_read(self, source_path):
        seen.append(Path(source_path).parent.name)
        return read(self, source_path)

    monkeypatch.setattr(FrontMatterReader, "read", counting_read)
    return seen


def test_only_changed_posts_are_read_again(project, reads):
    project.add(SECOND, second_guide())
    settings = project.root / "pelicanconf.py"
    assert build.build(settings) == []
    assert sorted(reads) == ["second-guide", "so-you-are-opentowork"]

    reads.clear()
    assert build.build(settings) == []
    assert reads == []

    project.add(SECOND, second_guide().replace("out loud", "with a friend"))
    assert build.build(settings) == []
    assert reads == ["second-guide"]
    page = project.output / "posts/second-guide/index.html"
    assert "with a friend" in page.read_text(encoding="utf-8")


def rebuild(project) -> None:
    result = project.invoke("build")
    assert result.returncode == 0, result.stderr


def test_plugin_code_change_reaches_unchanged_posts(project):
    rebuild(project)
    edit(
        project.root / "plugins/socratic_blog/callout.py",
        'title = "Information"',
        'title = "Good to know"',
    )
    rebuild(project)
    callout = parse_html(project.output / SEED_PAGE).select_one(".callout-title")
    assert callout.get_text() == "Good to know"


def test_settings_change_reaches_unchanged_posts(project):
    rebuild(project)
    edit(
        project.root / "pelicanconf.py",
        '"markdown.extensions.toc": {"permalink": False}',
        '"markdown.extensions.toc": {"permalink": True}',
    )
    rebuild(project)
    assert parse_html(project.output / SEED_PAGE).select("h2 a.headerlink")


def test_a_replaced_cover_is_measured_again(project):
    rebuild(project)
    Image.new("RGB", (600, 315), "white").save(
        project.root / "content/images/opentowork.png"
    )
    rebuild(project)
    hero = parse_html(project.output / SEED_PAGE).select_one("img.hero")
    assert (hero["width"], hero["height"]) == ("600", "315")


def test_recycled_output_equals_a_fresh_build(project, tmp_path):
    project.add(SECOND, second_guide("remote work"))
    rebuild(project)
    rebuild(project)
    assert (project.output / "tags/remote-work/index.html").is_file()

    project.add(SECOND, second_guide("salary"))
    (project.root / "content/posts/so-you-are-opentowork/index.md").unlink()
    rebuild(project)

    fresh = tmp_path / "fresh"
    no_caches = {
        "OUTPUT_PATH": str(fresh),
        "CACHE_PATH": str(tmp_path / "fresh-cache"),
        "SOCIAL_CARDS_CACHE": str(tmp_path / "fresh-cards"),
    }
    assert build.build(project.root / "pelicanconf.py", no_caches) == []
    assert snapshot(project.output) == snapshot(fresh)
    assert not (project.output / "tags/remote-work").exists()
    assert not (project.output / SEED_PAGE).exists()
    assert not list(project.output.rglob(".build-started"))
