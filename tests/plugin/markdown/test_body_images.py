"""Images in a post's body, callouts included: checked, published, never outside."""

from __future__ import annotations

import pytest

from tests.support.builds import ROOT, parse_html

PNG = (ROOT / "content/images/opentowork.png").read_bytes()


@pytest.fixture
def site(one_post_site):
    """Build a one-post site (production, under /blog) from the body given."""
    return one_post_site


def test_a_site_root_image_is_published_under_the_site_url(site):
    errors, output = site("![A chart](/images/chart.png)", **{"images/chart.png": PNG})
    assert errors == []
    image = parse_html(output / "posts/pictures/index.html").select_one("main img")
    assert image["src"] == "https://example.org/blog/images/chart.png"
    assert (output / "images/chart.png").read_bytes() == PNG


def test_a_missing_site_root_image_stops_the_build_naming_its_line(site, tmp_path):
    errors, _ = site("![A chart](/images/nowhere.png)")
    content = (tmp_path / "content").as_posix()
    assert errors == [
        f"{content}/posts/pictures/index.md:6: image '/images/nowhere.png' does not"
        f" exist (looked for {content}/images/nowhere.png); fix the path in"
        " ![...](...); a path that starts with / starts at the content folder"
    ]


def test_a_missing_image_inside_a_callout_stops_the_build_naming_its_line(site):
    code = "```python\nplan.png = 1\n```\n\n"  # lines 6-8: code, not searched
    errors, _ = site(code + "```information\nSee ![the plan](plan.png)\n```")
    assert len(errors) == 1
    assert "/posts/pictures/index.md:11: image 'plan.png' does not exist" in errors[0]


def test_an_image_inside_a_callout_is_published(site):
    errors, output = site(
        "```information\nSee ![the plan](plan.png)\n```",
        **{"posts/pictures/plan.png": PNG},
    )
    assert errors == []
    callout = parse_html(output / "posts/pictures/index.html").select_one(".callout")
    assert callout.img["src"] == "https://example.org/blog/posts/pictures/plan.png"


def test_a_callout_image_outside_content_is_refused_and_nothing_escapes(site, tmp_path):
    (tmp_path / "secret.png").write_bytes(PNG)
    errors, _ = site("```information\n![x](../../../secret.png)\n```")
    assert len(errors) == 1
    assert "image '../../../secret.png' is outside the content folder" in errors[0]
    written = [p for p in (tmp_path / "out").rglob("*") if p.is_file()]
    assert written == []
