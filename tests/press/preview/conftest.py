"""The preview's tests share a kept site: the last build's generators, held."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pelican.plugins import signals

from press.finished_site.fast_render import KeptSite
from tests.support.edited_site import EditedSite


@pytest.fixture
def kept() -> Iterator[KeptSite]:
    """A kept site holding each build's generators while the test runs."""
    site = KeptSite()
    signals.all_generators_finalized.connect(site.keep)
    yield site
    signals.all_generators_finalized.disconnect(site.keep)


@pytest.fixture
def blog() -> Iterator[EditedSite]:
    """Three posts (neighbours, sharing tags) and a page, built as the preview does."""
    site = EditedSite()
    site.previewing = True
    site.add_post("alpha", "A guide", "2024-01-05", ["career"])
    site.add_post("beta", "Ship it", "2024-02-10", ["career", "salary"])
    site.add_post("gamma", "Another guide", "2024-03-15", ["salary"])
    site.write_page()
    yield site
    site.teardown()
