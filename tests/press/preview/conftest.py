"""The preview's tests share a kept site: the last build's generators, held."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pelican.plugins import signals

from press.preview.fast_render import KeptSite


@pytest.fixture
def kept() -> Iterator[KeptSite]:
    """A kept site holding each build's generators while the test runs."""
    site = KeptSite()
    signals.all_generators_finalized.connect(site.keep)
    yield site
    signals.all_generators_finalized.disconnect(site.keep)
