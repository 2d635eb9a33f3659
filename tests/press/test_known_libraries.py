"""The installed libraries, remembered between builds until one is installed."""

from __future__ import annotations

import sys

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
