"""What the edited site's author writes: posts' text, covers, and a tally of edits."""

from __future__ import annotations

import contextlib
import tempfile
from pathlib import Path

from hypothesis import event
from hypothesis.errors import InvalidArgument
from PIL import Image

PAGE = "---\ntitle: {title}\n---\n\nWho writes these guides.\n"


def post_text(post: dict) -> str:
    """Write a post's front matter and body as an author would."""
    tags = "".join(f"  - {tag}\n" for tag in post["tags"])
    lines = [
        "---",
        f'title: "{post["title"]}"',
        f"date: {post['date']}",
        f"slug: {post['slug']}",
        f"tags:\n{tags}".rstrip("\n") if post["tags"] else "tags: []",
    ]
    if post["draft"]:
        lines.append("draft: true")
    if post["cover"]:
        lines.append("image: ../../images/cover.png")
    return "\n".join([*lines, "---", "", post["body"], ""])


def tally(kind: str) -> None:
    """Count a kind of edit in the machine's statistics (not outside a machine)."""
    with contextlib.suppress(InvalidArgument):  # a deterministic test called it
        event(kind)


def cover(size: int) -> bytes:
    """Draw a cover `size` pixels wide, as PNG bytes."""
    path = Path(tempfile.mkdtemp()) / "cover.png"
    Image.new("RGB", (size, size // 2), "teal").save(path)
    return path.read_bytes()
