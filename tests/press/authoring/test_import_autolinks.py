"""A Hugo post's bare web address was a link there (Hugo links them); it stays one."""

from __future__ import annotations

from press.authoring.importing import importer
from tests.support.builds import ROOT

POST = """+++
title = "Papers"
date = "2016-01-02"
+++
https://lamport.azurewebsites.net/pubs/lamport-paxos.pdf
http://cidrdb.org/cidr2005/papers/P12.pdf.

See [the docs](http://x.org/a) or <http://y.org/b>, not `http://z.org/c`:

```
curl http://z.org/d
```

    wget http://z.org/e

<div>http://z.org/f</div>
"""


def test_a_bare_web_address_of_a_hugo_post_becomes_a_link(tmp_path, capsys):
    old = tmp_path / "old"
    (old / "content/post").mkdir(parents=True)
    (old / "config.toml").write_text('title = "Old"\n', encoding="utf-8")
    (old / "content/post/papers.md").write_text(POST, encoding="utf-8")
    (tmp_path / "content/posts").mkdir(parents=True)
    settings = tmp_path / "settings.py"
    settings.write_text(
        "from pelican.settings import get_settings_from_file\n"
        f"globals().update(get_settings_from_file({str(ROOT / 'pelicanconf.py')!r}))\n"
        f"PATH = {str(tmp_path / 'content')!r}\n",
        encoding="utf-8",
    )
    assert importer.main(settings, str(old)) == 0, capsys.readouterr().err
    text = (tmp_path / "content/posts/papers/index.md").read_text("utf-8")
    body = text.split("---\n", 2)[2]
    assert body == POST.split("+++\n", 2)[2].replace(
        "https://lamport.azurewebsites.net/pubs/lamport-paxos.pdf\n",
        "<https://lamport.azurewebsites.net/pubs/lamport-paxos.pdf>\n",
    ).replace("P12.pdf.", "P12.pdf>.").replace("http://cidrdb", "<http://cidrdb")
