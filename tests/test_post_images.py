"""Images kept beside a post: the cover and the pictures in its text."""

from __future__ import annotations

import pytest

from conftest import ROOT, Project, parse_html

PNG = (ROOT / "content" / "images" / "opentowork.png").read_bytes()
POST = """---
title: "pictures beside the post"
date: 2024-05-01
image: "my cover.png"
---

Some text.

![A diagram of the hiring steps](diagram.png)

![A remote picture](https://example.org/remote.png)
"""


@pytest.fixture(scope="module")
def pictured(tmp_path_factory):
    project = Project(tmp_path_factory.mktemp("images") / "blog")
    project.add("posts/pictured/index.md", POST)
    project.add("posts/pictured/my cover.png", PNG)
    project.add("posts/pictured/diagram.png", PNG)
    result = project.invoke("build")
    assert result.returncode == 0, result.stderr
    return project.output


def test_cover_with_a_space_gets_encoded_urls(pictured):
    soup = parse_html(pictured / "posts/pictured/index.html")
    hero = soup.select_one("article picture")
    assert hero.img["src"] == "/posts/pictured/my%20cover.png"
    assert hero.source["srcset"] == "/posts/pictured/my%20cover.webp"
    og = soup.find("meta", property="og:image")["content"]
    assert og.endswith("/posts/pictured/my%20cover.png")
    assert (pictured / "posts/pictured/my cover.png").read_bytes() == PNG
    assert (pictured / "posts/pictured/my cover.webp").is_file()


def test_picture_beside_the_post_is_published(pictured):
    soup = parse_html(pictured / "posts/pictured/index.html")
    srcs = [img["src"] for img in soup.select(".prose img")]
    assert "/posts/pictured/diagram.png" in srcs
    assert "https://example.org/remote.png" in srcs
    assert (pictured / "posts/pictured/diagram.png").read_bytes() == PNG


def test_missing_picture_stops_the_build(project):
    project.add("posts/pictured/index.md", POST.replace("diagram.png", "nope.png"))
    project.add("posts/pictured/my cover.png", PNG)
    result = project.invoke("build")
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert len(errors) == 1
    assert "content/posts/pictured/index.md" in errors[0]
    assert "image 'nope.png' does not exist" in errors[0]
