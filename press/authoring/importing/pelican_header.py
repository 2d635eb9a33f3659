"""Turn Pelican's `Key: value` metadata header into YAML front matter."""

from __future__ import annotations

import json
import re

HEADER_LINE = re.compile(r"^([A-Za-z][A-Za-z0-9_-]*):\s*(.*)$")
LISTS = ("tags", "authors")


def is_pelican_header(text: str) -> bool:
    """Tell whether a Markdown file starts with Pelican's metadata lines."""
    first = text.lstrip("\ufeff").split("\n", 1)[0]
    return bool(HEADER_LINE.match(first)) and not first.startswith(("http", "---"))


def to_yaml(text: str) -> str:
    """Rewrite the header (up to the first blank line) as `---` YAML `---`."""
    lines = text.lstrip("\ufeff").split("\n")
    fields = []
    for line in lines:
        match = HEADER_LINE.match(line)
        if not line.strip() or not match:
            break
        key, value = match.group(1).lower(), match.group(2).strip()
        if key in LISTS:
            words = [json.dumps(w.strip()) for w in value.split(",") if w.strip()]
            fields.append(f"{key}: [{', '.join(words)}]")
        else:
            fields.append(f"{key}: {json.dumps(value, ensure_ascii=False)}")
    body = "\n".join(lines[len(fields) :]).lstrip("\n")
    return "\n".join(["---", *fields, "---", "", body])
