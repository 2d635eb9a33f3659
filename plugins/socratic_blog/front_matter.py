"""Split a post into YAML front matter and Markdown body, and check each field."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .errors import ContentError

FENCE = "---"
CLOSERS = ("---", "...")
# Fields read as the words the author typed, never as YAML booleans or numbers.
WORDS = (
    "author",
    "canonical_url",
    "cover_image",
    "description",
    "excerpt",
    "image",
    "image_alt",
    "lang",
    "permalink",
    "slug",
    "status",
    "summary",
    "tags",
    "title",
    "url",
)
# Fields read as lists of the words the author typed.
WORD_LISTS = ("aliases", "authors", "categories", "category", "redirect_from", "tags")
# C0 controls other than tab and line breaks: XML 1.0 (feeds, sitemaps) has no
# way to write them, and no browser shows them.
CONTROL_CHARACTER = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DATE_FIX = "write it as YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS+01:00"
FORMAT_FIX = (
    "start the file with a line '---', then 'title: ...' and 'date: ...', then '---'"
)


@dataclass
class FrontMatter:
    """The checked fields of a post, and the Markdown that follows them."""

    fields: dict
    body: str
    lines: dict[str, int] = field(default_factory=dict)
    # Mistakes found while loading (a key written twice, an impossible date).
    problems: list[ContentError] = field(default_factory=list)

    def line_of(self, key: str) -> int | None:
        """Return the file line where `key` is set, if it is set."""
        return self.lines.get(key)


def decode(raw: bytes, path: Path) -> str:
    """Decode UTF-8 (with or without BOM), normalise line endings, refuse controls."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise ContentError(
            path,
            f"the file is not UTF-8 (byte {raw[error.start]:#04x})",
            "save it as UTF-8 in your editor",
            line,
        ) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if control := CONTROL_CHARACTER.search(text):
        line = text.count("\n", 0, control.start()) + 1
        raise ContentError(
            path,
            f"the text holds an invisible control character"
            f" (U+{ord(control.group()):04X})",
            "delete it (editors may show it as a box or as ^ and a letter)",
            line,
        )
    return text


def split(text: str, path: Path) -> tuple[str, str, int]:
    """Return (yaml, body, first yaml line) from a post's text."""
    lines = text.split("\n")
    if lines[0].rstrip() != FENCE:
        raise ContentError(path, "the file has no YAML front matter", FORMAT_FIX, 1)
    for index, line in enumerate(lines[1:], start=1):
        if line.rstrip() in CLOSERS:
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1 :]), 2
    raise ContentError(
        path,
        "the front matter opened on line 1 is never closed",
        "add a line '---' after the last field",
        1,
    )


def parse(text: str, path: Path) -> FrontMatter:
    """Parse a post's text into checked front matter and its Markdown body."""
    source, body, offset = split(text, path)
    values, lines, problems = load_yaml(source, path, offset)
    return FrontMatter(fields=values, body=body, lines=lines, problems=problems)


def load_yaml(
    source: str, path: Path, offset: int
) -> tuple[dict, dict[str, int], list[ContentError]]:
    """Load the YAML mapping, keeping the file line of every key."""
    loader = yaml.SafeLoader(source)
    try:
        root = loader.get_single_node()
        if root is None:
            return {}, {}, []
        if not isinstance(root, yaml.MappingNode):
            raise ContentError(
                path,
                "the front matter is not a list of 'key: value' fields",
                FORMAT_FIX,
                root.start_mark.line + offset,
            )
        values, lines, problems = {}, {}, []
        for key_node, value_node in root.value:
            key = str(loader.construct_object(key_node, deep=True)).lower()
            line = key_node.start_mark.line + offset
            if key in lines:
                problems.append(written_twice(key, lines[key], line, path))
                continue
            lines[key] = line
            try:
                values[key] = construct(loader, key, value_node, path, line)
            except ContentError as error:
                problems.append(error)
        return values, lines, problems
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + offset if mark else offset
        problem = f"broken YAML: {error.problem or error.context}"
        if error.context and error.context_mark and error.problem:
            opened = error.context_mark.line + offset
            problem = f"{problem} ({error.context} started on line {opened})"
        fix = "check the indentation and quote values that contain ': ' or '#'"
        raise ContentError(path, problem, fix, line) from None
    finally:
        loader.dispose()


