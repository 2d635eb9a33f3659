"""The words the Markdown extensions write into a post, in the post's language.

Callout and alert titles ("Note", "Information") and the names screen readers
hear ("Link to this section: …", "Footnote 1") are written in English when a
post is read (and kept so in the content cache); each time a post in another
language is made, they are translated from the theme's catalogue.
"""

from __future__ import annotations

import re

from socratic_blog.pelican_internals import replace_text, text_as_read

from .catalogue import translations

# A callout's title (alerts.py, callout.py): its icon, then its words.
CALLOUT_TITLE = re.compile(
    r'(<p class="callout-title">(?:<svg\b.*?</svg>)?)([^<]+)(</p>)', re.DOTALL
)
NAME = re.compile(r'((?:aria-label|title)=")([^"]*)(")')
# What heading_anchors.py and footnote_links.py (and Python-Markdown's own
# footnotes) name things, and the message each is in the catalogue.
NAMES = (
    (
        re.compile(r"Link to this section: (.*)", re.DOTALL),
        "Link to this section: %(name)s",
    ),
    (re.compile(r"Footnote (\d+)"), "Footnote %(name)s"),
    (
        re.compile(r"Jump back to footnote (\d+) in the text"),
        "Jump back to footnote %(name)s in the text",
    ),
    (re.compile(r"(Footnotes)"), "Footnotes"),
)


def translate_post_words(content) -> None:
    """Put a post's callout titles and link names in the post's language."""
    code = getattr(content, "lang", None)
    html = text_as_read(content)
    if not code or code == content.settings["DEFAULT_LANG"] or not html:
        return
    words = translations(content.settings, code)

    def name(found: re.Match) -> str:
        for pattern, message in NAMES:
            if match := pattern.fullmatch(found[2]):
                said = words.gettext(message) % {"name": match[1]}
                return found[1] + said + found[3]
        return found[0]

    html = CALLOUT_TITLE.sub(
        lambda title: title[1] + words.gettext(title[2]) + title[3], html
    )
    replace_text(content, NAME.sub(name, html))
