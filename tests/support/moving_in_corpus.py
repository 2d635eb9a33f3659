"""A small corpus of other generators' posts, written by the tests that import it.

Each post is what a real Jekyll, Hugo (PaperMod), Pelican or dev.to blog
holds, with the Markdown authors bring: lists nested by four spaces or a tab,
loose lists, footnotes, alerts and <details>.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PNG = (ROOT / "content/images/opentowork.png").read_bytes()

JEKYLL_POST = """\
---
layout: post
title: "My first job"
categories: [Career, Jobs]
permalink: /:year/:month/:day/:title/
redirect_from:
  - /first-job.html
excerpt: "How I found my first job."
---

![A chart]({{ site.baseurl }}/assets/chart.png)

See [the salary talk]({% post_url 2014-05-01-salary-talks %}).

1. Look for work

    - nested by four spaces
    - again

2. Apply

A note[^1].

[^1]: The footnote.
"""

HUGO_BUNDLE = """\
---
title: "Salary talks"
date: 2014-05-01T10:00:00+02:00
lastmod: 2015-01-02
url: /blog/2014/05/salary-talks/
aliases:
  - /posts/old-salary/
  - /2014/salary.html
cover:
  image: cover.png
  alt: "A desk"
  relative: true
tags: [money]
---

> [!NOTE]
> Ask for the range first.

<details><summary>More</summary>

Hidden words.

</details>
"""

HUGO_FLAT = """\
---
title: "Tabs everywhere"
date: 2014-06-01
draft: false
---

- item
\t- nested by a tab

- loose item

- another loose item
"""

PELICAN_POST = """\
Title: Remote work
Date: 2014-07-01 09:30
Category: Work
Tags: remote, teams

Working **from home**, with a [link to salaries](/posts/salary-talks/) and
one to [my first job](/2014/03/09/first-job/) at its old address.
"""

DEVTO_POST = """\
---
title: "Cross-posted guide"
published: true
date: 2014-08-01
canonical_url: https://dev.to/someone/cross-posted-guide
cover_image: ./devto-cover.png
tags: Career
---

Words first written elsewhere.
"""


def write_corpus(root: Path) -> dict[str, Path]:
    """Write the old sites under `root`; return each site's posts folder."""
    files = {
        "jekyll/_posts/2014-03-09-first-job.md": JEKYLL_POST,
        "jekyll/assets/chart.png": PNG,
        "hugo/content/posts/salary-talks/index.md": HUGO_BUNDLE,
        "hugo/content/posts/salary-talks/cover.png": PNG,
        "hugo/content/posts/tabs-everywhere.md": HUGO_FLAT,
        "hugo/content/posts/_index.md": "---\ntitle: Posts\n---\n",
        "pelican/content/remote-work.md": PELICAN_POST,
        "devto/posts/cross-posted-guide.md": DEVTO_POST,
        "devto/posts/devto-cover.png": PNG,
    }
    for relative, data in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
    return {
        "jekyll": root / "jekyll/_posts",
        "hugo": root / "hugo/content/posts",
        "pelican": root / "pelican/content",
        "devto": root / "devto/posts",
    }
