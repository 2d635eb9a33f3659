"""Rooms you can find: small folders, short modules, a README that fits on a screen."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from tests.support.builds import ROOT

# Where our Python lives: the plugin, the tools, the checks and the tests.
CODE = ("plugins", "press", "site_checks", "tests", "tasks.py")
MOST_MODULES = 16
MOST_LINES = 250
README_LINES = 300


def modules() -> list[Path]:
    """Every Python module of ours."""
    found = []
    for name in CODE:
        path = ROOT / name
        found += [path] if path.is_file() else sorted(path.rglob("*.py"))
    return found


def test_no_folder_holds_more_than_sixteen_modules():
    counts = Counter(path.parent for path in modules() if path.name != "__init__.py")
    crowded = {str(folder.relative_to(ROOT)): n for folder, n in counts.items()}
    assert {folder: n for folder, n in crowded.items() if n > MOST_MODULES} == {}


def test_no_module_is_over_250_lines():
    lengths = {
        str(path.relative_to(ROOT)): len(path.read_text(encoding="utf-8").splitlines())
        for path in modules()
    }
    assert {path: n for path, n in lengths.items() if n > MOST_LINES} == {}


def test_the_readme_fits_in_300_lines():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(readme.splitlines()) <= README_LINES
