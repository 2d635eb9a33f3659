"""The front matter reference (docs/front-matter.md) says what the schema says."""

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

REFERENCE = Path(__file__).resolve().parents[3] / "docs" / "front-matter.md"
SECTION = "# Front matter fields"
HEADINGS = {
    "## The blog's own keys": OWN,
    "## Other generators' spellings": SPELLING,
    "## Old addresses": OLD_ADDRESS,
    "## Refused keys": REFUSED,
}
ROW = re.compile(r"^\| `([a-z_]+)` \| (.+?) \|$", re.M)


def reference_table() -> dict[str, tuple[str, str]]:
    """Return key → (group, meaning) from the reference's field section."""
    text = REFERENCE.read_text(encoding="utf-8")
    assert SECTION in text, "docs/front-matter.md has no front matter field table"
    section = text.split(SECTION, 1)[1].split("\n# ", 1)[0]
    rows = {}
    for part in re.split(r"(?m)^(?=## )", section):
        group = HEADINGS.get(part.split("\n", 1)[0].strip())
        for key, meaning in ROW.findall(part):
            rows[key] = (group, meaning)
    return rows


def test_the_reference_lists_every_key_with_its_group_and_meaning():
    expected = {key: (spec.group, spec.meaning) for key, spec in FIELDS.items()}
    assert reference_table() == expected
