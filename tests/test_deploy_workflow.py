"""The GitHub Pages workflow lints clean and only deploys a tested build of main."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

# actionlint runs shellcheck, a Debian package: not for the fast tier.
pytestmark = pytest.mark.slow

WORKFLOW = ROOT / ".github" / "workflows" / "deploy.yml"
ACTIONLINT = Path(sys.executable).with_name("actionlint")
MAIN_ONLY = "github.ref == 'refs/heads/main'"


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


def test_runs_on_push_to_main_pull_requests_and_by_hand(workflow):
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads `on` as True
    assert triggers["push"] == {"branches": ["main"]}
    assert "pull_request" in triggers
    assert "workflow_dispatch" in triggers


def test_permissions_are_minimal(workflow):
    jobs = workflow["jobs"]
    assert workflow["permissions"] == {"contents": "read"}
    assert jobs["test"]["permissions"] == {"contents": "read", "pages": "read"}
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}


def test_runs_do_not_overlap(workflow):
    concurrency = workflow["concurrency"]
    assert "github.ref" in concurrency["group"]
    assert "pull_request" in concurrency["cancel-in-progress"]


def test_every_action_is_pinned_to_a_version(workflow):
    uses = [
        step["uses"]
        for job in workflow["jobs"].values()
        for step in job["steps"]
        if "uses" in step
    ]
    assert uses
    for action in uses:
        assert re.fullmatch(r"actions/[a-z-]+@v\d+", action), action


def test_tests_run_with_the_readme_command_before_the_build(workflow):
    steps = list(steps_of(workflow["jobs"]["test"]))
    test_step = steps_of(workflow["jobs"]["test"])["Run the README's test command"]
    assert test_step["run"] == "bash .ci/run"
    assert steps.index("Run the README's test command") < steps.index(
        "Build for production"
    )


def test_build_uses_the_pages_address_as_site_url(workflow):
    steps = steps_of(workflow["jobs"]["test"])
    pages = steps["Read the Pages address"]
    assert pages["uses"].startswith("actions/configure-pages@")
    build = steps["Build for production"]
    assert build["env"]["PAGES_BASE_URL"] == "${{ steps.pages.outputs.base_url }}"
    assert 'export SITEURL="$PAGES_BASE_URL"' in build["run"]
    assert ".venv/bin/invoke build --production" in build["run"]
    upload = steps["Upload the site"]
    assert upload["uses"].startswith("actions/upload-pages-artifact@")
    assert upload["with"] == {"path": "output"}


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
