"""The old site's own settings: which generator, its permalinks and its base path.

Read beside the folder given to `invoke import`, whether that is the site's
root or its posts folder: Jekyll's `_config.yml`, Hugo's `hugo.toml` (or
`config.toml`, `config.yaml`, ...), Pelican's settings file (`pelicanconf.py`
or any `.py` beside `content/`). A Pelican settings file is never run: it is
parsed, and only its literal assignments (`ARTICLE_URL = "blog/{slug}.html"`)
are taken.
"""

from __future__ import annotations

import ast
import json
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml

JEKYLL = ("_config.yml", "_config.yaml")
HUGO = (
    "hugo.toml",
    "hugo.yaml",
    "hugo.yml",
    "hugo.json",
    "config.toml",
    "config.yaml",
    "config.yml",
    "config.json",
    "config/_default/hugo.toml",
    "config/_default/config.toml",
)
PELICAN_KEYS = ("ARTICLE_URL", "ARTICLE_SAVE_AS", "SITEURL", "PATH", "SITENAME")


@dataclass
class OldSite:
    """What the old site's settings say about its addresses."""

    generator: str | None
    root: Path
    settings: dict = field(default_factory=dict)
    # The path the old site was served under ("/blog"), or "".
    base_path: str = ""
    host: str = ""


def read_file(path: Path) -> dict:
    """Read a YAML, TOML or JSON settings file; {} when it cannot be read."""
    try:
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".toml":
            data = tomllib.loads(text)
        elif path.suffix == ".json":
            data = json.loads(text)
        else:
            data = yaml.safe_load(text)
    except (OSError, ValueError, yaml.YAMLError):
        return {}
    return data if isinstance(data, dict) else {}


def literal_assignments(path: Path) -> dict:
    """Return a Python settings file's `NAME = literal` lines, never running it."""
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    except (OSError, SyntaxError, ValueError):
        return {}
    found = {}
    for node in tree.body:
        if not isinstance(node, ast.Assign):
            continue
        try:
            value = ast.literal_eval(node.value)
        except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
            continue
        for target in node.targets:
            if isinstance(target, ast.Name) and target.id.isupper():
                found[target.id] = value
    return found


def pelican_settings(root: Path) -> dict:
    """Merge the literal settings of every `.py` file beside `content/`."""
    files = sorted(root.glob("*.py"), key=lambda p: p.name != "pelicanconf.py")
    merged: dict = {}
    for file in files:
        merged.update(literal_assignments(file))
    return merged


def with_base(site: OldSite, address: str | None) -> OldSite:
    """Note the host and path an address (baseurl, SITEURL) gives."""
    if isinstance(address, str) and address:
        parts = urlsplit(address)
        site.host = parts.netloc
        site.base_path = parts.path.rstrip("/")
    return site


def find_root(folder: Path) -> Path:
    """Return the old site's root: the folder given, or the one its posts sit in.

    The folder given is the site's root or its posts folder (`_posts/`,
    `content/`, `content/posts/`, or one more level): the root is found by
    that layout, else by the nearest settings file at most two levels up.
    """
    folder = folder.resolve()
    if folder.name in ("_posts", "content"):
        return folder.parent
    if folder.parent.name == "content":
        return folder.parent.parent
    for root in [folder, *folder.parents][:3]:
        if any((root / name).is_file() for name in (*JEKYLL, *HUGO)):
            return root
        if (root / "content").is_dir() and any(root.glob("*.py")):
            return root
    return folder


def read_old_site(folder: Path) -> OldSite:
    """Read the old site's generator and settings from beside `folder`."""
    root = find_root(folder)
    for name in JEKYLL:
        if (root / name).is_file():
            settings = read_file(root / name)
            site = OldSite("jekyll", root, settings)
            with_base(site, settings.get("url"))
            base = settings.get("baseurl")
            site.base_path = base.rstrip("/") if isinstance(base, str) else ""
            return site
    for name in HUGO:
        if (root / name).is_file():
            settings = {str(k).lower(): v for k, v in read_file(root / name).items()}
            return with_base(OldSite("hugo", root, settings), settings.get("baseurl"))
    if (root / "content").is_dir() and any(root.glob("*.py")):
        settings = pelican_settings(root)
        return with_base(OldSite("pelican", root, settings), settings.get("SITEURL"))
    if (root / "_posts").is_dir():
        return OldSite("jekyll", root)
    return OldSite(None, root)


def posts_folder(site: OldSite, folder: Path) -> Path:
    """Return where the posts are when the folder given is the site's root."""
    if folder != site.root:
        return folder
    for name in ("_posts", "content/posts", "content/post", "content"):
        if (site.root / name).is_dir():
            return site.root / name
    return folder
