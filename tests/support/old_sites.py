"""Three old sites, one per generator, as real blogs hold them (written by tests).

Jekyll: `_config.yml` with `permalink: pretty`, text dates, a one-digit day in
a file name, several authors, Liquid (`{% raw %}`, `{% post_url %}`,
`{{ site.baseurl }}`, `{{ page.image }}`, a site's own include and tag),
kramdown attributes, raw HTML pictures and links from the site root. Hugo:
`hugo.toml` permalinks, a page bundle, built-in shortcodes, `ref`, raw HTML
from `static/`. Pelican: a settings file not named pelicanconf.py (which must
never run), `ARTICLE_URL`, the `Key: value` header, `{filename}` links.
"""

from __future__ import annotations

from pathlib import Path

from tests.support.moving_in_corpus import PNG

JEKYLL = {
    "_config.yml": 'title: Old Jekyll\npermalink: pretty\nbaseurl: ""\n',
    "images/chart.png": PNG,
    "images/big.png": PNG,
    "assets/cover.png": PNG,
    "_posts/2016-03-22-first-steps.md": """\
---
layout: post
title: "First steps"
date: 2016-03-22 14:00 EDT
categories: Career
authors: [Ada Lovelace, Alan Turing]
image: /assets/cover.png
---

A lead paragraph.
{: .lead }

![The cover]({{ page.image }})

<img src="{{ site.baseurl }}/images/chart.png" width="300" alt="A chart">
<a href="/images/big.png">the big one</a>

Next: [the second post]({% post_url 2019-12-3-second %}), also at
[its old address]({{ site.baseurl }}/design/2019/12/03/second/).

{% raw %}
```liquid
{{ page.title }} {% include x.html %}
```
{% endraw %}

{% include note.html text="Hello" %}

{% oembed https://www.youtube.com/watch?v=abc %}
""",
    "_posts/2019-12-3-second.md": """\
---
layout: post
title: "Second"
date: December 3, 2019
last_modified_at: October 21, 2021
categories: Design
tags: [design]
---

Back to [the first]({{ site.url }}{{ site.baseurl }}/career/2016/03/22/first-steps/).
""",
}

HUGO = {
    "hugo.toml": (
        'baseURL = "https://example.org/hugo/"\ntitle = "Old Hugo"\n\n'
        '[permalinks]\nposts = "/:year/:month/:slug/"\n'
    ),
    "static/images/hugo.png": PNG,
    "static/files/guide.pdf": b"%PDF-1.4\n",
    "content/_index.md": "---\ntitle: Home\n---\n",
    "content/posts/_index.md": "---\ntitle: Posts\n---\n",
    "content/posts/bundle-post/index.md": """\
---
title: "Bundle Post"
date: 2021-10-21T10:00:00+02:00
tags: [Design]
authors: [Grace Hopper]
---

{{< figure src="map.png" alt="A map" caption="The route" >}}

{{< youtube w7Ft2ymGmfc >}}

See [the flat post]({{< ref "flat-post.md" >}}).

<img src="/images/hugo.png" alt="Hugo">
<a href="/files/guide.pdf">the guide</a>
""",
    "content/posts/bundle-post/map.png": PNG,
    "content/posts/flat-post.md": """\
---
title: "Flat post"
date: "2020-01-02"
---

Read [the bundle](/2021/10/bundle-post/) or [again](https://example.org/hugo/2021/10/bundle-post/).

{{< highlight go >}}
fmt.Println("{{< not a shortcode >}}")
{{< /highlight >}}
""",
}

# Anything but literal assignments would run if the file were executed.
PELICAN_SETTINGS = """\
import os
AUTHOR = "Ada Lovelace"
SITEURL = "https://example.com"
ARTICLE_URL = "blog/{slug}.html"
ARTICLE_SAVE_AS = "blog/{slug}.html"
PATH = os.path.join(os.getcwd(), "content")
open(os.environ.get("PELICAN_SETTINGS_RAN", "/dev/null"), "w").write("ran")
"""

PELICAN = {
    "site_settings.py": PELICAN_SETTINGS,
    "content/images/desk.png": PNG,
    "content/remote-work.md": """\
Title: Remote work
Date: 2014-07-01 09:30
Category: Work
Tags: remote, teams
Authors: Ada Lovelace, Grace Hopper
Slug: remote-work

Working **from home**. See [office life]({filename}/office-life.md) and
[the old page](/blog/office-life.html).

<img src="/images/desk.png" alt="A desk">
""",
    "content/office-life.md": """\
Title: Office life
Date: 2014-08-01
Tags: work

Back to [remote work](https://example.com/blog/remote-work.html).
""",
}

# Each site's old addresses (as paths under the new site) and the new post.
OLD_ADDRESSES = {
    "career/2016/03/22/first-steps/": "posts/first-steps/",
    "design/2019/12/03/second/": "posts/second/",
    "2021/10/bundle-post/": "posts/bundle-post/",
    "2020/01/flat-post/": "posts/flat-post/",
    "blog/remote-work.html": "posts/remote-work/",
    "blog/office-life.html": "posts/office-life/",
}
# The folder each test hands to `invoke import`: posts folder, root, content/.
GIVEN = {"jekyll": "jekyll/_posts", "hugo": "hugo", "pelican": "pelican/content"}


def write_old_sites(root: Path) -> dict[str, Path]:
    """Write the three old sites under `root`; return the folder given for each."""
    for name, files in (("jekyll", JEKYLL), ("hugo", HUGO), ("pelican", PELICAN)):
        for relative, data in files.items():
            path = root / name / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(data, bytes):
                path.write_bytes(data)
            else:
                path.write_text(data, encoding="utf-8")
    return {name: root / given for name, given in GIVEN.items()}
