"""The code base is ruff clean (lint and format), as CI and `invoke lint` require."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.support.builds import ROOT


@pytest.mark.parametrize("command", [["check"], ["format", "--check"]])
def test_ruff(command):
    result = subprocess.run(
        [sys.executable, "-m", "ruff", *command, "."],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
