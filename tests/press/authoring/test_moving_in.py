"""`invoke import` brings Jekyll, Hugo, Pelican and dev.to posts in; they build."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import feedparser
import pytest
from bs4 import BeautifulSoup

from press import build
from site_checks.crawl import fetch
from site_checks.links import check_site
from site_checks.served import served_build
from site_checks.validator import nu_errors
from tests.support.builds import copy_code
from tests.support.moving_in_corpus import JEKYLL_POST, PNG, write_corpus

ROOT = Path(__file__).resolve().parents[3]
SITES = ("jekyll", "hugo", "pelican", "devto")
# Every old address the corpus names, as a path under the site.
OLD_ADDRESSES = {
    "first-job.html": "posts/first-job/",
    "2014/03/09/first-job/": "posts/first-job/",
    "blog/2014/05/salary-talks/": "posts/salary-talks/",
    "posts/old-salary/": "posts/salary-talks/",
    "2014/salary.html": "posts/salary-talks/",
}


def copy_project(root: Path) -> Path:
    """Copy the code and theme (no content) into `root`."""
    copy_code(root)
    (root / "content/posts").mkdir(parents=True)
    return root


def invoke(project: Path, *args: str) -> subprocess.CompletedProcess:
    """Run `invoke ARGS` in the project, as the author would."""
    return subprocess.run(
        [sys.executable, "-m", "invoke", *args],
        cwd=project,
        env={**os.environ, "PYTHONPATH": str(project / "plugins")},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.fixture(scope="module")
def moved(tmp_path_factory) -> tuple[Path, list[subprocess.CompletedProcess]]:
    """A project holding the corpus, imported site by site with `invoke import`."""
    project = copy_project(tmp_path_factory.mktemp("moving-in") / "blog")
    sites = write_corpus(project / "old")
    runs = [
        invoke(project, "import", str(sites[name].relative_to(project)))
        for name in SITES
    ]
    return project, runs


def production(project: Path) -> list[str]:
    """Build the project for production, in this process."""
    return build.build(
        project / "publishconf.py",
        {"SEARCH_INDEX": False, "SITEURL": "https://example.org/blog"},
    )


def test_each_import_says_what_it_brought_and_mapped(moved):
    _, runs = moved
    assert [run.returncode for run in runs] == [0, 0, 0, 0]
    jekyll, hugo, pelican, devto = (run.stdout.splitlines() for run in runs)
    assert jekyll == [
        "imported old/jekyll/_posts/2014-03-09-first-job.md →"
        " content/posts/first-job/index.md",
        "mapped: categories → tags (Jekyll, Hugo) (1 post)",
        "mapped: excerpt → description; summary when description is set (Jekyll)"
        " (1 post)",
        "mapped: permalink → the old address, redirected; :placeholders filled"
        " (Jekyll) (1 post)",
        "mapped: redirect_from → old addresses, redirected (Jekyll) (1 post)",
        "posts imported                           1",
        "posts skipped                            0",
        "posts failed                             0",
        "pictures and files copied                1",
        "old addresses redirected                 2",
        "defaults kept from the old site          0",
        "links between posts rewritten            0",
        "templates resolved                       2",
        "templates left as notes                  0",
        "refused: links out of the old site       0",
        "warnings                                 0",
        "to fix before building                   0",
    ]
    assert runs[0].stderr.splitlines() == []
    assert hugo[:2] == [
        "imported old/hugo/content/posts/salary-talks/index.md →"
        " content/posts/salary-talks/index.md",
        "imported old/hugo/content/posts/tabs-everywhere.md →"
        " content/posts/tabs-everywhere/index.md",
    ]
    assert "mapped: aliases → old addresses, redirected (Hugo) (1 post)" in hugo
    assert "mapped: category → a tag (Pelican, Jekyll) (1 post)" in pelican
    assert (
        "mapped: canonical_url → the original's address, for a cross-posted"
        in (devto[1])
    )


def test_front_matter_is_kept_but_for_the_date_layout_and_moved_images(moved):
    project, _ = moved
    post = project / "content/posts/first-job"
    expected = (
        JEKYLL_POST.replace("---\n", "---\ndate: 2014-03-09\n", 1)
        .replace("layout: post\n", "")
        .replace("{{ site.baseurl }}/assets/chart.png", "chart.png")
        .replace("{% post_url 2014-05-01-salary-talks %}", "/posts/salary-talks/")
    )
    assert (post / "index.md").read_text(encoding="utf-8") == expected
    assert (post / "chart.png").read_bytes() == PNG
    assert (project / "content/posts/salary-talks/cover.png").read_bytes() == PNG
    assert (project / "content/posts/cross-posted-guide/devto-cover.png").is_file()
    remote = (project / "content/posts/remote-work/index.md").read_text("utf-8")
    assert remote.startswith(
        '---\ntitle: "Remote work"\ndate: "2014-07-01 09:30"\ncategory: "Work"\n'
        'tags: ["remote", "teams"]\n---\n\nWorking **from home**'
    )


def test_a_second_import_overwrites_nothing(moved):
    project, _ = moved
    post = project / "content/posts/first-job/index.md"
    post.write_text(post.read_text("utf-8") + "\nMy edit.\n", encoding="utf-8")
    again = invoke(project, "import", "old/jekyll/_posts")
    assert again.returncode == 0
    assert (
        "skipped: old/jekyll/_posts/2014-03-09-first-job.md:"
        " content/posts/first-job already exists; nothing was overwritten"
    ) in again.stderr
    assert post.read_text("utf-8").endswith("\nMy edit.\n")


def test_toml_front_matter_becomes_yaml(tmp_path):
    project = copy_project(tmp_path / "blog")
    old = project / "old/posts/toml.md"
    old.parent.mkdir(parents=True)
    old.write_text(
        '+++\ntitle = "Hugo, in TOML"\ndate = 2021-10-21T10:00:00+02:00\n'
        'tags = ["go", "café"]\n+++\n\nBody.\n',
        encoding="utf-8",
    )
    (project / "old/posts/broken.md").write_text(
        '+++\ntitle = "x"\ndate = \ndraft = true\n+++\n\nBody.\n', encoding="utf-8"
    )
    result = invoke(project, "import", "old/posts")
    assert result.returncode == 1
    assert [line for line in result.stderr.splitlines() if "error" in line] == [
        "error: old/posts/broken.md:3: broken TOML front matter (Invalid value (at"
        " line 2, column 8)); fix the line, or convert it with 'hugo convert"
        " toYAML'"
    ]
    post = project / "content/posts/toml/index.md"
    assert post.read_text("utf-8") == (
        "---\ntitle: Hugo, in TOML\ndate: 2021-10-21 10:00:00+02:00\ntags:\n- go\n"
        "- café\n---\n\nBody.\n"
    )


def test_the_imported_blog_builds_for_production_with_its_redirects(moved):
    project, _ = moved
    assert production(project) == []
    output = project / "output"
    for old, new in OLD_ADDRESSES.items():
        page = output / old if old.endswith(".html") else output / old / "index.html"
        html = BeautifulSoup(page.read_text("utf-8"), "html.parser")
        refresh = html.select_one('meta[http-equiv="refresh"]')["content"]
        assert refresh == f"0; url=https://example.org/blog/{new}"
        assert html.select_one('meta[name="robots"]')["content"] == "noindex"
    sitemap = (output / "sitemap.xml").read_text("utf-8")
    listed = set(re.findall(r"<loc>https://example.org/blog/(.*?)</loc>", sitemap))
    for feed in ("feeds/all.atom.xml", "feeds/all.rss.xml"):
        entries = feedparser.parse((output / feed).read_bytes()).entries
        listed |= {
            entry.link.removeprefix("https://example.org/blog/") for entry in entries
        }
    assert listed & set(OLD_ADDRESSES) == set()
    assert set(OLD_ADDRESSES.values()) <= listed


@pytest.mark.server
@pytest.mark.slow
def test_the_served_import_has_no_broken_link_and_every_old_address_leads_on(
    moved, tmp_path
):
    project, _ = moved
    with served_build(project / "publishconf.py", tmp_path) as host:
        report = check_site(host.root, host.url, tmp_path / "linkchecker")
        assert report.broken == []
        assert report.warned == []
        # The Pelican post links to one old address: the crawl goes through it.
        linked = host.url + "2014/03/09/first-job/"
        assert linked in report.reached
        redirects = {host.url + old for old in OLD_ADDRESSES}
        assert report.pages - report.reached == redirects - {linked}
        for old, new in OLD_ADDRESSES.items():
            status, _, body = fetch(host.url + old)
            assert status == 200
            assert f"url={host.url}{new}".encode() in body
            assert fetch(host.url + new)[0] == 200


@pytest.mark.java
def test_the_redirect_pages_are_valid_html(moved):
    project, _ = moved
    assert production(project) == []
    output = project / "output"
    pages = [
        output / old if old.endswith(".html") else output / old / "index.html"
        for old in OLD_ADDRESSES
    ]
    assert nu_errors(pages) == {page: [] for page in pages}
