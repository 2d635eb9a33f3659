"""Old addresses and new ones: each imported post's, and the links between them.

Every post the import brings is known by its old address (from the old
site's settings), its file name and, for Jekyll, its dated name; a link to
any of those, in Markdown, raw HTML, `{% post_url %}`, `{% link %}` or Hugo's
`ref`, becomes the post's new address, so no reader goes through a redirect.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit

from socratic_blog.api import ContentError, parse_front_matter

from .head import ALIAS_KEYS
from .old_site import OldSite
from .paths import safe_slug
from .sources import DATED_NAME

# [text](target), [name]: target and href="target": the target is group 2.
LINKS = (
    re.compile(r"(\]\(\s*<?)([^)\s>]+)"),
    re.compile(r"^( {0,3}\[[^\]\n]+\]:[ \t]*<?)([^\s>]+)", re.M),
    re.compile(r"(\bhref\s*=\s*[\"'])([^\"']+)", re.I),
)
PAGE_ENDINGS = ("index.html", "index.htm", ".html", ".htm", ".md", ".markdown")
FILENAME = "{filename}"


def key(path: str) -> str:
    """Return the form two spellings of one address share (`/a/`, `/a.html`)."""
    path = unquote(path).split("#")[0].split("?")[0]
    for ending in PAGE_ENDINGS:
        path = path.removesuffix(ending)
    return "/" + path.strip("/")


def name_key(reference: str) -> str:
    """Return the name a reference (`_posts/2014-03-09-x.md`, `x/index.md`) gives."""
    path = PurePosixPath(unquote(reference).split("#")[0].strip().strip("/"))
    if path.stem in ("index", "_index") and path.parent.name:
        return path.parent.name
    return (
        path.name.removesuffix(path.suffix)
        if path.suffix in (".md", ".markdown")
        else path.name
    )


def own_pages(settings: dict) -> list[re.Pattern]:
    """Return the forms of this blog's own pages: archives, tags, search.

    A form must start with a fixed folder (`tags/{slug}/`, not `{slug}/`), and
    is matched as written: `/archives/` is this blog's, `/archives.html` not.
    """
    forms = []
    for name, value in settings.items():
        if not (name.endswith("_SAVE_AS") and isinstance(value, str) and value):
            continue
        folder = "/" + value.removesuffix("index.html")
        if folder.endswith("/") and not folder.startswith("/{"):
            pattern = re.sub(r"\\\{\w+\\\}", "[^/]+", re.escape(folder))
            forms.append(re.compile(pattern))
    return forms


@dataclass
class Addresses:
    """Where each imported post was, and where it is now."""

    site: OldSite
    settings: dict = field(default_factory=dict)
    by_old: dict[str, str] = field(default_factory=dict)
    by_name: dict[str, str] = field(default_factory=dict)
    by_file: dict[str, str] = field(default_factory=dict)
    rewritten: int = 0
    # Posts already in the blog (an earlier import): their names, old addresses.
    folders: set[str] = field(default_factory=set)
    existing: set[str] = field(default_factory=set)

    def add(self, new: str, old: list[str], names: list[str], file: str) -> None:
        """Record one post: its new address, its old ones, its names, its file."""
        for address in old:
            self.by_old.setdefault(key(address), new)
        for name in names:
            self.by_name.setdefault(name, new)
        self.by_file.setdefault(key(file), new)

    def answers(self, path: str) -> bool:
        """Tell whether a site-root path names a post of the blog, now or later.

        A post of this import, one already in the blog (by its folder's name
        or an old address it keeps), or any address in this blog's post form
        (`/posts/x/`, where a post of a later import will be) answers.
        """
        if key(path) in {key(new) for new in self.by_old.values()} | self.existing:
            return True
        if key(path) in {key(new) for new in self.by_name.values()}:
            return True
        name = PurePosixPath(key(path)).name
        form = "/" + self.settings["ARTICLE_URL"].format(slug=name)
        if name in self.folders or key(form) == key(path):
            return True
        page = urlsplit(path).path.removesuffix("index.html")
        return any(form.fullmatch(page) for form in own_pages(self.settings))

    def add_existing(self, posts: Path) -> None:
        """Record the posts already in the blog, and the old addresses they keep."""
        for index in sorted(posts.glob("*/index.md")):
            self.folders.add(index.parent.name)
            try:
                fields = parse_front_matter(index.read_text("utf-8"), index).fields
            except (ContentError, OSError, UnicodeDecodeError):
                continue
            for name in ALIAS_KEYS:
                old = fields.get(name)
                for address in old if isinstance(old, list) else [old]:
                    if isinstance(address, str):
                        self.existing.add(key(address))

    def of(self, kind: str, reference: str) -> str | None:
        """Return the new address a `post_url`, `link` or `ref` names."""
        anchor = "#" + reference.split("#", 1)[1] if "#" in reference else ""
        name = name_key(reference)
        new = self.by_name.get(name)
        if new is None and kind != "post_url":
            new = self.by_file.get(key(reference))
        if new is None and kind == "post_url" and (dated := DATED_NAME.match(name)):
            # A post imported from elsewhere (another run): where it will be.
            slug = safe_slug([dated.group(4)], self.settings)
            new = "/" + self.settings["ARTICLE_URL"].format(slug=slug)
        return new + anchor if new else None

    def lookup(self, target: str, here: str | None) -> str | None:
        """Return the new address of a link's target when it names a post."""
        if target.startswith(FILENAME):
            return self.of("ref", target.removeprefix(FILENAME))
        parts = urlsplit(target)
        if parts.scheme or parts.netloc:
            hosts = {self.site.host, self.site.host.removeprefix("www.")}
            if not self.site.host or parts.netloc.removeprefix("www.") not in hosts:
                return None
        elif not parts.path or not parts.path.startswith("/"):
            if not here or not parts.path:
                return None
            parts = urlsplit(urljoin(here, target))
        path = parts.path
        base = self.site.base_path
        if base and (path == base or path.startswith(base + "/")):
            path = path[len(base) :]
        new = self.by_old.get(key(path))
        if new is None:
            return None
        return new + (f"#{parts.fragment}" if parts.fragment else "")

    def rewrite(self, body: str, here: str | None) -> str:
        """Point every link to an imported post at its new address."""

        def swap(match: re.Match) -> str:
            new = self.lookup(match.group(2), here)
            if new is None:
                return match.group(0)
            self.rewritten += 1
            return match.group(1) + new

        for pattern in LINKS:
            body = pattern.sub(swap, body)
        return body
