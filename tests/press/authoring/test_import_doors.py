"""The importer's closed doors: no link out of the old site, no name it dies on."""

from __future__ import annotations

from pathlib import Path

import pytest
from pelican.settings import read_settings

from press.authoring.importing import importer
from press.authoring.importing.paths import cut
from press.authoring.importing.report import grouped, print_report
from socratic_blog.errors import display_path
from tests.support.moving_in_corpus import PNG

ROOT = Path(__file__).resolve().parents[3]


def post(title: str = "A post", body: str = "Words.") -> str:
    return f"---\ntitle: {title}\ndate: 2014-01-01\n---\n\n{body}\n"


@pytest.fixture
def old(tmp_path) -> Path:
    """An old Jekyll site with one good post, and an empty new blog beside it."""
    posts = tmp_path / "old/_posts"
    posts.mkdir(parents=True)
    (posts / "2014-01-01-good.md").write_text(post("Good"), encoding="utf-8")
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside/passwd").write_text("root:x:0:0\n", encoding="utf-8")
    (tmp_path / "outside/secret.png").write_bytes(PNG)
    (tmp_path / "content/posts").mkdir(parents=True)
    return posts


def run(folder: Path, tmp_path: Path) -> importer.Report:
    settings = read_settings(
        str(ROOT / "pelicanconf.py"), override={"PATH": str(tmp_path / "content")}
    )
    return importer.run(folder, settings)


def imported(tmp_path: Path) -> list[str]:
    return sorted(p.name for p in (tmp_path / "content/posts").iterdir())


def test_a_post_that_links_out_of_the_old_site_is_refused(old, tmp_path):
    (old / "2014-01-02-passwd-link.md").symlink_to(tmp_path / "outside/passwd")
    report = run(old, tmp_path)
    assert report.refused == [
        f"{display_path(old / '2014-01-02-passwd-link.md')}: a link to"
        f" {tmp_path / 'outside/passwd'}, outside the old site or to nothing; it"
        " was not imported"
    ]
    assert imported(tmp_path) == ["good"]
    assert report.failed == []


def test_a_bundle_file_and_a_picture_that_link_out_are_not_copied(tmp_path):
    bundle = tmp_path / "old/content/posts/trip"
    bundle.mkdir(parents=True)
    (bundle / "index.md").write_text(
        post("Trip", "![a](secret.png)\n\n![b](/images/leak.png)"), encoding="utf-8"
    )
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside/secret.env").write_text("KEY=1\n", encoding="utf-8")
    (tmp_path / "outside/secret.png").write_bytes(PNG)
    (bundle / "secret.env").symlink_to(tmp_path / "outside/secret.env")
    (bundle / "secret.png").symlink_to(tmp_path / "outside/secret.png")
    (tmp_path / "old/static/images").mkdir(parents=True)
    (tmp_path / "old/static/images/leak.png").symlink_to(
        tmp_path / "outside/secret.png"
    )
    (bundle / "map.png").write_bytes(PNG)
    (tmp_path / "content/posts").mkdir(parents=True)
    report = run(tmp_path / "old/content/posts", tmp_path)
    target = display_path(tmp_path / "content/posts/trip/index.md")
    by_hand = "it was not copied; copy the file beside the post by hand if it belongs"
    assert sorted(report.refused) == sorted(
        [
            f"{target}: image 'secret.png' is a link to"
            f" {tmp_path / 'outside/secret.png'}, outside the old site; {by_hand} to"
            " it",
            f"{target}: image '/images/leak.png' is a link to"
            f" {tmp_path / 'outside/secret.png'}, outside the old site; {by_hand} to"
            " it",
            f"{display_path(bundle / 'secret.env')}: a link to"
            f" {tmp_path / 'outside/secret.env'}, outside the old site or to"
            " nothing; it was not copied",
        ]
    )
    copied = sorted(p.name for p in (tmp_path / "content/posts/trip").iterdir())
    assert copied == ["index.md", "map.png"]
    assert not any(p.is_symlink() for p in (tmp_path / "content/posts/trip").iterdir())


def test_a_slug_too_long_for_a_file_name_is_cut_to_200_bytes(old, tmp_path):
    (old / f"2014-01-03-{'word-' * 47}end.md").write_text(
        post("Words"), encoding="utf-8"
    )
    (old / "2014-01-04-🎉.md").write_text(post("Long " * 120), encoding="utf-8")
    report = run(old, tmp_path)
    assert report.failed == []
    assert imported(tmp_path) == [
        "good",
        ("long-" * 40).rstrip("-"),
        ("word-" * 40).rstrip("-"),
    ]


