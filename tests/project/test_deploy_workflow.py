"""The GitHub Pages workflow lints clean and only deploys a tested build of main."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.support.builds import ROOT

# actionlint runs shellcheck, a Debian package: not for the fast tier.
pytestmark = pytest.mark.slow

WORKFLOW = ROOT / ".github" / "workflows" / "deploy.yml"
ACTIONLINT = Path(sys.executable).with_name("actionlint")
MAIN_ONLY = "github.ref == 'refs/heads/main'"
# Each action's current major (its runtime: Node 24). GitHub's runners dropped
# Node 20 in September 2026, so an older major stops running: bump it here and
# in the workflow together.
CURRENT_MAJORS = {
    "actions/checkout": 7,
    "actions/cache": 6,
    "actions/configure-pages": 6,
    "actions/upload-pages-artifact": 5,
    "actions/deploy-pages": 5,
}


def actionlint(workflow: Path) -> subprocess.CompletedProcess:
    shellcheck = shutil.which("shellcheck")
    assert shellcheck, "shellcheck is missing: invoke test installs it"
    return subprocess.run(
        [str(ACTIONLINT), "-no-color", "-shellcheck", shellcheck, str(workflow)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture(scope="module")
def workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def steps_of(job: dict) -> dict[str, dict]:
    return {step.get("name", step.get("uses")): step for step in job["steps"]}


def test_actionlint_reports_nothing():
    result = actionlint(WORKFLOW)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""


def test_actionlint_does_check_the_workflow(tmp_path):
    """A misspelt output of configure-pages is caught: the linter really reads it."""
    broken = tmp_path / ".github" / "workflows" / "deploy.yml"
    broken.parent.mkdir(parents=True)
    text = WORKFLOW.read_text(encoding="utf-8")
    broken.write_text(text.replace("outputs.base_url", "outputs.base_uri"))
    result = actionlint(broken)
    assert result.returncode == 1
    assert 'property "base_uri" is not defined' in result.stdout


def actions_used(workflow: dict) -> list[str]:
    return [
        step["uses"]
        for job in workflow["jobs"].values()
        for step in job["steps"]
        if "uses" in step
    ]


def test_every_action_is_pinned_to_a_version(workflow):
    uses = actions_used(workflow)
    assert uses
    for action in uses:
        assert re.fullmatch(r"actions/[a-z-]+@v\d+", action), action


def test_every_action_is_on_its_current_major(workflow):
    """A stale major (actions/cache@v4 runs on Node 20) is named, as is a new one."""
    used = {}
    for action in actions_used(workflow):
        name, _, version = action.partition("@")
        used[name] = int(version.removeprefix("v"))
    assert used == CURRENT_MAJORS


def test_only_a_tested_build_of_main_is_deployed(workflow):
    test_steps = steps_of(workflow["jobs"]["test"])
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "test"
    # Pull requests run on refs/pull/<n>/merge, so neither uploads nor deploys.
    assert deploy["if"] == MAIN_ONLY
    assert test_steps["Upload the site"]["if"] == MAIN_ONLY
    assert deploy["environment"]["name"] == "github-pages"
    assert [step["uses"].split("@")[0] for step in deploy["steps"]] == [
        "actions/deploy-pages"
    ]
