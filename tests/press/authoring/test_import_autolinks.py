"""A Hugo post's bare web address was a link there (Hugo links them); it stays one."""

from __future__ import annotations

from tests.support.imports import imported_body

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


def test_a_bare_web_address_of_a_hugo_post_becomes_a_link(tmp_path):
    body = imported_body(
        tmp_path,
        {"config.toml": 'title = "Old"\n', "content/post/papers.md": POST},
        "papers",
    )
    assert body == POST.split("+++\n", 2)[2].replace(
        "https://lamport.azurewebsites.net/pubs/lamport-paxos.pdf\n",
        "<https://lamport.azurewebsites.net/pubs/lamport-paxos.pdf>\n",
    ).replace("P12.pdf.", "P12.pdf>.").replace("http://cidrdb", "<http://cidrdb")
