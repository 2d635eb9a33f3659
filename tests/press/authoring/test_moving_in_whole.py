"""A Jekyll, a Hugo and a Pelican blog move in whole: posts, pictures, addresses.

Each old site is written by the test, imported with `invoke import` (given its
posts folder, its root, or its content/), built for production under a
sub-path, served by nginx and crawled by LinkChecker.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from site_checks.crawl import fetch
from site_checks.links import check_site
from site_checks.served import served_build
from tests.support.builds import copy_code, parse_html
from tests.support.old_sites import OLD_ADDRESSES, write_old_sites

TEMPLATE_MARKS = ("{%", "{{<", "{{%", "{:")


def invoke(project: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    """Run `invoke ARGS` in the project, as the author would."""
    return subprocess.run(
        [sys.executable, "-m", "invoke", *args],
        cwd=project,
        env={**os.environ, "PYTHONPATH": str(project / "plugins"), **env},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.fixture(scope="module")
def moved(tmp_path_factory):
    """A new blog holding the three old sites, each imported."""
    project = copy_code(tmp_path_factory.mktemp("whole") / "blog")
    (project / "content/posts").mkdir(parents=True)
    given = write_old_sites(project / "old")
    marker = project / "settings-ran"
    runs = {
        name: invoke(
            project,
            "import",
            str(folder.relative_to(project)),
            PELICAN_SETTINGS_RAN=str(marker),
        )
        for name, folder in given.items()
    }
    return project, runs, marker


def test_every_post_is_imported_and_no_settings_file_ran(moved):
    project, runs, marker = moved
    for name, run in runs.items():
        assert run.returncode == 0, (name, run.stdout, run.stderr)
        assert "to fix before building                   0" in run.stdout, name
    assert not marker.exists()
    posts = sorted(p.name for p in (project / "content/posts").iterdir())
    assert posts == sorted(new.split("/")[1] for new in OLD_ADDRESSES.values())


def test_the_import_ends_with_a_table(moved):
    _, runs, _ = moved
    table = runs["jekyll"].stdout.splitlines()[-12:]
    assert table == [
        "posts imported                           2",
        "posts skipped                            0",
        "posts failed                             0",
        "pictures and files copied                3",
        "old addresses redirected                 2",
        "defaults kept from the old site          0",
        "links between posts rewritten            2",
        "templates resolved                       8",
        "templates left as notes                  2",
        "refused: links out of the old site       0",
        "warnings                                 2",
        "to fix before building                   0",
    ]


@pytest.mark.server
@pytest.mark.slow
def test_the_moved_blogs_serve_with_no_broken_link_and_every_old_address(
    moved, tmp_path
):
    project, _, _ = moved
    with served_build(project / "publishconf.py", tmp_path) as host:
        report = check_site(host.root, host.url, tmp_path / "linkchecker")
        assert report.broken == []
        for old, new in OLD_ADDRESSES.items():
            status, _, body = fetch(host.url + old)
            assert status == 200, old
            assert f"url={host.url}{new}".encode() in body, old
            assert host.url + new in report.reached, new
        for new in OLD_ADDRESSES.values():
            page = parse_html(host.root / new / "index.html")
            prose = page.select_one(".prose")
            for code in prose.select("pre, code"):
                code.decompose()
            text = prose.get_text()
            assert not [mark for mark in TEMPLATE_MARKS if mark in text], new
        # Links between imported posts lead straight to the new addresses.
        first = parse_html(host.root / "posts/first-steps/index.html")
        hrefs = {a["href"] for a in first.select(".prose a")}
        assert f"{host.url}posts/second/" in hrefs
        assert not any("/design/2019/" in href for href in hrefs)