def test_a_slug_is_cut_on_a_character_boundary():
    assert cut("é" * 150) == "é" * 100
    assert cut("a" * 199 + "é") == "a" * 199
    assert cut("ab-" * 100) == ("ab-" * 67).rstrip("-")


def test_an_empty_slug_falls_back_to_the_title_then_the_date(old, tmp_path):
    (old / "2014-01-05-🎉🎉.md").write_text(post("Party time"), encoding="utf-8")
    (old / "2014-01-06-🚀.md").write_text(post("🚀"), encoding="utf-8")
    report = run(old, tmp_path)
    assert report.failed == []
    assert imported(tmp_path) == ["2014-01-01", "good", "party-time"]


def test_a_dangling_link_at_the_target_is_skipped_in_one_line(old, tmp_path):
    (tmp_path / "content/posts/good").symlink_to(tmp_path / "nowhere")
    report = run(old, tmp_path)
    assert report.skipped == [
        f"{display_path(old / '2014-01-01-good.md')}:"
        f" {display_path(tmp_path / 'content/posts/good')} already exists; nothing"
        " was overwritten"
    ]
    assert report.failed == []


def test_what_the_file_system_refuses_is_one_line_and_the_import_goes_on(old, tmp_path):
    (old / "2014-01-07-other.md").write_text(post("Other"), encoding="utf-8")
    (tmp_path / "content/posts").rmdir()
    (tmp_path / "content/posts").write_text("not a folder\n", encoding="utf-8")
    report = run(old, tmp_path)
    assert [line.split(": ", 1)[1] for line in report.failed] == [
        "Not a directory (good); the post was not imported; rename it or give it"
        " a shorter 'slug:'",
        "Not a directory (other); the post was not imported; rename it or give it"
        " a shorter 'slug:'",
    ]


def test_a_warning_that_repeats_is_printed_once_with_its_count(old, tmp_path, capsys):
    tags = "\n\n".join(f"{{% oembed https://x.org/{n} %}}" for n in range(5000))
    (old / "2014-01-08-big.md").write_text(
        "---\ntitle: Big\nlayout: page\n---\n\n" + tags + "\n", encoding="utf-8"
    )
    (old / "2014-01-09-small.md").write_text(
        "---\ntitle: Small\nlayout: page\n---\n\nHi.\n", encoding="utf-8"
    )
    report = run(old, tmp_path)
    assert len(report.warnings) == 5002
    print_report(report)
    err = capsys.readouterr().err.splitlines()
    big = display_path(tmp_path / "content/posts/big/index.md")
    assert err[:2] == [
        f"warning: {big}:8: '{{% oembed https://x.org/0 %}}' is a template tag of"
        " the old site with no equivalent here; it is kept as code; rewrite it in"
        " Markdown (5000 times; the first)",
        f"warning: {big}:5: unknown front matter key 'layout' (nearest known key:"
        " 'author'); it is ignored; rename it or remove it (2 times; the first)",
    ]
    assert len(err) == 2


def test_grouping_keeps_the_first_of_each_kind_in_order():
    assert grouped(["a:1: x", "b:2: y", "c:3: x"], ["x", "y", "x"]) == [
        "a:1: x (2 times; the first)",
        "b:2: y",
    ]


def test_posts_of_one_import_that_share_a_name_each_get_a_folder(old, tmp_path):
    for folder, day in (("a", "2015-02-01"), ("b", "2016-03-01"), ("c", "2016-03-01")):
        (old / folder).mkdir()
        (old / folder / f"{day}-update.md").write_text(post(), encoding="utf-8")
    report = run(old, tmp_path)
    assert report.failed == [] and report.skipped == []
    assert imported(tmp_path) == ["good", "update", "update-2014-01-01", "update-3"]


def test_a_written_slug_follows_the_folder_it_was_given(old, tmp_path):
    for folder in ("a", "b"):
        (old / folder).mkdir()
        (old / folder / "2015-02-01-x.md").write_text(
            "---\ntitle: X\nslug: same\n---\n\nWords.\n", encoding="utf-8"
        )
    run(old, tmp_path)
    second = tmp_path / "content/posts/same-2015-02-01/index.md"
    assert "\nslug: same-2015-02-01\n" in second.read_text("utf-8")
