"""The README's front matter field table says what the schema's table says."""

from __future__ import annotations

import re
from pathlib import Path

from socratic_blog.front_matter.schema import (
    FIELDS,
    OLD_ADDRESS,
    OWN,
    REFUSED,
    SPELLING,
)

README = Path(__file__).resolve().parents[2] / "README.md"
SECTION = "## Front matter fields"
HEADINGS = {
    "### The blog's own keys": OWN,
    "### Other generators' spellings": SPELLING,
    "### Old addresses": OLD_ADDRESS,
    "### Refused keys": REFUSED,
}
ROW = re.compile(r"^\| `([a-z_]+)` \| (.+?) \|$", re.M)


def readme_table() -> dict[str, tuple[str, str]]:
    """Return key → (group, meaning) from the README's field section."""
    text = README.read_text(encoding="utf-8")
    assert SECTION in text, "README.md has no front matter field table"
    section = text.split(SECTION, 1)[1].split("\n## ", 1)[0]
    rows = {}
    for part in re.split(r"(?m)^(?=### )", section):
        group = HEADINGS.get(part.split("\n", 1)[0].strip())
        for key, meaning in ROW.findall(part):
            rows[key] = (group, meaning)
    return rows


def test_the_readme_lists_every_key_with_its_group_and_meaning():
    expected = {key: (spec.group, spec.meaning) for key, spec in FIELDS.items()}
    assert readme_table() == expected
