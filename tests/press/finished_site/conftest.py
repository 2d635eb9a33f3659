"""The quick build's tests share one small blog, built once as `invoke build` does."""

from __future__ import annotations

import pytest

from tests.support.builds import quick
from tests.support.edited_site import EditedSite


@pytest.fixture
def site():
    """A small blog of three posts and a page, built once as `invoke build` does."""
    blog = EditedSite()
    blog.first_post()
    blog.second_post()
    blog.new_post("gamma", "Ask <why>", "2024-03-15", ["interviews"])
    blog.edit_page("About")
    assert quick(blog) is None  # the first build is a full one
    yield blog
    blog.teardown()
