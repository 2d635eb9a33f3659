"""Another generator's templates in a post body, resolved instead of printed.

Liquid (Jekyll): `{% raw %}` keeps its text without the tags, `{% highlight %}`
becomes a fenced block, `{% comment %}` goes, `{{ site.baseurl }}` and
`{{ site.url }}` go (links become site-root links, which the build writes
with SITEURL), `{% post_url %}` and `{% link %}` become the post's new address,
`{{ page.<key> }}` its own front matter. Hugo: `figure`, `youtube`, `vimeo`,
`tweet`, `gist`, `highlight`, `ref` and `relref` become Markdown. kramdown's
`{: .class }` and `{::options}` are dropped. Anything else (a site's own tag
or include) is kept visible as inline code and reported with its line. Code
(fenced blocks and inline spans) is never touched.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import quote

from . import shortcodes
from .fence_options import convert_fences, fences_apart
from .html_apart import closed_apart

FENCED = re.compile(
    r"^([ \t]*)(`{3,}(?=[^`\n]*$)|~{3,})[^\n]*\n.*?(?:^\1?[ \t]*\2[ \t]*$|\Z)",
    re.M | re.S,
)
INLINE_CODE = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)")
# A Liquid block keeps the indentation of its tag line (group 1): see `to_fence`.
HIGHLIGHT = re.compile(
    r"(^[ \t]*)?\{%-?\s*highlight\s+([\w+#-]+)[^%]*-?%\}[ \t]*\n?(.*?)\n?[ \t]*"
    r"\{%-?\s*endhighlight\s*-?%\}"
    r"|\{\{[<%]\s*highlight\s+([\w+#-]+)([^>%]*)[>%]\}\}\n?(.*?)\n?"
    r"\{\{[<%]\s*/\s*highlight\s*[>%]\}\}",
    re.S | re.M,
)
# A fence indented this far is an indented code block, not a fence.
CODE_INDENT = 4
RAW = re.compile(r"\{%-?\s*raw\s*-?%\}(.*?)\{%-?\s*endraw\s*-?%\}", re.S)
COMMENT = re.compile(r"\{%-?\s*comment\s*-?%\}.*?\{%-?\s*endcomment\s*-?%\}", re.S)
SITE_BASE = re.compile(
    r"\{\{-?\s*site\.(?:url|baseurl)\s*-?\}\}"
    r"|\{\{-?\s*['\"]([^'\"]*)['\"]\s*\|\s*(?:relative_url|absolute_url)\s*-?\}\}"
)
POST_LINK = re.compile(r"\{%-?\s*(post_url|link)\s+([^%\s]+)\s*-?%\}")
# {{ page.title }} from the post's front matter, {{ site.title }} from the site's.
PAGE_FIELD = re.compile(r"\{\{-?\s*(page|site)\.([A-Za-z_][\w]*)\s*-?\}\}")
INCLUDE = re.compile(r"\{%-?\s*include\s+([^%\n]*?)\s*-?%\}")
SHORTCODE = re.compile(r"\{\{([<%])\s*([\w/-]+)([^\n]*?)\s*[>%]\}\}")
# kramdown's table of contents (`* TOC` then `{:toc}`): the theme has its own.
KRAMDOWN = re.compile(
    r"^[ \t]*[*-][ \t]+[^\n]*\n\{:toc\}[ \t]*\n?"
    r"|^[ \t]*\{:[^}\n]*\}[ \t]*\n|\{::?[^}\n]*\}",
    re.M,
)
LEFT = re.compile(r"\{\{[<%].*?[>%]\}\}|\{%.*?%\}|\{\{.*?\}\}|\{:[^}\n]*\}")
# What protected code becomes while templates are resolved: same line count.
HOLE = re.compile(r"\x00(\d+)\n*\x00")


@dataclass
class Resolution:
    """A body with its templates resolved, and what could not be."""

    body: str
    resolved: int = 0
    left: list[tuple[int, str]] = field(default_factory=list)
    fence_options: list[tuple[int, str]] = field(default_factory=list)


class Held:
    """Code and raw text set aside while the templates around them change."""

    def __init__(self):
        """Start with nothing held."""
        self.parts: list[str] = []

    def hold(self, text: str) -> str:
        """Return a stand-in for `text` with as many line breaks."""
        self.parts.append(text)
        return f"\x00{len(self.parts) - 1}" + "\n" * text.count("\n") + "\x00"

    def restore(self, text: str) -> str:
        """Put every held text back (a held text may hold others)."""
        while HOLE.search(text):
            text = HOLE.sub(lambda m: self.parts[int(m.group(1))], text)
        return text


def outside_code(body: str) -> str:
    """Return `body` with its fenced blocks and inline code spans taken out."""
    return INLINE_CODE.sub("", FENCED.sub("", body))


def to_fence(match: re.Match) -> str:
    """Turn a highlight block into a fenced code block.

    Liquid runs before Markdown, so a block whose tags are indented like code
    (`    {% highlight c %}`) is still that language's code: its fence starts
    the line and its lines lose the tags' indentation. A lesser indentation
    (a list item's) stays, on the fence lines too.
    """
    if language := match.group(2):
        indent, code = match.group(1) or "", match.group(3)
        if len(indent.expandtabs(CODE_INDENT)) < CODE_INDENT:
            return f"{indent}```{language}\n{code}\n{indent}```"
        lines = (line.removeprefix(indent) for line in code.split("\n"))
        return f"```{language}\n" + "\n".join(lines) + "\n```"
    # Hugo: `"linenos=table,hl_lines=8 15-17"`, as a fence's attribute list.
    options = ",".join(
        f'{key.strip()}="{value.strip()}"'
        for key, _, value in (
            option.partition("=") for option in match.group(5).strip(" \"'").split(",")
        )
        if key.strip()
    )
    header = f"{match.group(4)} {{{options}}}" if options else match.group(4)
    return f"```{header}\n{match.group(6)}\n```"


def field_text(value) -> str | None:
    """Return a front matter value fit to stand in the text, else None."""
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return str(value)
    return None


def resolve(
    body: str,
    fields: dict[str, dict],
    address_of: Callable[[str, str], str | None],
    rewrite: Callable[[str], str],
    first: int,
) -> Resolution:
    """Resolve the templates of `body` (whose first line is file line `first`).

    `fields` holds the post's front matter ("page") and the old site's
    settings ("site"); `address_of(kind, reference)` names a post's new
    address; `rewrite` points the text's links (code held aside) at them.
    """
    result = Resolution(body)
    known = {
        scope: {str(key).lower(): value for key, value in values.items()}
        for scope, values in fields.items()
    }
    body, count = HIGHLIGHT.subn(to_fence, body)
    body = closed_apart(fences_apart(body))
    body, fences, result.fence_options = convert_fences(body, first)
    count += fences
    held = Held()
    body = FENCED.sub(lambda m: held.hold(m.group(0)), body)
    body, raws = RAW.subn(lambda m: held.hold(m.group(1)), body)
    body = INLINE_CODE.sub(lambda m: held.hold(m.group(0)), body)
    body, comments = COMMENT.subn("", body)
    body, bases = SITE_BASE.subn(lambda m: m.group(1) or "", body)
    count += raws + comments + bases

    def post_link(match: re.Match) -> str:
        return address_of(match.group(1), match.group(2)) or match.group(0)

    def page_field(match: re.Match) -> str:
        found = known.get(match.group(1), {}).get(match.group(2).lower())
        return field_text(found) or match.group(0)

    def shortcode(match: re.Match) -> str:
        name, args = match.group(2), match.group(3)
        try:
            words = shlex.split(args)
        except ValueError:
            return match.group(0)
        made = shortcodes.markdown(name, words, address_of)
        return match.group(0) if made is None else made

    def included(match: re.Match) -> str:
        try:
            made = shortcodes.include(shlex.split(match.group(1)))
        except ValueError:
            return match.group(0)
        return match.group(0) if made is None else made

    for pattern, replace in (
        (POST_LINK, post_link),
        (PAGE_FIELD, page_field),
        (INCLUDE, included),
        (SHORTCODE, shortcode),
    ):
        before = body
        body = pattern.sub(replace, body)
        count += sum(1 for _ in pattern.finditer(before)) - sum(
            1 for _ in pattern.finditer(body)
        )
    body, attributes = KRAMDOWN.subn("", body)
    result.resolved = count + attributes
    body = rewrite(body)
    # Lines counted as the matches go, once over the text (a post may be 50 MB).
    line, counted = first, 0
    for match in LEFT.finditer(body):
        line += body.count("\n", counted, match.start())
        counted = match.start()
        result.left.append((line, " ".join(match.group(0).split())))
    body = LEFT.sub(lambda m: held.hold(as_code(m.group(0))), body)
    result.body = held.restore(body)
    return result


def as_code(tag: str) -> str:
    """Show a template tag left as it was, as inline code (visible, inert)."""
    fence = "``" if "`" in tag else "`"
    return f"{fence}{' '.join(tag.split())}{fence}"


def link_target(address: str) -> str:
    """Quote an address for a Markdown link's parentheses."""
    return quote(address, safe="/:?&=#%~+.,@-_")
