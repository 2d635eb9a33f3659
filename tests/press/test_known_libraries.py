"""The installed libraries, remembered between builds until one is installed."""

from __future__ import annotations

import sys
from importlib import metadata

from press.incremental.content_cache import known_libraries, libraries


def install(folder, name: str, version: str) -> None:
    """Write a distribution's metadata as pip does."""
    metadata = folder / f"{name}-{version}.dist-info"
    metadata.mkdir()
    (metadata / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n", encoding="utf-8"
    )


def test_installing_or_upgrading_a_library_is_seen(tmp_path, monkeypatch):
    packages = tmp_path / "site-packages"
    packages.mkdir()
    monkeypatch.setattr(sys, "path", [*sys.path, str(packages)])
    cache = tmp_path / "cache"
    first = known_libraries(cache)
    assert first == libraries()
    assert known_libraries(cache) == first

    install(packages, "fresh_library", "1.0")
    installed = known_libraries(cache)
    assert "fresh_library==1.0" in installed

    (packages / "fresh_library-1.0.dist-info").rename(
        packages / "fresh_library-2.0.dist-info"
    )
    metadata = packages / "fresh_library-2.0.dist-info" / "METADATA"
    metadata.write_text(metadata.read_text().replace("1.0", "2.0"), encoding="utf-8")
    assert "fresh_library==2.0" in known_libraries(cache)
    assert known_libraries(cache) == libraries()


def test_every_distribution_python_finds_is_named_once(tmp_path, monkeypatch):
    packages = tmp_path / "site-packages"
    packages.mkdir()
    monkeypatch.setattr(sys, "path", [*sys.path, str(packages)])
    install(packages, "Fresh-Library", "3.0")
    egg = packages / "old_library.egg-info"
    egg.mkdir()
    (egg / "PKG-INFO").write_text(
        "Metadata-Version: 1.0\nName: Old-Library\nVersion: 0.9\n"
    )
    named = libraries().splitlines()[1:]
    found = {
        f"{dist.metadata['Name']}=={dist.version}".lower().replace("-", "_")
        for dist in metadata.distributions()
    }
    assert set(named) == found
    assert {"fresh_library==3.0", "old_library==0.9"} <= set(named)