def written_twice(key: str, first: int, again: int, path: Path) -> ContentError:
    """Say that a key is set twice, naming both lines."""
    return ContentError(
        path,
        f"'{key}' is written twice (lines {first} and {again})",
        "keep one of them",
        again,
    )


def as_written(node):
    """Return a plain scalar as the text the author typed (`No` stays "No")."""
    if node.tag.endswith(":null") and node.style is None:
        return None
    return node.value


def construct(loader, key: str, node, path: Path, line: int):
    """Build one field's value, naming the field when YAML cannot."""
    # YAML 1.1 would read `title: No` as False and a tag `3.10` as 3.1.
    if key in WORDS and isinstance(node, yaml.ScalarNode):
        return as_written(node)
    if (
        key in WORD_LISTS
        and isinstance(node, yaml.SequenceNode)
        and all(isinstance(item, yaml.ScalarNode) for item in node.value)
    ):
        return [item.value for item in node.value]
    try:
        return loader.construct_object(node, deep=True)
    except ValueError as error:
        raise ContentError(
            path, f"{key} '{node.value}' is not a real date ({error})", DATE_FIX, line
        ) from None


def to_datetime(value, key: str, path: Path, line: int | None) -> datetime.datetime:
    """Turn a YAML date, datetime or ISO 8601 string into a datetime."""
    if isinstance(value, datetime.datetime):
        return value
    if isinstance(value, datetime.date):
        return datetime.datetime(value.year, value.month, value.day)
    try:
        return datetime.datetime.fromisoformat(str(value).strip())
    except ValueError:
        raise ContentError(
            path, f"{key} '{value}' is not a date", DATE_FIX, line
        ) from None


def to_tags(value, path: Path, line: int | None) -> list[str]:
    """Accept a YAML list of tags or one comma-separated string."""
    if value is None:
        return []
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, list) or any(isinstance(t, dict | list) for t in value):
        raise ContentError(
            path,
            "tags must be a list of words",
            "write 'tags:' then one '  - tag' line per tag",
            line,
        )
    return [str(tag).strip() for tag in value if str(tag).strip()]


def to_text(value, key: str, path: Path, line: int | None) -> str:
    """Accept a scalar field as stripped text."""
    if isinstance(value, dict | list):
        raise ContentError(
            path,
            f"{key} must be plain text, not a list or mapping",
            f"write '{key}: \"...\"' on one line",
            line,
        )
    return "" if value is None else str(value).strip()


def to_slug(value, path: Path, line: int | None) -> str:
    """Accept a slug made of lowercase letters, digits and single hyphens."""
    slug = to_text(value, "slug", path, line)
    if not SLUG_PATTERN.match(slug):
        raise ContentError(
            path,
            f"slug '{slug}' is not a URL slug",
            "use lowercase letters, digits and hyphens, like 'job-offer-tips'",
            line,
        )
    return slug


def to_flag(value, key: str, path: Path, line: int | None) -> bool:
    """Accept a YAML boolean."""
    if not isinstance(value, bool):
        raise ContentError(
            path, f"{key} must be true or false", f"write '{key}: true'", line
        )
    return value


def to_words(value, key: str, path: Path, line: int | None) -> list[str]:
    """Accept one word or a YAML list of words (author names, addresses)."""
    if value is None:
        return []
    if not isinstance(value, list):
        value = [value]
    if any(isinstance(item, dict | list) for item in value):
        raise ContentError(
            path,
            f"{key} must be one value or a list of values",
            f"write '{key}:' then one '  - value' line per value",
            line,
        )
    return [str(item).strip() for item in value if str(item).strip()]
