"""The npm tools the checks run, pinned, installed into the git-ignored .tools/."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TOOLS = ROOT / ".tools"
# The Nu validator for the tests; Lighthouse (12.x runs on Node 20) for the audit.
NODE_TOOLS = {"vnu-jar": "26.9.27", "lighthouse": "12.2.3"}
VNU_JAR = TOOLS / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
LIGHTHOUSE = TOOLS / "node_modules" / ".bin" / "lighthouse"
INSTALLED_BY = {"vnu-jar": VNU_JAR, "lighthouse": LIGHTHOUSE}


def missing(*names: str) -> list[str]:
    """Return the tools among `names` that are not installed yet."""
    return [name for name in names if not INSTALLED_BY[name].exists()]


def install_command(names: list[str]) -> str:
    """Return the npm command that installs `names` at their pinned versions."""
    packages = " ".join(f"{name}@{NODE_TOOLS[name]}" for name in names)
    return (
        f"npm install --prefix {TOOLS} --save-exact --no-audit --no-fund "
        f"--loglevel=error {packages}"
    )
