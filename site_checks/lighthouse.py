"""Lighthouse (from npm) run on one page with Debian's Chromium, mobile settings."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from .browser import CHROMIUM, CHROMIUM_ARGS
from .tools import LIGHTHOUSE

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def lighthouse_scores(url: str, report: Path) -> dict[str, int] | None:
    """Audit `url` as a phone on a slow network; return the four scores (0-100).

    None when Lighthouse could not audit the page (it says why on stderr).
    """
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    finished = subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--output=json",
            f"--output-path={report}",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={flags}",
            "--quiet",
        ],
        env={**os.environ, "CHROME_PATH": CHROMIUM},
        check=False,
        timeout=300,
    )
    if finished.returncode != 0:
        return None
    categories = json.loads(report.read_text(encoding="utf-8"))["categories"]
    return {name: round(categories[name]["score"] * 100) for name in CATEGORIES}


def picture_figures(report: Path) -> dict[str, float]:
    """Read a report's layout shift and the bytes of pictures on first load."""
    audits = json.loads(report.read_text(encoding="utf-8"))["audits"]
    requests = audits["network-requests"]["details"]["items"]
    return {
        "cls": audits["cumulative-layout-shift"]["numericValue"],
        "picture_bytes": sum(
            item.get("transferSize", 0)
            for item in requests
            if item.get("resourceType") == "Image"
        ),
    }
