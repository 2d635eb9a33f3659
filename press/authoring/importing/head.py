"""The few front matter lines the import writes; every other line is kept as is.

Hugo's TOML front matter (`+++`) becomes YAML, the one this blog reads.

A date taken from a Jekyll file name, the old address the old site's settings
gave the post (under `aliases:`, or `redirect_from:` when the post already
has `aliases:`), a slug the old site accepted and this blog would not, and
the image fields pointed at the copies beside the post.
"""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import yaml

from socratic_blog.api import FRONT_MATTER_CLOSERS, FRONT_MATTER_FENCE, ContentError

from . import pelican_header
from .sources import Source

TOML_FENCE = "+++"
ALIAS_KEYS = ("aliases", "redirect_from")
TOML_LINE = re.compile(r"at line (\d+)")
# Blanks after `key:` holding a tab: libyaml (Jekyll's reader) takes them, this
# blog's parser does not.
TABBED_SEPARATOR = re.compile(r"^([ ]*[^\s#:][^:\n]*:)[ \t]*\t[ \t]*", re.M)
TITLE_LINE = re.compile(r"^title:.*$", re.M | re.I)


def as_yaml(text: str, path: Path) -> str:
    """Return a post's text with YAML front matter (from TOML or Pelican's header)."""
    if text.startswith(TOML_FENCE):
        return toml_to_yaml(text, path)
    if not is_fenced(text) and pelican_header.is_pelican_header(text):
        return pelican_header.to_yaml(text)
    return without_tabbed_separators(text)


def closing_line(lines: list[str], fences: tuple[str, ...]) -> int | None:
    """Return the number of the line closing the front matter opened on line 0."""
    found = (i for i, line in enumerate(lines[1:], 1) if line.rstrip() in fences)
    return next(found, None)


def toml_to_yaml(text: str, path: Path) -> str:
    """Rewrite Hugo's TOML front matter (`+++`) as YAML; ContentError if broken."""
    lines = text.split("\n")
    end = closing_line(lines, (TOML_FENCE,))
    if end is None:
        raise ContentError(
            path,
            "the TOML front matter opened on line 1 is never closed",
            "add a line '+++' after the last field",
            1,
        )
    try:
        fields = tomllib.loads("\n".join(lines[1:end]))
    except tomllib.TOMLDecodeError as error:
        found = TOML_LINE.search(str(error))
        line = int(found.group(1)) + 1 if found else 1
        raise ContentError(
            path,
            f"broken TOML front matter ({error})",
            "fix the line, or convert it with 'hugo convert toYAML'",
            line,
        ) from None
    matter = yaml.safe_dump(fields, sort_keys=False, allow_unicode=True, width=1000)
    return "\n".join(["---", matter.rstrip("\n"), "---", *lines[end + 1 :]])


def without_tabbed_separators(text: str) -> str:
    """Write a tab after a front matter `key:` as one space, as Jekyll read it."""
    if not is_fenced(text):
        return text
    lines = text.split("\n")
    end = closing_line(lines, FRONT_MATTER_CLOSERS)
    if end is None:
        return text
    matter = TABBED_SEPARATOR.sub(r"\1 ", "\n".join(lines[1:end]))
    return "\n".join([lines[0], matter, *lines[end:]])


def split(text: str, body: str) -> tuple[str, str]:
    """Return (front matter with its fences, body) of a post's text."""
    return text[: len(text) - len(body)], body


def add_line(head: str, line: str) -> str:
    """Add a line just after the opening fence."""
    opening, rest = head.split("\n", 1)
    return f"{opening}\n{line}\n{rest}"


def with_date(head: str, source: Source, fields: dict) -> str:
    """Add the day a Jekyll file name gives when the front matter has no date."""
    if "date" in fields or source.day is None:
        return head
    return add_line(head, f"date: {source.day.isoformat()}")


def with_name_fields(head: str, source: Source, fields: dict, generator: str) -> str:
    """Add the day and (for Jekyll) the title a post's file name gives it."""
    return with_title(with_date(head, source, fields), source, fields, generator)


def with_title(head: str, source: Source, fields: dict, generator: str) -> str:
    """Give a dated Jekyll post without a title the one Jekyll made of its name."""
    title = fields.get("title")
    if generator != "jekyll" or source.day is None or (title and str(title).strip()):
        return head
    # Jekyll's Utils.titleize_slug: each word of the name, capitalized.
    made = " ".join(word.capitalize() for word in source.name.split("-"))
    line = f"title: {json.dumps(made, ensure_ascii=False)}"
    if "title" not in fields:
        return add_line(head, line)
    return TITLE_LINE.sub(lambda _: line, head, count=1)


def with_old_address(head: str, fields: dict, old: str | None, new: str) -> str:
    """Add the old address under `aliases:` (or `redirect_from:`), if it moved."""
    if old is None or old.strip("/") == new.strip("/"):
        return head
    key = next((k for k in ALIAS_KEYS if k not in fields), None)
    if key is None:
        return head
    return add_line(head, f"{key}: [{json.dumps(old, ensure_ascii=False)}]")


def with_slug(head: str, fields: dict, slug: str) -> str:
    """Make `slug:` the folder's (a slug refused, or another post's, is replaced)."""
    written = fields.get("slug")
    if written is None or written == slug:
        return head
    line = re.compile(r"^slug:.*$", re.M | re.I)
    return line.sub(lambda _: f"slug: {slug}", head, count=1)


def without_post_layout(head: str, fields: dict) -> str:
    """Drop `layout: post`: every post here is shown as a post (other layouts stay)."""
    if fields.get("layout") != "post":
        return head
    return re.sub(
        r"^layout:[ \t]*[\"']?post[\"']?[ \t]*\n", "", head, count=1, flags=re.M
    )


def with_images(head: str, renamed: dict[str, str]) -> str:
    """Point the front matter's image fields at the copies beside the post."""
    for old, new in renamed.items():
        key = r"^(\s*(?:image|cover_image):\s*[\"']?)"
        line = re.compile(key + re.escape(old), re.M)
        head = line.sub(lambda m, new=new: m.group(1) + new, head)
    return head


def is_fenced(text: str) -> bool:
    """Tell whether the text starts with YAML front matter."""
    return text.startswith(FRONT_MATTER_FENCE)
