"""`invoke import` keeps a post's own `slug:` as its folder (it once died on it)."""

from __future__ import annotations

from press.authoring.importing import importer
from tests.support.imports import new_blog, old_site


def test_a_post_with_its_own_slug_imports_into_that_folder(tmp_path, capsys):
    old = tmp_path / "old/content"
    old.mkdir(parents=True)
    (old / "first-job.md").write_text(
        "Title: My first job\nDate: 2014-03-09\nSlug: my-first-job\n\nHello.\n",
        encoding="utf-8",
    )
    settings = new_blog(tmp_path)
    status = importer.main(settings, str(old))
    printed = capsys.readouterr()
    assert status == 0, printed.err
    written = tmp_path / "content/posts/my-first-job/index.md"
    assert 'slug: "my-first-job"' in written.read_text(encoding="utf-8")
    table = dict(line.rsplit(maxsplit=1) for line in printed.out.splitlines()[-12:])
    assert (table["posts imported"], table["posts failed"]) == ("1", "0")


def test_a_pelican_slug_with_underscores_becomes_a_url_slug_and_keeps_its_address(
    tmp_path, capsys
):
    old = (
        old_site(
            tmp_path / "old",
            {
                "pelicanconf.py": "PATH = 'content'\n",
                "content/2013/guess.md": "title: 30C3CTF 2013 Number 100 Guess\n"
                "date: 2013-12-30 22:56\nslug: 30c3ctf_2013_number_100_guess\n"
                "\nText.\n",
                "content/2016/x.md": "title: Lost\ndate: 2016-12-13 2:43\n"
                "slug: seccon_re+crypto_200_lost \n\nText.\n",
            },
        )
        / "content"
    )
    settings = new_blog(tmp_path)
    assert importer.main(settings, str(old)) == 0, capsys.readouterr().err
    guess = tmp_path / "content/posts/30c3ctf-2013-number-100-guess/index.md"
    text = guess.read_text(encoding="utf-8")
    assert "\nslug: 30c3ctf-2013-number-100-guess\n" in text
    assert 'aliases: ["/30c3ctf_2013_number_100_guess.html"]' in text
    lost = tmp_path / "content/posts/seccon-recrypto-200-lost/index.md"
    assert 'aliases: ["/seccon_re+crypto_200_lost.html"]' in lost.read_text("utf-8")


def test_a_hugo_slug_written_as_a_path_takes_its_last_part(tmp_path, capsys):
    # Hugo's slug may carry a path ("2015/12/14/name"); its last part names the post.
    old = old_site(
        tmp_path / "old",
        {
            "config.toml": 'title = "Old"\n[permalinks]\n  post = "/:filename/"\n',
            "content/post/calm.md": '+++\ntitle = "Calm"\ndate = "2015-12-14"\n'
            'slug = "2015/12/14/daily-calm"\n+++\n\nText.\n',
        },
    )
    settings = new_blog(tmp_path)
    assert importer.main(settings, str(old)) == 0, capsys.readouterr().err
    assert [p.name for p in (tmp_path / "content/posts").iterdir()] == ["daily-calm"]
    text = (tmp_path / "content/posts/daily-calm/index.md").read_text("utf-8")
    assert "\nslug: daily-calm\n" in text
    assert 'aliases: ["/calm/"]' in text
