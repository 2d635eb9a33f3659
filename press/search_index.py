"""The search index: Pagefind run over the built site before it is swapped in."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

# Where Pagefind writes its index and its search UI, inside the site.
BUNDLE = "pagefind"


def index_site(site: Path) -> str | None:
    """Index the pages marked `data-pagefind-body`; return an error line, if any."""
    # Written afresh: index files are named by their content, and a recycled
    # staging folder would otherwise keep the ones no longer used.
    shutil.rmtree(site / BUNDLE, ignore_errors=True)
    result = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(site), "--silent"],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode == 0:
        return None
    detail = (result.stderr or result.stdout).strip().splitlines()
    return f"search index failed: {detail[-1] if detail else 'pagefind exited'}"
