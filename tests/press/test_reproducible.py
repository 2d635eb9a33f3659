"""Two production builds of the same sources are identical, byte for byte."""

from __future__ import annotations

import difflib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.builds import Project

pytestmark = pytest.mark.slow

# The second build runs years later (libfaketime), in another time zone, with
# another string hash order and from another folder: none of it may show.
FAKE_NOW = "2031-06-01 12:00:00"
SITEURL = "https://example.org/blog"
PRINT_YEAR = "import datetime; print(datetime.datetime.now().year)"


def build(project: Project, *, hash_seed: str, tz: str, clock: str | None = None):
    command = [sys.executable, "-m", "invoke", "build", "--production"]
    if clock:
        command = [shutil.which("faketime"), clock, *command]
    env = project.environment(SITEURL=SITEURL, PYTHONHASHSEED=hash_seed, TZ=tz)
    result = subprocess.run(
        command,
        cwd=project.root,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return project.output


def files(tree: Path) -> list[str]:
    return sorted(
        p.relative_to(tree).as_posix() for p in tree.rglob("*") if p.is_file()
    )


def first_difference(left: Path, right: Path) -> str:
    old = left.read_text(encoding="utf-8", errors="replace").splitlines()
    new = right.read_text(encoding="utf-8", errors="replace").splitlines()
    return "\n".join(list(difflib.unified_diff(old, new, lineterm=""))[:12])


def test_faketime_moves_the_clock():
    result = subprocess.run(
        [shutil.which("faketime"), FAKE_NOW, sys.executable, "-c", PRINT_YEAR],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "2031"


def same_day_posts(project: Project) -> None:
    """Add posts of one date: only the reading order can put them in order."""
    for letter in "pqrstu":
        project.add(
            f"posts/same-day-{letter}/index.md",
            f"---\ntitle: Same day {letter}\ndate: 2024-05-01\ntags:\n  - career\n"
            f"---\n\nWritten the same day as the others ({letter}).\n",
        )


def test_two_production_builds_are_byte_identical(tmp_path):
    first, second = Project(tmp_path / "first"), Project(tmp_path / "elsewhere" / "b")
    for project in (first, second):
        same_day_posts(project)
    left = build(first, hash_seed="1", tz="Europe/Paris")
    right = build(second, hash_seed="2", tz="America/Los_Angeles", clock=FAKE_NOW)

    assert files(left) == files(right)
    assert len(files(left)) > 20
    different = [
        name
        for name in files(left)
        if (left / name).read_bytes() != (right / name).read_bytes()
    ]
    assert different == [], first_difference(left / different[0], right / different[0])
