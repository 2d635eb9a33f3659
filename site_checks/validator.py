"""The W3C Nu HTML checker (vnu.jar from npm) run on built pages."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlparse

from .tools import VNU_JAR


class ValidatorMissing(RuntimeError):
    """The Nu checker is not installed where `invoke test` puts it."""


def nu_errors(pages: list[Path]) -> dict[Path, list[str]]:
    """Validate `pages`; return each page's errors as 'line: message' strings."""
    if not VNU_JAR.exists():
        raise ValidatorMissing(
            f"{VNU_JAR} is missing: run `invoke test` once (it installs vnu-jar)"
        )
    result = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json"]
        + [str(page) for page in pages],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    errors: dict[Path, list[str]] = {page.resolve(): [] for page in pages}
    for message in json.loads(result.stderr or '{"messages": []}')["messages"]:
        page = Path(unquote(urlparse(message.get("url", "")).path)).resolve()
        line = message.get("lastLine", "?")
        errors.setdefault(page, []).append(f"{line}: {message['message']}")
    return errors
