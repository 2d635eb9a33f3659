"""Images kept beside a post: the cover and the pictures in its text."""

from __future__ import annotations

from pathlib import Path

import pytest

from press import build
from tests.support.builds import SETTINGS, build_blog, parse_html, settings_for
from tests.support.fixture_blog import cover_png, write

PNG = cover_png()
POST = """---
title: "pictures beside the post"
date: 2024-05-01
image: "my cover.png"
---

Some text.

![A diagram of the hiring steps](diagram.png)

![A remote picture](https://example.org/remote.png)
"""


def write_post(content: Path, text: str = POST) -> Path:
    """Write the post, its cover and its diagram into `content`."""
    folder = content / "posts" / "pictured"
    write(folder / "index.md", text)
    write(folder / "my cover.png", PNG)
    write(folder / "diagram.png", PNG)
    return content


@pytest.fixture(scope="module")
def pictured(tmp_path_factory):
    folder = tmp_path_factory.mktemp("images")
    return build_blog(write_post(folder / "content"), folder)


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


def test_missing_picture_stops_the_build(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    content = write_post(tmp_path / "content", POST.replace("diagram.png", "nope.png"))
    assert build.main(str(SETTINGS[False]), settings_for(tmp_path, content)) == 1
    stderr = capsys.readouterr().err
    errors = [line for line in stderr.splitlines() if line.startswith("error:")]
    assert "Traceback" not in stderr
    assert len(errors) == 1
    assert "content/posts/pictured/index.md" in errors[0]
    assert "image 'nope.png' does not exist" in errors[0]
