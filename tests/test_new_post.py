"""`invoke new` starts a draft with valid front matter and never overwrites a post."""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

from conftest import parse_html
from socratic_blog import front_matter

TITLE = 'Ask for the "offer": #1 tip'
SLUG = "ask-for-the-offer-1-tip"


def today() -> datetime.date:
    return datetime.datetime.now(ZoneInfo("Europe/Paris")).date()


def test_new_writes_a_draft_that_builds_and_previews(project):
    result = project.invoke("new", TITLE, "--tags", "career, C++,#salary,yes")
    assert result.returncode == 0, result.stderr
    path = project.root / "content" / "posts" / SLUG / "index.md"
    assert f"content/posts/{SLUG}/index.md" in result.stdout
    assert f"http://127.0.0.1:8000/posts/{SLUG}/" in result.stdout

    matter = front_matter.parse(path.read_text(encoding="utf-8"), path)
    assert matter.fields == {
        "title": TITLE,
        "date": today(),
        "draft": True,
        "tags": ["career", "C++", "#salary", "yes"],
    }

    assert project.invoke("build").returncode == 0
    assert not (project.output / "posts" / SLUG).exists(), "a plain build has no drafts"
    built = project.invoke("build", "--drafts")
    assert built.returncode == 0, built.stderr
    page = parse_html(project.output / "posts" / SLUG / "index.html")
    assert page.h1.get_text() == "Ask for the \u201coffer\u201d: #1 tip"
    assert "Draft" in page.select_one("article .draft-banner").get_text()
    home = parse_html(project.output / "index.html")
    assert home.find("a", href=f"/posts/{SLUG}/") is None


def test_new_refuses_to_overwrite_a_post(project):
    seed = project.root / "content/posts/so-you-are-opentowork/index.md"
    before = seed.read_bytes()
    result = project.invoke("new", "So you are opentowork")
    assert result.returncode != 0
    assert result.stderr.strip() == (
        "error: content/posts/so-you-are-opentowork: a post already lives in this "
        "folder; pick another title, or pass --slug with a new name"
    )
    assert seed.read_bytes() == before


def test_new_needs_a_title_it_can_make_a_url_from(project):
    result = project.invoke("new", "!!!")
    assert result.returncode != 0
    assert "no letters or digits" in result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in (project.root / "content/posts").iterdir()) == [
        "so-you-are-opentowork"
    ]
