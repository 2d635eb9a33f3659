"""What another generator's templates left in a post: shortcodes and Liquid tags."""

from __future__ import annotations

import re

from pelican.utils import slugify

# Hugo shortcodes ({{< x >}}, {{% x %}}), Liquid tags ({% x %}) and output ({{ x }}).
TEMPLATE_TAG = re.compile(r"\{\{[<%].*?[>%]\}\}|\{%.*?%\}|\{\{.*?\}\}")
FENCES = ("```", "~~~")
# Jekyll's own address, in front of site-root paths: {{ site.url }}{{ site.baseurl }}.
SITE_BASE = re.compile(r"(?:\{\{\s*site\.url\s*\}\})?\{\{\s*site\.baseurl\s*\}\}")
# {% post_url 2014-03-09-title %} (a folder before the name is allowed).
POST_URL = re.compile(
    r"\{%\s*post_url\s+(?:[^%\s]*/)?\d{4}-\d{2}-\d{2}-([^%\s]+)\s*%\}"
)


def template_tags(text: str) -> list[tuple[int, str]]:
    """Return (line, tag) for each template tag in the body, outside code fences."""
    lines = text.split("\n")
    end = next(
        (i for i, line in enumerate(lines[1:], start=1) if line.rstrip() == "---"),
        0,
    )
    found, fenced = [], False
    for number, line in enumerate(lines[end + 1 :], start=end + 2):
        if line.lstrip().startswith(FENCES):
            fenced = not fenced
        elif not fenced:
            found += [(number, tag) for tag in TEMPLATE_TAG.findall(line)]
    return found


def plain_links(text: str, settings: dict) -> tuple[str, int]:
    """Rewrite Jekyll's link tags as site-root paths; return the text and a count.

    `{{ site.baseurl }}/x` becomes `/x` and `{% post_url 2014-03-09-title %}`
    becomes `/posts/title/`: the build writes site-root links with SITEURL.
    """
    text, bases = SITE_BASE.subn("", text)

    def post_address(match: re.Match) -> str:
        slug = slugify(match.group(1), regex_subs=settings["SLUG_REGEX_SUBSTITUTIONS"])
        return "/" + settings["ARTICLE_URL"].format(slug=slug)

    text, posts = POST_URL.subn(post_address, text)
    return text, bases + posts
