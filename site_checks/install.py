"""What the tests and the audit need on the machine: Debian packages, pinned tools."""

from __future__ import annotations

import os
import shutil

from invoke import Exit

from site_checks import tools

# Debian packages the tests drive: a command each provides -> its package.
SYSTEM_PACKAGES: dict[str, str] = {
    "nginx": "nginx",
    "git": "git",
    "faketime": "faketime",
    "shellcheck": "shellcheck",
    "chromium": "chromium",
    "java": "default-jre-headless",
    "npm": "npm",
}


def system_packages(c) -> None:
    """Install the Debian packages the tests need, if any is missing."""
    missing = sorted(
        {
            package
            for command, package in SYSTEM_PACKAGES.items()
            if not shutil.which(command)
        }
    )
    if not missing:
        return
    if os.geteuid() != 0:
        raise Exit(
            f"the tests need these Debian packages: apt-get install {' '.join(missing)}"
        )
    c.run("apt-get update -qq")
    c.run(f"apt-get install -y -qq --no-install-recommends {' '.join(missing)}")


def node_tools(c, *names: str, warn: bool = False) -> None:
    """Install the pinned npm tools among `names` into .tools/, if missing."""
    missing = tools.missing(*names)
    if missing:
        c.run(tools.install_command(missing), warn=warn)


def commonmark_spec() -> None:
    """Fetch the CommonMark spec examples into .tools/, if missing."""
    tools.commonmark_spec()
