"""Tasks for writing, previewing, testing and publishing the blog (invoke).

Each task is a thin layer over the `press` package (build, preview, new,
import, bench) or `site_checks` (the served-site checks); failures end in
`invoke.Exit` with the exit status the work returned.
"""

from __future__ import annotations

import gc
import os
import shutil
import sys
import tempfile
from pathlib import Path

from invoke import Exit, task

# invoke turns off writing compiled modules; Python's default keeps them (unless
# PYTHONDONTWRITEBYTECODE says otherwise), so a command does not compile the
# project's code again each time it runs (a third of a quick build's imports).
sys.dont_write_bytecode = bool(os.environ.get("PYTHONDONTWRITEBYTECODE"))

# The imports make objects kept for the whole run: no garbage for the cycle
# collector to find, which would walk them over and over (0.1 s of a quick
# build), then once more when it starts again, unless they are frozen.
gc.disable()
try:
    from press import build as site
    from site_checks import install
finally:
    gc.freeze()
    gc.enable()

ROOT = Path(__file__).resolve().parent
SETTINGS = {False: ROOT / "pelicanconf.py", True: ROOT / "publishconf.py"}
WATCHED = ("content", "theme", "plugins", "pelicanconf.py", "publishconf.py")
HOST, PORT = "127.0.0.1", 8000
# What `invoke clean` deletes: outputs, reports and every cache.
CLEANED = ("output", "reports", ".cache", ".pytest_cache", ".ruff_cache", ".hypothesis")
# The tests that need none of the slow tiers (markers in pyproject.toml).
FAST_TIER = "not browser and not server and not java and not slow"


@task(
    help={
        "production": "use publishconf.py (absolute URLs) instead of pelicanconf.py",
        "drafts": "also write drafts and scheduled posts, as the preview does",
    }
)
def build(c, production=False, drafts=False):
    """Build the site into output/ (left untouched if the build fails)."""
    if status := site.main(str(SETTINGS[production]), drafts=drafts):
        raise Exit(code=status)


@task(
    help={
        "title": "the post's title, in quotes",
        "tags": "comma-separated tags, like career,interviews",
        "slug": "the URL slug and folder name (default: made from the title)",
        "lang": "translate a post instead: `invoke new --lang fr <its slug>`",
    }
)
def new(c, title, tags="", slug="", lang=""):
    """Start a draft post (index.md), or with --lang a translation (index.fr.md)."""
    from press.authoring.new_post import main  # noqa: PLC0415 - reads the settings

    base = f"http://{HOST}:{PORT}/"
    if status := main(SETTINGS[False], title, tags, slug, base, lang):
        raise Exit(code=status)


@task(
    name="import",
    help={
        "path": "the old posts: Jekyll _posts/, Hugo content/posts/, Pelican content/"
    },
)
def import_posts(c, path):
    """Bring in another blog's posts: content/posts/<slug>/index.md, images beside."""
    from press.authoring.importing.importer import main  # noqa: PLC0415 - reads the settings

    if status := main(SETTINGS[False], path):
        raise Exit(code=status)


@task(help={"port": f"port to serve on (default {PORT})"})
def serve(c, port=PORT):
    """Build, serve on 127.0.0.1:8000, rebuild and reload the browser on change."""
    from press.preview import serve  # noqa: PLC0415 - only the preview needs it

    serve.serve(SETTINGS[False], [ROOT / path for path in WATCHED], HOST, int(port))


@task(
    help={
        "posts": "comma-separated post counts (default 1000,5000)",
        "production_up_to": "time production builds up to this many posts",
        "photos": "posts of one 3000-px photo each, built for production (0: none)",
        "peers": "comma-separated generators (this_project,plain_pelican,hugo)",
    }
)
def bench(c, posts="1000,5000", production_up_to=1000, photos=1000, peers=""):
    """Time builds and each kind of edit to served against plain Pelican and Hugo."""
    chosen = f" --peers {peers}" if peers else ""
    c.run(
        f"{sys.executable} -m press.bench.measure --posts {posts}"
        f" --production-up-to {production_up_to} --photos {photos}{chosen}"
    )


@task(
    help={
        "remote": "git remote to push to (default origin)",
        "branch": "branch to publish to (default gh-pages)",
    }
)
def publish(c, remote="origin", branch="gh-pages"):
    """Build for production and push output/ to the gh-pages branch (ghp-import)."""
    build(c, production=True)
    with c.cd(ROOT):
        # ghp-import starts from <remote>/<branch>: bring it up to date first.
        c.run(f"git fetch --quiet {remote} {branch}", warn=True, hide=True)
        commit = c.run("git rev-parse --short HEAD", hide=True).stdout.strip()
        c.run(
            f"{sys.executable} -m ghp_import --no-jekyll --push"
            f" --remote {remote} --branch {branch}"
            f' --message "Publish the site built from {commit}" output'
        )


@task(help={"port": "port for nginx on 127.0.0.1 (default: a free one)"})
def verify(c, port=0):
    """Build for production, serve it with nginx under /blog/, crawl every link."""
    from site_checks.links import check_site  # noqa: PLC0415 - needs LinkChecker
    from site_checks.served import BuildFailed, served_build  # noqa: PLC0415

    with tempfile.TemporaryDirectory(prefix="verify-") as folder:
        work = Path(folder)
        try:
            with served_build(SETTINGS[True], work, int(port)) as host:
                report = check_site(host.root, host.url, work / "linkchecker")
        except BuildFailed as failure:
            raise Exit(str(failure), code=1) from None
    print(f"served by nginx at {host.url}")
    for line in report.summary() + report.problems():
        print(line)
    if report.problems():
        raise Exit(code=1)


@task
def clean(c):
    """Delete output/, reports/, the caches and any folder an interrupted build left."""
    for path in CLEANED:
        shutil.rmtree(ROOT / path, ignore_errors=True)
    for left in [*ROOT.glob(".output.*"), *ROOT.glob(".output-index.*")]:
        if left.is_dir():
            shutil.rmtree(left, ignore_errors=True)
        else:
            left.unlink(missing_ok=True)


@task(help={"fast": "only the fast tier: no browser, web server, Java or subprocesses"})
def test(c, fast=False):
    """Run the whole test suite (installing the packages and tools it needs)."""
    if fast:
        # Property tests try a fifth of their examples (tests/support/examples.py).
        c.run(
            f'{sys.executable} -m pytest -n auto -m "{FAST_TIER}"',
            pty=False,
            env={"TEST_TIER": "fast"},
        )
        return
    install.system_packages(c)
    install.node_tools(c, "vnu-jar")
    install.commonmark_spec()
    c.run(f"{sys.executable} -m pytest", pty=False)


@task
def audit(c):
    """Build, serve on 127.0.0.1 and write reports/: axe, Nu, bytes, Lighthouse."""
    from site_checks.audit import main  # noqa: PLC0415 - needs the dev packages

    install.system_packages(c)
    install.node_tools(c, "vnu-jar")
    install.node_tools(c, "lighthouse", warn=True)
    if status := main():
        raise Exit(code=status)


@task
def lint(c):
    """Check code style with ruff (lint and format)."""
    c.run(f"{sys.executable} -m ruff check .")
    c.run(f"{sys.executable} -m ruff format --check .")
