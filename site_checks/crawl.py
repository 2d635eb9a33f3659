"""Crawl a served site from its home page with LinkChecker and read its findings."""

from __future__ import annotations

import csv
import subprocess
import sys
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

LINKCHECKER = Path(sys.executable).with_name("linkchecker")
# LinkChecker waits up to 0.6 s between two requests to a host unless the host
# answers with a `LinkChecker` header; then this rate applies.
CONFIG = "[checking]\nmaxrequestspersecond=100\n"
TIMEOUT = 300
# LinkChecker exits 1 when it found broken links, 2 when it could not run.
FOUND_PROBLEMS = 1


@dataclass(frozen=True)
class CheckedUrl:
    """One URL LinkChecker followed: where it was linked from and what it got."""

    url: str
    parent: str
    result: str
    valid: bool
    warnings: str

    def describe(self) -> str:
        """Say what is wrong with the link, on one line."""
        problem = self.result if not self.valid else self.warnings
        return f"{self.url} (linked from {self.parent or 'the start'}): {problem}"


def crawl(start: str, workdir: Path) -> list[CheckedUrl]:
    """Follow every link from `start` within its site; return each URL checked."""
    workdir.mkdir(parents=True, exist_ok=True)
    config = workdir / "linkcheckerrc"
    config.write_text(CONFIG, encoding="utf-8")
    result = subprocess.run(
        [
            str(LINKCHECKER),
            *("--config", str(config), "--output", "csv"),
            *("--verbose", "--no-status", start),
        ],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    if result.returncode > FOUND_PROBLEMS:
        raise RuntimeError(f"linkchecker could not check {start}: {result.stderr}")
    return parse(result.stdout)


def parse(report: str) -> list[CheckedUrl]:
    """Read LinkChecker's CSV report (`;`-separated, `#` comment lines)."""
    rows = csv.DictReader(
        (line for line in report.splitlines() if not line.startswith("#")),
        delimiter=";",
    )
    return [
        CheckedUrl(
            url=row["url"] or row["urlname"],
            parent=row["parentname"],
            result=row["result"],
            valid=row["valid"] == "True",
            warnings=row["warningstring"],
        )
        for row in rows
    ]


def fetch(url: str) -> tuple[int, str, bytes]:
    """GET `url`; return the status, the Content-Type and the body, errors too."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers["Content-Type"], response.read()
    except urllib.error.HTTPError as error:
        with error:
            return error.code, error.headers["Content-Type"], error.read()
