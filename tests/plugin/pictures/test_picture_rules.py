"""Picture rules on one-post sites: covers, metadata kept, alt text, preview, SVG."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image

from press import build
from site_checks.photo_essay import GPS_IFD
from tests.support.builds import ROOT, build_blog, parse_html, settings_for
from tests.support.fixture_files import gps_of, write

SITE = "https://example.org/blog"


def phone_photo() -> bytes:
    """Encode a small photo with GPS EXIF."""
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Pillow writes the GPS block only after a tag
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (48.0, 51.0, 29.0)})
    data = io.BytesIO()
    Image.new("RGB", (800, 600), (20, 90, 160)).save(data, "JPEG", exif=exif)
    return data.getvalue()


def one_post(tmp_path: Path, body: str, cover: str = "") -> Path:
    """Write a one-post site with a photo beside the post; return content/."""
    content = tmp_path / "content"
    image = f"image: {cover}\n" if cover else ""
    write(
        content / "posts/walk/index.md",
        f"---\ntitle: Walk\ndate: 2024-05-01\n{image}---\n\n{body}\n",
    )
    write(content / "posts/walk/photo.jpg", phone_photo())
    return content


def test_a_cover_above_makes_the_first_picture_lazy_and_is_private(tmp_path):
    content = one_post(tmp_path, "![A gull](photo.jpg)", cover="photo.jpg")
    assert gps_of(content / "posts/walk/photo.jpg")
    output = build_blog(content, tmp_path, production=True, SITEURL=SITE)
    page = parse_html(output / "posts/walk/index.html")
    assert page.select_one(".prose img")["loading"] == "lazy"
    assert gps_of(output / "posts/walk/photo.jpg") == {}
    assert gps_of(output / "posts/walk/photo.webp") == {}


def test_preserve_picture_metadata_publishes_the_original_bytes(tmp_path):
    content = one_post(tmp_path, "![A gull](photo.jpg)")
    output = build_blog(content, tmp_path, PRESERVE_PICTURE_METADATA=True)
    published = (output / "posts/walk/photo.jpg").read_bytes()
    assert published == (content / "posts/walk/photo.jpg").read_bytes()


def test_an_empty_alt_from_markdown_warns_with_its_line(tmp_path, capsys):
    content = one_post(
        tmp_path, "Text.\n\n![](photo.jpg)\n\n<img src=photo.jpg alt=''>"
    )
    errors = build.build(ROOT / "pelicanconf.py", settings_for(tmp_path, content))
    assert errors == []
    err = capsys.readouterr().err
    warned = [line for line in err.splitlines() if line.startswith("warning: ")]
    assert warned == [
        f"warning: {content.as_posix()}/posts/walk/index.md:8: picture 'photo.jpg'"
        " has no alt text; describe it in ![...], or write"
        ' <img src="photo.jpg" alt=""> if it is only decoration'
    ]


def test_the_preview_serves_the_originals_and_makes_no_copy(tmp_path):
    content = one_post(tmp_path, "![A gull](photo.jpg)")
    output = build_blog(content, tmp_path, PREVIEW=True)
    image = parse_html(output / "posts/walk/index.html").select_one(".prose img")
    assert image.parent.name == "p"
    assert (image["width"], image["height"]) == ("800", "600")
    assert not list(output.rglob("*w.webp"))


def test_a_raw_picture_keeps_the_size_and_sources_its_author_wrote(tmp_path):
    content = one_post(
        tmp_path,
        '<p><img src="photo.jpg" alt="A gull" width="400"></p>\n\n'
        '<picture><source srcset="photo.jpg" type="image/jpeg">'
        '<img src="photo.jpg" alt="The gull again"></picture>',
    )
    output = build_blog(content, tmp_path, SITEURL="")
    sized, own = parse_html(output / "posts/walk/index.html").select(".prose img")
    assert (sized["width"], sized["height"]) == ("400", "300")
    assert sized.parent.source["srcset"] == (
        "/posts/walk/photo-480w.webp 480w, /posts/walk/photo-720w.webp 720w,"
        " /posts/walk/photo-800w.webp 800w"
    )
    # The author's own source stays, its address written from the site's root
    # as raw HTML's files are (posts/raw_html.py).
    own_sources = [source["srcset"] for source in own.parent.select("source")]
    assert own_sources == ["/posts/walk/photo.jpg"]
    assert (own["width"], own["height"]) == ("800", "600")
    assert (output / "posts/walk/photo-800w.webp").is_file()


def test_an_svg_is_sized_by_its_width_and_height_else_its_view_box(tmp_path):
    content = one_post(tmp_path, "![Sized](sized.svg)\n\n![Boxed](boxed.svg)")
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" {}><rect width="1" height="1"/></svg>'
    )
    write(content / "posts/walk/sized.svg", svg.format('width="120" height="60px"'))
    write(
        content / "posts/walk/boxed.svg",
        svg.format('width="100%" viewBox="0 0 300.4 150"'),
    )
    output = build_blog(content, tmp_path)
    images = parse_html(output / "posts/walk/index.html").select(".prose img")
    sizes = [(image["width"], image["height"]) for image in images]
    assert sizes == [("120", "60"), ("300", "150")]
