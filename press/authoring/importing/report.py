"""What an import did, and the table it ends with: counts, not a flood.

A warning of one kind (the same unknown key, the same template tag) is printed
once, with how many times it came and the `file:line` of the first, so a post
of 50 MB or a blog of 1,000 posts still ends in a screenful.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from dataclasses import dataclass, field

# `file:line: ` (or `file: `) in front of a one-line message.
LOCATION = re.compile(r"^[^:]+(?::\d+)?: ")


@dataclass
class Report:
    """What an import did, for the summary."""

    imported: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    mapped: Counter = field(default_factory=Counter)
    warnings: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    to_fix: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    # Files not read or not copied because a symbolic link leads out of the site.
    refused: list[str] = field(default_factory=list)
    counts: Counter = field(default_factory=Counter)
    settings: dict = field(default_factory=dict)

    def warn(self, text: str, kind: str | None = None) -> None:
        """Note a warning; `kind` groups repeats (default: the text sans place)."""
        self.warnings.append(text)
        self.kinds.append(kind or LOCATION.sub("", text, count=1))


def grouped(texts: list[str], kinds: list[str]) -> list[str]:
    """Return each kind's first text, with the count when it repeats."""
    first: dict[str, str] = {}
    counts: Counter = Counter()
    for text, kind in zip(texts, kinds, strict=True):
        first.setdefault(kind, text)
        counts[kind] += 1
    return [
        text if counts[kind] == 1 else f"{text} ({counts[kind]} times; the first)"
        for kind, text in first.items()
    ]


def table(report: Report) -> list[str]:
    """Return the closing table: one row per thing counted."""
    rows = [
        ("posts imported", len(report.imported)),
        ("posts skipped", len(report.skipped)),
        ("posts failed", len(report.failed)),
        ("pictures and files copied", report.counts["pictures"]),
        ("old addresses redirected", report.counts["redirects"]),
        ("defaults kept from the old site", report.counts["defaults"]),
        ("links between posts rewritten", report.counts["links"]),
        ("templates resolved", report.counts["templates resolved"]),
        ("templates left as notes", report.counts["templates left"]),
        ("refused: links out of the old site", len(report.refused)),
        ("warnings", len(report.warnings)),
        ("to fix before building", len(report.to_fix)),
    ]
    width = max(len(name) for name, _ in rows)
    return [f"{name:<{width}}  {count:>6}" for name, count in rows]


def print_report(report: Report) -> None:
    """Print what was imported and mapped, the grouped warnings, then the table."""
    for line in report.imported:
        print(f"imported {line}")
    for mapping, count in sorted(report.mapped.items()):
        print(f"mapped: {mapping} ({count} post{'s' * (count != 1)})")
    for line in grouped(report.warnings, report.kinds):
        print(f"warning: {line}", file=sys.stderr)
    for line in report.refused:
        print(f"refused: {line}", file=sys.stderr)
    for line in report.to_fix:
        print(f"to fix: {line}", file=sys.stderr)
    for line in report.skipped:
        print(f"skipped: {line}", file=sys.stderr)
    for line in report.failed:
        print(f"error: {line}", file=sys.stderr)
    for line in table(report):
        print(line)
