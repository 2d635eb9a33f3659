"""`invoke new` starts a draft with valid front matter and never overwrites a post."""

from __future__ import annotations

import datetime
import re
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from pelican.settings import read_settings

from press.authoring.new_post import create_post, create_translation
from socratic_blog.errors import ContentError
from socratic_blog.front_matter import parse as front_matter
from tests.support.builds import SETTINGS, build_blog, parse_html
from tests.support.fixture_blog import JOB_HUNT, write_content

TITLE = 'Ask for the "offer": #1 tip'
SLUG = "ask-for-the-offer-1-tip"
TAGS = ["career", "C++", "#salary", "yes"]


def today() -> datetime.date:
    return datetime.datetime.now(ZoneInfo("Europe/Paris")).date()


@pytest.fixture
def settings(tmp_path, monkeypatch) -> dict:
    """The site's settings for a one-post blog in `tmp_path`, the working folder."""
    monkeypatch.chdir(tmp_path)
    content = write_content(tmp_path / "content", (JOB_HUNT,))
    return read_settings(str(SETTINGS[False]), override={"PATH": str(content)})


def test_new_writes_a_draft_that_builds_and_previews(settings, tmp_path):
    path = create_post(TITLE, TAGS, settings)
    assert path == tmp_path / "content" / "posts" / SLUG / "index.md"
    matter = front_matter.parse(path.read_text(encoding="utf-8"), path)
    assert matter.fields == {
        "title": TITLE,
        "date": today(),
        "draft": True,
        "tags": TAGS,
    }

    plain = build_blog(Path(settings["PATH"]), tmp_path / "plain")
    assert not (plain / "posts" / SLUG).exists(), "a plain build writes no drafts"
    output = build_blog(Path(settings["PATH"]), tmp_path, drafts=True)
    page = parse_html(output / "posts" / SLUG / "index.html")
    assert page.h1.get_text() == "Ask for the \u201coffer\u201d: #1 tip"
    assert "Draft" in page.select_one("article .draft-banner").get_text()
    home = parse_html(output / "index.html")
    assert home.find("a", href=f"/posts/{SLUG}/") is None


def test_new_refuses_to_overwrite_a_post(settings, tmp_path):
    post = tmp_path / "content" / "posts" / JOB_HUNT.slug / "index.md"
    before = post.read_bytes()
    with pytest.raises(ContentError) as error:
        create_post("Job hunt", [], settings)
    assert str(error.value) == (
        "content/posts/job-hunt: a post already lives in this folder; "
        "pick another title, or pass --slug with a new name"
    )
    assert post.read_bytes() == before


def test_new_needs_a_title_it_can_make_a_url_from(settings, tmp_path):
    with pytest.raises(ContentError) as error:
        create_post("!!!", [], settings)
    assert "no letters or digits" in str(error.value)
    posts = tmp_path / "content" / "posts"
    assert [folder.name for folder in posts.iterdir()] == [JOB_HUNT.slug]


def test_invoke_new_says_where_the_draft_is_and_where_to_preview_it(project):
    result = project.invoke("new", TITLE, "--tags", "career, C++,#salary,yes")
    assert result.returncode == 0, result.stderr
    path = project.root / "content" / "posts" / SLUG / "index.md"
    assert f"content/posts/{SLUG}/index.md" in result.stdout
    assert f"http://127.0.0.1:8000/posts/{SLUG}/" in result.stdout
    matter = front_matter.parse(path.read_text(encoding="utf-8"), path)
    assert matter.fields["tags"] == TAGS

    again = project.invoke("new", "Job hunt")
    assert again.returncode != 0
    assert again.stderr.strip() == (
        "error: content/posts/job-hunt: a post already lives in this folder; "
        "pick another title, or pass --slug with a new name"
    )


def test_new_lang_starts_a_translation_beside_the_original(settings, tmp_path):
    folder = tmp_path / "content" / "posts" / JOB_HUNT.slug
    original = front_matter.parse((folder / "index.md").read_text("utf-8"), folder)
    path = create_translation(JOB_HUNT.slug, "fr", settings)
    assert path == folder / "index.fr.md"
    matter = front_matter.parse(path.read_text(encoding="utf-8"), path)
    assert matter.fields["title"] == JOB_HUNT.title
    assert matter.fields["tags"] == list(JOB_HUNT.tags)
    assert matter.fields["image"] == original.fields["image"]
    assert matter.fields["draft"] is True
    output = build_blog(Path(settings["PATH"]), tmp_path, drafts=True)
    page = parse_html(output / "fr" / "posts" / JOB_HUNT.slug / "index.html")
    assert page.html["lang"] == "fr"
    with pytest.raises(ContentError, match="this translation already exists"):
        create_translation(JOB_HUNT.slug, "fr", settings)


@pytest.mark.parametrize(
    ("slug", "lang", "problem"),
    [
        ("nowhere", "fr", "no post lives in content/posts/nowhere/"),
        (JOB_HUNT.slug, "de", "'de' is not one of the site's other languages (fr)"),
        (JOB_HUNT.slug, "en", "'en' is not one of the site's other languages (fr)"),
    ],
)
def test_new_lang_names_what_cannot_be_translated(settings, slug, lang, problem):
    with pytest.raises(ContentError, match=re.escape(problem)):
        create_translation(slug, lang, settings)
