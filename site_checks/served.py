"""A production build served by nginx on 127.0.0.1, for verify, audit and tests."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from press import build
from press.ports import free_port

from .nginx import StaticHost


class BuildFailed(Exception):
    """The site did not build; the message holds the build's error lines."""


@contextmanager
def served_build(
    settings_file: Path,
    work: Path,
    port: int = 0,
    prefix: str = "/blog",
    settings: dict | None = None,
) -> Iterator[StaticHost]:
    """Build for `http://127.0.0.1:<port><prefix>` into `work`, and serve it there.

    The address reaches the build as a settings override, never through the
    process's environment; `settings` overrides more (another content folder).
    """
    host = StaticHost(work / "site", work / "nginx", port or free_port(), prefix)
    overrides = {"OUTPUT_PATH": str(host.root), "SITEURL": host.url.rstrip("/")}
    overrides.update(settings or {})
    errors = build.build(Path(settings_file), overrides)
    if errors:
        raise BuildFailed("\n".join(f"error: {line}" for line in errors))
    with host:
        yield host
