"""Typogrify, applied on one path: the reader's `typeset`, before the content cache.

Pelican typogrifies every post after its content cache, on every build: with
hundreds of posts that is a third of a rebuild. So the plugin takes `TYPOGRIFY`
over when Pelican starts (`take_over_typography`) and the reader typesets the
body, the title, the summary and the contents entries with the one function
`typesetter` returns, with Pelican's own settings (`TYPOGRIFY_IGNORE_TAGS`,
`TYPOGRIFY_OMIT_FILTERS`, `TYPOGRIFY_DASHES`), before Pelican caches what it read.
"""

from __future__ import annotations

from collections.abc import Callable

import smartypants
from typogrify.filters import typogrify

# Pelican's TYPOGRIFY_DASHES values and the smartypants attributes they mean.
DASHES = {
    "default": smartypants.Attr.set1,
    "oldschool": smartypants.Attr.set2,
    "oldschool_inverted": smartypants.Attr.set3,
}
# Where TYPOGRIFY goes once the plugin has taken it over: Pelican, which reads
# only TYPOGRIFY, no longer typogrifies; the reader reads this one.
SETTING = "SOCRATIC_BLOG_TYPOGRIFY"


def take_over_typography(pelican) -> None:
    """Move TYPOGRIFY to the reader's setting, so that Pelican leaves it alone."""
    settings = pelican.settings
    settings[SETTING] = settings.get("TYPOGRIFY", False)
    settings["TYPOGRIFY"] = False


def unchanged(html: str) -> str:
    """Return `html` as it is (the typesetting when TYPOGRIFY is off)."""
    return html


def typesetter(settings: dict) -> Callable[[str], str]:
    """Return the one function that typesets the site's HTML, as the settings ask."""
    if not settings.get(SETTING):
        return unchanged
    ignore_tags = settings.get("TYPOGRIFY_IGNORE_TAGS", [])
    omitted = dict.fromkeys(settings.get("TYPOGRIFY_OMIT_FILTERS", []), False)
    # smartypants reads its options from a module attribute, as Pelican sets it;
    # `w` also curls the &quot; entities that Markdown leaves in text.
    attributes = DASHES.get(settings.get("TYPOGRIFY_DASHES"), DASHES["default"])
    attributes |= smartypants.Attr.w

    def typeset(html: str) -> str:
        """Curl quotes, set dashes and ellipses in `html`, never in code."""
        smartypants.Attr.default = attributes
        return typogrify(html, ignore_tags, **omitted)

    return typeset
