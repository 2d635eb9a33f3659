"""Split a post into YAML front matter and Markdown body, and check each field."""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from socratic_blog.errors import ContentError

from .schema import TEXT_KEYS
from .values import DATE_FIX

FENCE = "---"
CLOSERS = ("---", "...")
# C0 controls other than tab and line breaks: XML 1.0 (feeds, sitemaps) has no
# way to write them, and no browser shows them.
CONTROL_CHARACTER = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
# libyaml, when PyYAML was built with it: front matter read seven times faster.
FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# What libyaml may read otherwise than the pure parser: tags, tabs, block
# scalars, anchors and aliases, directives, reserved characters.
PURE_ONLY = re.compile(r"[!\t|>&*%@`]")
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
    """Load the YAML mapping, keeping the file line of every key.

    libyaml reads it; when it finds a fault, the pure parser reads it again,
    so that the message is always in the same words. Tags (`!`) and tabs are
    left to the pure parser: libyaml reads `title: !` as text, not null, and
    lets a tab pass where the pure parser refuses it.
    """
    if not PURE_ONLY.search(source):
        with contextlib.suppress(yaml.YAMLError):
            return read_mapping(FAST_LOADER, source, path, offset)
    try:
        return read_mapping(yaml.SafeLoader, source, path, offset)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + offset if mark else offset
        problem = f"broken YAML: {error.problem or error.context}"
        if error.context and error.context_mark and error.problem:
            opened = error.context_mark.line + offset
            problem = f"{problem} ({error.context} started on line {opened})"
        fix = "check the indentation and quote values that contain ': ' or '#'"
        raise ContentError(path, problem, fix, line) from None


def read_mapping(
    loader_class: type, source: str, path: Path, offset: int
) -> tuple[dict, dict[str, int], list[ContentError]]:
    """Read the front matter's mapping with one YAML loader; its faults go up."""
    loader = loader_class(source)
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
                refuse_control_characters(key, values[key], path, line)
            except ContentError as error:
                values.pop(key, None)
                problems.append(error)
        return values, lines, problems
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


def refuse_control_characters(key: str, value, path: Path, line: int) -> None:
    r"""Refuse a value whose escapes (`"\0"`) wrote a control character."""
    texts = value if isinstance(value, list) else [value]
    for text in texts:
        if isinstance(text, str) and (control := CONTROL_CHARACTER.search(text)):
            raise ContentError(
                path,
                f"{key} holds an invisible control character"
                f" (U+{ord(control.group()):04X}), written as an escape",
                "delete the escape (a backslash and what follows it)",
                line,
            )


def as_written(node):
    """Return a plain scalar as the text the author typed (`No` stays "No")."""
    if node.tag.endswith(":null") and not node.style:  # libyaml: "", pure: None
        return None
    return node.value


def construct(loader, key: str, node, path: Path, line: int):
    """Build one field's value, naming the field when YAML cannot."""
    # YAML 1.1 would read `title: No` as False and a tag `3.10` as 3.1: only
    # the keys the schema reads as dates or true/false get YAML's types.
    if key in TEXT_KEYS and isinstance(node, yaml.ScalarNode):
        return as_written(node)
    if (
        key in TEXT_KEYS
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
