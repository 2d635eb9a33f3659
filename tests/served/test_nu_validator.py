"""Every page of the fixture blog is valid HTML for the W3C Nu checker (vnu.jar)."""

from __future__ import annotations

import pytest

from site_checks.validator import nu_errors

pytestmark = pytest.mark.java


def test_every_built_page_has_no_nu_errors(dev_build):
    pages = sorted(dev_build.rglob("*.html"))
    assert len(pages) >= 12
    errors = nu_errors(pages)
    assert set(errors) == {page.resolve() for page in pages}
    assert {page: found for page, found in errors.items() if found} == {}


def test_the_checker_reports_invalid_markup(tmp_path):
    page = tmp_path / "broken.html"
    page.write_text(
        '<!DOCTYPE html><html lang="en"><head><title>x</title></head>'
        "<body><p><div>block in a paragraph</p></body></html>",
        encoding="utf-8",
    )
    [found] = nu_errors([page]).values()
    assert found, "the checker found nothing wrong with broken markup"
