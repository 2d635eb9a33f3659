"""The tools and reference data the checks use, pinned, kept in the ignored .tools/."""

from __future__ import annotations

import hashlib
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TOOLS = ROOT / ".tools"
# The Nu validator for the tests; Lighthouse (12.x runs on Node 20) for the audit.
NODE_TOOLS = {"vnu-jar": "26.9.27", "lighthouse": "12.2.3"}
VNU_JAR = TOOLS / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
LIGHTHOUSE = TOOLS / "node_modules" / ".bin" / "lighthouse"
INSTALLED_BY = {"vnu-jar": VNU_JAR, "lighthouse": LIGHTHOUSE}

# The CommonMark 0.31.2 spec examples, as markdown-it-py's source distribution
# ships them (the wheel leaves its tests out); pip fetches the pinned release.
SPEC_SOURCE = "markdown-it-py==4.3.0"
SPEC_MEMBER = "tests/test_cmark_spec/commonmark.json"
SPEC_SHA256 = "d431b29d97b6f73e69d547109cf5081578fac931e72afe95639ebe766c1b2a20"
COMMONMARK_SPEC = TOOLS / "commonmark-0.31.2.json"
PIP_DOWNLOAD = [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps"]
PIP_DOWNLOAD += ["--no-binary", ":all:"]


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


def commonmark_spec() -> Path:
    """Return the spec examples' JSON file, fetching it with pip the first time."""
    if COMMONMARK_SPEC.exists():
        return COMMONMARK_SPEC
    with tempfile.TemporaryDirectory(prefix="commonmark-spec-") as folder:
        subprocess.run(
            [*PIP_DOWNLOAD, "--dest", folder, SPEC_SOURCE],
            check=True,
            timeout=300,
        )
        [archive] = Path(folder).glob("*.tar.gz")
        with tarfile.open(archive) as sdist:
            [member] = [m for m in sdist.getmembers() if m.name.endswith(SPEC_MEMBER)]
            data = sdist.extractfile(member).read()
    if hashlib.sha256(data).hexdigest() != SPEC_SHA256:
        raise RuntimeError(f"{SPEC_SOURCE}'s {SPEC_MEMBER} is not the pinned file")
    TOOLS.mkdir(exist_ok=True)
    partial = COMMONMARK_SPEC.with_suffix(".part")
    partial.write_bytes(data)
    partial.replace(COMMONMARK_SPEC)
    return COMMONMARK_SPEC
