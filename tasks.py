"""Tasks for writing, previewing, testing and publishing the blog (invoke)."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

from invoke import task

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(ROOT))

from site_checks import tools  # noqa: E402
from socratic_blog import build as site  # noqa: E402
from socratic_blog.errors import ContentError, display_path  # noqa: E402

SETTINGS = {False: ROOT / "pelicanconf.py", True: ROOT / "publishconf.py"}
WATCHED = ("content", "theme", "plugins", "pelicanconf.py", "publishconf.py")
HOST, PORT = "127.0.0.1", 8000
# Debian packages the tests drive: a command each provides -> its package.
SYSTEM_PACKAGES: dict[str, str] = {
    "nginx": "nginx",
    "git": "git",
    "faketime": "faketime",
    "shellcheck": "shellcheck",
    "chromium": "chromium",
    "java": "default-jre-headless",
    "npm": "npm",
}


@task(
    help={"production": "use publishconf.py (absolute URLs) instead of pelicanconf.py"}
)
def build(c, production=False):
    """Build the site into output/ (left untouched if the build fails)."""
    status = site.main(str(SETTINGS[production]))
    if status:
        sys.exit(status)


@task(
    help={
        "title": "the post's title, in quotes",
        "tags": "comma-separated tags, like career,interviews",
        "slug": "the URL slug and folder name (default: made from the title)",
    }
)
def new(c, title, tags="", slug=""):
    """Start a draft post: content/posts/<slug>/index.md dated today."""
    from pelican.settings import read_settings  # noqa: PLC0415

    from socratic_blog.new_post import create_post  # noqa: PLC0415

    settings = read_settings(str(SETTINGS[False]))
    names = [name.strip() for name in tags.split(",") if name.strip()]
    try:
        path = create_post(title, names, settings, slug or None)
    except ContentError as error:
        sys.exit(f"error: {error}")
    url = settings["DRAFT_URL"].format(slug=path.parent.name)
    print(f"created {display_path(path)} (a draft)")
    print(f"preview: invoke serve, then open http://{HOST}:{PORT}/{url}")


@task(help={"port": f"port to serve on (default {PORT})"})
def serve(c, port=PORT):
    """Build, serve on 127.0.0.1:8000, rebuild and reload the browser on change."""
    from socratic_blog import preview  # noqa: PLC0415 - only the preview needs it

    preview.serve(SETTINGS[False], [ROOT / path for path in WATCHED], HOST, int(port))


@task(help={"posts": "comma-separated post counts (default 100,1000)"})
def bench(c, posts="100,1000"):
    """Time cold, warm and live rebuilds against plain Pelican; print a table."""
    c.run(f"{sys.executable} {ROOT / 'scripts' / 'bench.py'} --posts {posts}")


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
    from hosting.nginx import StaticHost, free_port  # noqa: PLC0415
    from hosting.site_check import check_site  # noqa: PLC0415

    port = int(port) or free_port()
    with tempfile.TemporaryDirectory(prefix="verify-") as folder:
        work = Path(folder)
        host = StaticHost(work / "site", work / "nginx", port)
        os.environ["SITEURL"] = host.url.rstrip("/")
        status = site.main(str(SETTINGS[True]), {"OUTPUT_PATH": str(host.root)})
        if status:
            sys.exit(status)
        with host:
            report = check_site(host.root, host.url, work / "linkchecker")
    print(f"served by nginx at {host.url}")
    for line in report.summary() + report.problems():
        print(line)
    if report.problems():
        sys.exit(1)


@task
def clean(c):
    """Delete output/, reports/, the caches and any folder an interrupted build left."""
    for path in ("output", "reports", ".cache", ".pytest_cache", ".ruff_cache"):
        shutil.rmtree(ROOT / path, ignore_errors=True)
    for staging in ROOT.glob(".output.*"):
        shutil.rmtree(staging, ignore_errors=True)


def ensure_system_packages(c) -> None:
    """Install the Debian packages the tests need, if any is missing."""
    missing = sorted(
        {
            package
            for command, package in SYSTEM_PACKAGES.items()
            if not shutil.which(command)
        }
    )
    if not missing:
        return
    if os.geteuid() != 0:
        sys.exit(
            f"the tests need these Debian packages: apt-get install {' '.join(missing)}"
        )
    c.run("apt-get update -qq")
    c.run(f"apt-get install -y -qq --no-install-recommends {' '.join(missing)}")


def ensure_node_tools(c, *names: str, warn: bool = False) -> None:
    """Install the pinned npm tools among `names` into .tools/, if missing."""
    missing = tools.missing(*names)
    if missing:
        c.run(tools.install_command(missing), warn=warn)


@task
def test(c):
    """Run the whole test suite (installing the packages and tools it needs)."""
    ensure_system_packages(c)
    ensure_node_tools(c, "vnu-jar")
    c.run(f"{sys.executable} -m pytest", pty=False)


@task
def audit(c):
    """Build, serve on 127.0.0.1 and write reports/: axe, Nu, bytes, Lighthouse."""
    from site_checks.audit import main  # noqa: PLC0415 - needs the dev packages

    ensure_system_packages(c)
    ensure_node_tools(c, "vnu-jar")
    ensure_node_tools(c, "lighthouse", warn=True)
    sys.exit(main())


@task
def lint(c):
    """Check code style with ruff (lint and format)."""
    c.run(f"{sys.executable} -m ruff check .")
    c.run(f"{sys.executable} -m ruff format --check .")
