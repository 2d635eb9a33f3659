"""The kinds of edit `invoke bench` times under each server, and what shows each.

Each edit changes a post (or adds or deletes one) as an author would, and
names the page that shows it once served, with the text it then holds, or
None when the page must be gone.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

# Newer than any synthetic post, and past (Hugo hides future posts): a redated
# post leads the post lists.
NEWEST_YEAR = 2025


@dataclass(frozen=True)
class Shown:
    """The page that shows an edit, and what it holds then (None: it is gone)."""

    path: str
    text: str | None


def page_of(post: Path) -> str:
    """Return a post's path on the site (its folder is its slug)."""
    return f"/posts/{post.parent.name}/"


def replace_line(post: Path, field: str, line: str) -> None:
    """Replace a front matter field's line (the first one) with `line`."""
    text = post.read_text(encoding="utf-8")
    text = re.sub(rf"^{field}:.*$", line, text, count=1, flags=re.MULTILINE)
    post.write_text(text, encoding="utf-8")


def body(post: Path, marker: str, home: str) -> Shown:
    """Append a sentence to the post's text."""
    with post.open("a", encoding="utf-8") as file:
        file.write(f"\nOne more thought: {marker}.\n")
    return Shown(page_of(post), marker)


def title(post: Path, marker: str, home: str) -> Shown:
    """Retitle the post."""
    replace_line(post, "title", f'title: "Retitled {marker}"')
    return Shown(page_of(post), marker)


def tag(post: Path, marker: str, home: str) -> Shown:
    """Give the post a new tag: its tag page lists the post."""
    text = post.read_text(encoding="utf-8").replace("tags:\n", f"tags:\n  - {marker}\n")
    post.write_text(text, encoding="utf-8")
    return Shown(f"/tags/{marker}/", page_of(post))


def date(post: Path, marker: str, home: str) -> Shown:
    """Redate the post newest of all: the home list shows it first."""
    day = int(marker.rsplit("x", 1)[-1]) % 28 + 1
    replace_line(post, "date", f"date: {NEWEST_YEAR}-01-{day:02d}")
    return Shown(home, page_of(post))


def new_post(post: Path, marker: str, home: str) -> Shown:
    """Add a post beside `post`, a copy of it under a new title and slug."""
    added = post.parent.with_name(marker) / "index.md"
    added.parent.mkdir()
    added.write_text(post.read_text(encoding="utf-8"), encoding="utf-8")
    replace_line(added, "title", f'title: "New {marker}"')
    return Shown(page_of(added), marker)


def delete(post: Path, marker: str, home: str) -> Shown:
    """Delete the post's folder: its page goes."""
    shutil.rmtree(post.parent)
    return Shown(page_of(post), None)


KINDS: dict[str, Callable[[Path, str, str], Shown]] = {
    "body": body,
    "title": title,
    "tag": tag,
    "date": date,
    "new post": new_post,
    "delete": delete,
}
