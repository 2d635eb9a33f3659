"""`invoke import` copies only the image files inside the old site."""

from __future__ import annotations

from pathlib import Path

from pelican.settings import read_settings

from press.authoring.importing import importer
from press.authoring.importing.images import body_sources
from socratic_blog.errors import display_path
from tests.support.moving_in_corpus import PNG

ROOT = Path(__file__).resolve().parents[3]


def test_only_image_files_inside_the_old_site_are_copied(tmp_path):
    site = tmp_path / "old/site"
    (site / "_posts").mkdir(parents=True)
    (site / "_posts/2014-01-01-leak.md").write_text(
        "---\ntitle: Leak\n---\n\n![a](../../secret.png)\n\n![b](/secret.png)\n\n"
        '<img src="/assets/run.sh" alt="c">\n\n![d](/assets/chart.png)\n',
        encoding="utf-8",
    )
    (tmp_path / "old/secret.png").write_bytes(PNG)
    (site / "assets").mkdir()
    (site / "assets/run.sh").write_text("echo hi\n", encoding="utf-8")
    (site / "assets/chart.png").write_bytes(PNG)
    (tmp_path / "content/posts").mkdir(parents=True)
    settings = read_settings(
        str(ROOT / "pelicanconf.py"), override={"PATH": str(tmp_path / "content")}
    )
    report = importer.run(site / "_posts", settings)
    target = display_path(tmp_path / "content/posts/leak/index.md")
    by_hand = "it was not copied; copy the file beside the post by hand if it belongs"
    assert report.to_fix == [
        f"{target}:9: the file '/secret.png' was not found in {display_path(site)};"
        " the build stops on a missing file: put it there and import again, or fix"
        " the address",
        f"{target}:7: the link '../../secret.png' leads to no imported post and no"
        " copied file; the import did not copy it: it is outside the old site"
        f" ({display_path(site)}); copy the file beside the post and link its name,"
        " or link it on the web",
    ]
    assert report.warnings == [
        f"{target}: image '../../secret.png' is outside the old site"
        f" ({display_path(site)}); {by_hand} to it",
        f"{target}: image '/assets/run.sh' is not an image file (run.sh); {by_hand}"
        " to it",
    ]
    copied = sorted(p.name for p in (tmp_path / "content/posts/leak").iterdir())
    assert copied == ["chart.png", "index.md"]


def test_addresses_inside_code_or_scripts_are_not_files_of_the_post():
    body = (
        'Add this:\n\n```\n<script src="node_modules/shim.min.js"></script>\n```\n\n'
        'and `<img src="inline.png">` too, then ![a](real.png)\n\n'
        '<script src="/js/chart.js"></script>, which the build drops.\n'
    )
    assert body_sources(body) == ["real.png"]
