"""`invoke import` keeps a post's own `slug:` as its folder (it once died on it)."""

from __future__ import annotations

from press.authoring.importing import importer
from tests.support.builds import ROOT


def test_a_post_with_its_own_slug_imports_into_that_folder(tmp_path, capsys):
    old = tmp_path / "old/content"
    old.mkdir(parents=True)
    (old / "first-job.md").write_text(
        "Title: My first job\nDate: 2014-03-09\nSlug: my-first-job\n\nHello.\n",
        encoding="utf-8",
    )
    (tmp_path / "content/posts").mkdir(parents=True)
    settings = tmp_path / "settings.py"
    settings.write_text(
        "from pelican.settings import get_settings_from_file\n"
        f"globals().update(get_settings_from_file({str(ROOT / 'pelicanconf.py')!r}))\n"
        f"PATH = {str(tmp_path / 'content')!r}\n",
        encoding="utf-8",
    )
    status = importer.main(settings, str(old))
    printed = capsys.readouterr()
    assert status == 0, printed.err
    written = tmp_path / "content/posts/my-first-job/index.md"
    assert 'slug: "my-first-job"' in written.read_text(encoding="utf-8")
    table = dict(line.rsplit(maxsplit=1) for line in printed.out.splitlines()[-11:])
    assert (table["posts imported"], table["posts failed"]) == ("1", "0")
