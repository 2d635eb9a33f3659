"""The front matter reader: fields, encodings and line endings."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from pelican.settings import read_settings

from socratic_blog.errors import ContentError
from socratic_blog.front_matter import parse as fm
from socratic_blog.front_matter.schema import FIELDS
from socratic_blog.posts.reader import FrontMatterReader
from tests.support.builds import SETTINGS
from tests.support.fixture_blog import COVER, JOB_HUNT, write_content


@pytest.fixture
def reader(tmp_path) -> FrontMatterReader:
    """The site's reader, for content in `tmp_path`."""
    settings = read_settings(str(SETTINGS[False]), override={"PATH": str(tmp_path)})
    return FrontMatterReader(settings)


def write(tmp_path: Path, data: bytes, slug: str = "a-post") -> Path:
    path = tmp_path / "posts" / slug / "index.md"
    path.parent.mkdir(parents=True)
    path.write_bytes(data)
    return path


def test_a_post_with_a_cover(reader, tmp_path):
    write_content(tmp_path, posts=(JOB_HUNT,))
    html, meta = reader.read(str(tmp_path / "posts" / "job-hunt" / "index.md"))
    assert meta["title"] == "so you are #lookingforwork?"
    assert meta["date"] == datetime.datetime(2024, 3, 9)
    assert [str(tag) for tag in meta["tags"]] == ["career"]
    assert meta["slug"] == "job-hunt"
    cover = meta["cover"]
    assert (cover.path, cover.width, cover.height) == (COVER, 1200, 630)
    assert cover.alt == "so you are #lookingforwork?"
    assert "<h3" in html


def test_crlf_and_bom_read_like_lf(reader, tmp_path):
    write_content(tmp_path, posts=(JOB_HUNT,))
    lf = (tmp_path / "posts" / "job-hunt" / "index.md").read_bytes()
    variant = b"\xef\xbb\xbf" + lf.replace(b"\n", b"\r\n")
    copy = write(tmp_path, variant, slug="job-hunt-crlf")
    html, meta = reader.read(str(tmp_path / "posts" / "job-hunt" / "index.md"))
    html_variant, meta_variant = reader.read(str(copy))
    assert "\r" not in html_variant
    assert html_variant == html
    assert meta_variant["title"] == meta["title"]
    assert meta_variant["tags"] == meta["tags"]
    assert meta_variant["date"] == meta["date"]
    assert meta_variant["cover"] == meta["cover"]


def test_fields(reader, tmp_path):
    path = write(
        tmp_path,
        b"---\n"
        b"title: 'R&D <jobs>'\n"
        b"date: 2024-05-01T09:30:00+02:00\n"
        b"modified: 2024-06-01\n"
        b"tags: cv, interviews ,  remote work\n"
        b"summary: A *short* summary.\n"
        b"slug: r-and-d\n"
        b"draft: true\n"
        b"---\n\nBody.\n",
    )
    _, meta = reader.read(str(path))
    assert meta["title"] == "R&amp;D &lt;jobs&gt;"
    assert meta["date"].utcoffset() == datetime.timedelta(hours=2)
    assert meta["modified"] == datetime.datetime(2024, 6, 1)
    assert [str(t) for t in meta["tags"]] == ["cv", "interviews", "remote work"]
    assert meta["summary"] == "<p>A <em>short</em> summary.</p>"
    assert meta["description"] == "A short summary."
    assert meta["slug"] == "r-and-d"
    # A plain build writes no drafts: the reader skips them altogether.
    assert meta["status"] == "skip"


@pytest.mark.parametrize(
    ("front_matter", "line", "problem"),
    [
        (b"title: x\ndate: 2024-13-01\n", 3, "not a real date"),
        (b"title: x\ndate: next tuesday\n", 3, "is not a date"),
        (
            b"title: x\ndate: 2024-01-01\ndraft: maybe\n",
            4,
            "draft must be true or false",
        ),
        (b"title: x\ndate: 2024-01-01\nslug: Not A Slug\n", 4, "is not a URL slug"),
        (b"title: [a, b]\ndate: 2024-01-01\n", 2, "title must be plain text"),
        (b"title: x\n", 1, "no date"),
        (b"- just\n- a list\n", 2, "not a list of 'key: value' fields"),
    ],
)
def test_bad_fields_name_their_line(reader, tmp_path, front_matter, line, problem):
    path = write(tmp_path, b"---\n" + front_matter + b"---\n\nBody.\n")
    with pytest.raises(ContentError) as caught:
        reader.read(str(path))
    assert caught.value.line == line
    assert problem in str(caught.value)
    assert "\n" not in str(caught.value)


def test_words_stay_as_written_not_yaml_booleans_or_numbers(reader, tmp_path):
    path = write(
        tmp_path,
        b"---\ntitle: No\ndate: 2024-01-01\nauthor: yes\n"
        b"tags: [python, 3.10, on, null]\n---\n\nBody.\n",
    )
    _, meta = reader.read(str(path))
    assert meta["title"] == "No"
    assert str(meta["author"]) == "yes"
    assert [str(t) for t in meta["tags"]] == ["python", "3.10", "on", "null"]


@pytest.mark.parametrize(
    "key", sorted(k for k, spec in FIELDS.items() if not spec.typed)
)
def test_a_key_the_schema_reads_as_text_keeps_the_words_typed(key, tmp_path):
    matter = fm.parse(f"---\n{key}: No\n---\n", tmp_path / "index.md")
    assert matter.fields[key] == "No"
