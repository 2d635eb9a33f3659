"""What the import cannot carry over is named: a site's own shortcode, a web cover."""

from __future__ import annotations

from pelican.settings import read_settings

from press.authoring.importing import importer
from socratic_blog.errors import display_path
from tests.support.builds import ROOT
from tests.support.moving_in_corpus import PNG


def test_shortcodes_web_covers_and_bundle_files_are_named(tmp_path):
    bundle = tmp_path / "old/posts/gallery"
    bundle.mkdir(parents=True)
    (bundle / "index.md").write_text(
        "---\ntitle: Gallery\ndate: 2014-01-01\ncover_image: https://x.org/c.png\n"
        '---\n\n{{< gallery dir="photos" >}}\n\n```\n{{ not a tag }}\n```\n',
        encoding="utf-8",
    )
    (bundle / "photo.png").write_bytes(PNG)
    (tmp_path / "content/posts").mkdir(parents=True)
    settings = read_settings(
        str(ROOT / "pelicanconf.py"), override={"PATH": str(tmp_path / "content")}
    )
    report = importer.run(tmp_path / "old/posts", settings)
    target = display_path(tmp_path / "content/posts/gallery/index.md")
    assert report.warnings == [
        f"{target}:7: '{{{{< gallery dir=\"photos\" >}}}}' is a template tag of the"
        " old site with no equivalent here; it is kept as code; rewrite it in"
        " Markdown"
    ]
    assert report.to_fix == [
        f"{target}:4: cover image 'https://x.org/c.png' is a web address; the site"
        " publishes its own covers (measured, with a WebP copy); download the"
        " image next to the post and write its file name, like 'image: cover.png'"
    ]
    assert (tmp_path / "content/posts/gallery/photo.png").read_bytes() == PNG


def test_a_post_without_a_date_is_listed_to_fix(tmp_path):
    posts = tmp_path / "old/content/post"
    posts.mkdir(parents=True)
    (posts / "undated.md").write_text(
        '+++\ntitle = "Undated"\nCategories = ["Meta Game"]\n+++\n\nText.\n',
        encoding="utf-8",
    )
    (posts / "dated.md").write_text(
        '+++\ntitle = "Dated"\ndate = "2016-04-22"\n+++\n\nText.\n', encoding="utf-8"
    )
    (tmp_path / "content/posts").mkdir(parents=True)
    settings = read_settings(
        str(ROOT / "pelicanconf.py"), override={"PATH": str(tmp_path / "content")}
    )
    report = importer.run(tmp_path / "old/content/post", settings)
    target = display_path(tmp_path / "content/posts/undated/index.md")
    assert report.to_fix == [
        f"{target}:1: the front matter has no date; add 'date: YYYY-MM-DD', the day"
        " it was published"
    ]


def test_links_that_lead_nowhere_once_moved_are_listed_to_fix(tmp_path):
    site = tmp_path / "old"
    (site / "_posts").mkdir(parents=True)
    (site / "images").mkdir()
    (site / "images/a.png").write_bytes(PNG)
    (site / "_config.yml").write_text("permalink: /:title/\n", encoding="utf-8")
    (site / "_posts/2010-02-16-other.md").write_text(
        "---\ntitle: Other\n---\n\nText.\n", encoding="utf-8"
    )
    (site / "_posts/2010-02-15-links.md").write_text(
        "---\ntitle: Links\n---\n\n"
        "Using [Cloud9](c9.io) and [Wireshark](/images/http://www.wireshark.org).\n"
        'See <a\nhref="/other">the other post</a>, [archives](/archives.html),\n'
        "![a](/images/a.png), [home](/) and [top](#top).\n\n"
        "```\n[in code](/nowhere)\n```\n\n"
        "An earlier import's [post](/2001/earlier.html) and [again](/2009/earlier/),"
        " a [later one](/posts/later/) and a note[^1].\n\n[^1]: The footnote.\n\n"
        "This blog's [archives](/archives/) and [tag](/tags/java/) answer; the"
        ' build drops <script src="/js/gone.js"></script>.\n',
        encoding="utf-8",
    )
    (tmp_path / "content/posts/earlier").mkdir(parents=True)
    (tmp_path / "content/posts/earlier/index.md").write_text(
        "---\ntitle: Earlier\ndate: 2009-01-01\naliases: [/2001/earlier.html]\n---\n",
        encoding="utf-8",
    )
    settings = read_settings(
        str(ROOT / "pelicanconf.py"), override={"PATH": str(tmp_path / "content")}
    )
    report = importer.run(site, settings)
    target = display_path(tmp_path / "content/posts/links/index.md")
    nowhere = "leads to no imported post and no copied file;"
    elsewhere = "point it at a post or page of this blog, or at the web, or remove it"
    assert report.to_fix == [
        f"{target}:7: the link 'c9.io' {nowhere} if a web address was meant,"
        " write 'https://c9.io'",
        f"{target}:7: the link '/images/http://www.wireshark.org' {nowhere}"
        f" {elsewhere}",
        f"{target}:9: the link '/archives.html' {nowhere} {elsewhere}",
    ]


def test_jekylls_post_layout_goes_and_any_other_layout_stays(tmp_path):
    posts = tmp_path / "old/_posts"
    posts.mkdir(parents=True)
    (posts / "2010-02-25-plain.md").write_text(
        "---\ntitle: Plain\nlayout: post\n---\n\nText.\n", encoding="utf-8"
    )
    (posts / "2009-01-27-test.md").write_text(
        "---\nlayout: default\ntitle: test\n---\n\nText.\n", encoding="utf-8"
    )
    (tmp_path / "content/posts").mkdir(parents=True)
    settings = read_settings(
        str(ROOT / "pelicanconf.py"), override={"PATH": str(tmp_path / "content")}
    )
    report = importer.run(posts, settings)
    plain = (tmp_path / "content/posts/plain/index.md").read_text(encoding="utf-8")
    test = (tmp_path / "content/posts/test/index.md").read_text(encoding="utf-8")
    assert "layout" not in plain
    assert "\nlayout: default\n" in test
    assert [kind for kind in report.warnings if "layout" in kind] == [
        f"{display_path(tmp_path / 'content/posts/test/index.md')}:4: unknown front"
        " matter key 'layout' (nearest known key: 'author'); it is ignored; rename"
        " it or remove it"
    ]


def test_a_pelican_link_to_a_file_the_import_does_not_copy_is_listed_to_fix(tmp_path):
    old = tmp_path / "old"
    (old / "content/exp").mkdir(parents=True)
    (old / "pelicanconf.py").write_text("STATIC_PATHS = ['exp']\n", encoding="utf-8")
    (old / "content/exp/login.py").write_text("print('hi')\n", encoding="utf-8")
    (old / "content/login.md").write_text(
        "title: Login\ndate: 2015-03-30\nslug: login\n\n"
        "exploit: [login.py]({filename}/exp/login.py)\n",
        encoding="utf-8",
    )
    (tmp_path / "content/posts").mkdir(parents=True)
    settings = read_settings(
        str(ROOT / "pelicanconf.py"), override={"PATH": str(tmp_path / "content")}
    )
    report = importer.run(old / "content", settings)
    target = display_path(tmp_path / "content/posts/login/index.md")
    assert report.to_fix == [
        f"{target}:8: the link '{{filename}}/exp/login.py' leads to no imported post"
        " and no copied file; it names a file of the old site that the import does"
        " not copy (it copies pictures, sound, video and PDF); copy the file beside"
        " the post and link its name, or link it on the web"
    ]
