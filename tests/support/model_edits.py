"""Edits of each kind to a small blog, and the blog built as the kept worker builds."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from press.preview.kept_posts import KeptPosts
from press.preview.site_model import SiteModel
from tests.support.builds import contents
from tests.support.edited_site import ROOT, EditedSite


def post_source(site: EditedSite, folder: str) -> str:
    """Return the path of a post's source file."""
    return str(site.root / "content/posts" / folder / "index.md")


def changed(site: EditedSite, folder: str, field: str, value) -> list[str]:
    """Set one field of a post's front matter (or its body) and save it."""
    site.sources[folder][field] = value
    site.write(folder)
    return [post_source(site, folder)]


def new_post(site: EditedSite) -> list[str]:
    """Add a post sharing a tag with the others, newest of all."""
    folder = site.add_post("omega", "Ship it", "2025-06-01", ["salary"])
    return [post_source(site, folder)]


def deleted_post(site: EditedSite) -> list[str]:
    """Delete the middle post: its neighbours and tags change."""
    gone = post_source(site, "post-2")
    site.delete_post("post-2")
    return [gone]


def retitled_page(site: EditedSite) -> list[str]:
    """Retitle the About page, which the menu of every page names."""
    site.page_title = "Who we are"
    return [str(site.write_page())]


EDITS: dict[str, Callable[[EditedSite], list[str]]] = {
    "body": lambda site: changed(site, "post-1", "body", "Rewritten.\n"),
    "title": lambda site: changed(site, "post-1", "title", "Cafés & résumés"),
    "tags": lambda site: changed(site, "post-1", "tags", ["interviews", "salary"]),
    "date": lambda site: changed(site, "post-1", "date", "2025-06-01"),
    "slug": lambda site: changed(site, "post-1", "slug", "alpha-renamed"),
    "cover": lambda site: changed(site, "post-1", "cover", True),
    "draft": lambda site: changed(site, "post-2", "draft", True),
    "new post": new_post,
    "deleted post": deleted_post,
    "page": retitled_page,
}


def built_and_modelled(blog: EditedSite) -> tuple[Path, dict, SiteModel]:
    """Build the blog as the kept worker does; return its output, bytes and model."""
    output = blog.root / "output"
    posts = KeptPosts()
    blog.build(output, posts)
    model = SiteModel(ROOT / "pelicanconf.py", blog.overrides(output), drafts=True)
    assert model.adopt(posts)
    return output, contents(output), model
