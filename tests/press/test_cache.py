"""The content cache and the recycled staging folder never leave stale pages."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from pelican.plugins import signals
from pelican.settings import get_settings_from_file
from PIL import Image

from press import build
from press.output.staging import LOCK
from socratic_blog.posts.reader import FrontMatterReader
from tests.support.builds import SETTINGS, edit, parse_html, settings_for, snapshot
from tests.support.fixture_blog import COVER, JOB_HUNT, write, write_content

SECOND = "posts/second-guide/index.md"


def second_guide(tag: str = "interviews") -> str:
    return (
        f'---\ntitle: "a second guide"\ndate: 2024-04-01\ntags:\n  - {tag}\n---\n\n'
        "Practise out loud.\n"
    )


@pytest.fixture
def blog(tmp_path) -> dict:
    """Build settings for a one-post blog in `tmp_path`, with its own caches."""
    return settings_for(tmp_path, write_content(tmp_path / "content", (JOB_HUNT,)))


def rebuild(settings: dict) -> Path:
    """Build in this process, as the preview does after an edit; return the output."""
    assert build.build(SETTINGS[False], settings) == []
    return Path(settings["OUTPUT_PATH"])


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


def test_only_changed_posts_are_read_again(blog, reads):
    content = Path(blog["PATH"])
    write(content / SECOND, second_guide())
    rebuild(blog)
    assert sorted(reads) == ["job-hunt", "pages", "second-guide"]

    reads.clear()
    rebuild(blog)
    assert reads == []

    write(content / SECOND, second_guide().replace("out loud", "with a friend"))
    output = rebuild(blog)
    assert reads == ["second-guide"]
    page = output / "posts/second-guide/index.html"
    assert "with a friend" in page.read_text(encoding="utf-8")


def test_plugin_code_change_reaches_unchanged_posts(project):
    # The copy's plugin differs from the installed one: only a subprocess sees it.
    assert project.invoke("build").returncode == 0
    edit(
        project.root / "plugins/socratic_blog/markdown/callout.py",
        'title = "Information"',
        'title = "Good to know"',
    )
    result = project.invoke("build")
    assert result.returncode == 0, result.stderr
    callout = parse_html(project.output / JOB_HUNT.page).select_one(".callout-title")
    assert callout.get_text() == "Good to know"


def test_settings_change_reaches_unchanged_posts(blog):
    rebuild(blog)
    markdown = copy.deepcopy(get_settings_from_file(str(SETTINGS[False]))["MARKDOWN"])
    toc = markdown["extension_configs"]["markdown.extensions.toc"]
    assert toc["permalink"] is False
    toc["permalink"] = True
    output = rebuild({**blog, "MARKDOWN": markdown})
    assert parse_html(output / JOB_HUNT.page).select("h2 a.headerlink")


def test_a_replaced_cover_is_measured_again(blog):
    rebuild(blog)
    Image.new("RGB", (600, 315), "white").save(Path(blog["PATH"]) / COVER)
    output = rebuild(blog)
    hero = parse_html(output / JOB_HUNT.page).select_one("img.hero")
    assert (hero["width"], hero["height"]) == ("600", "315")


def test_recycled_output_equals_a_fresh_build(blog, tmp_path):
    content = Path(blog["PATH"])
    write(content / SECOND, second_guide("remote work"))
    rebuild(blog)
    output = rebuild(blog)
    assert (output / "tags/remote-work/index.html").is_file()

    write(content / SECOND, second_guide("salary"))
    (content / "posts" / JOB_HUNT.slug / "index.md").unlink()
    rebuild(blog)

    fresh = tmp_path / "fresh"
    assert snapshot(output) == snapshot(rebuild(settings_for(fresh, content)))
    assert not (output / "tags/remote-work").exists()
    assert not (output / JOB_HUNT.page).exists()
    assert not list(output.rglob(".build-started"))


def test_plugins_walking_the_built_site_meet_only_this_build(blog, monkeypatch):
    # The last build's output is deleted beside the build; held back here, it
    # must still be nowhere a plugin walking the new site (at `finalized`) looks.
    monkeypatch.setattr(build, "empty_trash", lambda trash: None)
    rebuild(blog)
    rebuild(blog)
    seen = []

    def walk(pelican):
        site = Path(pelican.output_path)
        seen.extend(path.relative_to(site).as_posix() for path in site.rglob("*"))

    signals.finalized.connect(walk)
    try:
        output = rebuild(blog)
    finally:
        signals.finalized.disconnect(walk)
    clean = rebuild(blog | {"OUTPUT_PATH": str(output.with_name("clean"))})
    built = {path.relative_to(clean).as_posix() for path in clean.rglob("*")}
    assert set(seen) - {LOCK} == built
    assert {path.relative_to(output).as_posix() for path in output.rglob("*")} == built
