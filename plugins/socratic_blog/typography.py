"""Typogrify applied by the reader, so the content cache keeps finished HTML.

Pelican typogrifies every post after its content cache, on every build: with
hundreds of posts that is a third of a rebuild. The plugin takes `TYPOGRIFY`
over (see `plugin.take_over_typography`) and the reader applies the same
filters, with the same settings, before Pelican caches what it read.
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
# The setting the reader reads once the plugin has taken TYPOGRIFY over.
SETTING = "SOCRATIC_BLOG_TYPOGRIFY"


def typographer(settings: dict) -> Callable[[str], str] | None:
    """Return the typogrify filter the settings ask for, or None when it is off."""
    if not settings.get(SETTING):
        return None
    ignore_tags = settings.get("TYPOGRIFY_IGNORE_TAGS", [])
    omitted = dict.fromkeys(settings.get("TYPOGRIFY_OMIT_FILTERS", []), False)
    # smartypants reads its options from a module attribute, as Pelican sets it;
    # `w` also curls the &quot; entities that Markdown leaves in text.
    attributes = DASHES.get(settings.get("TYPOGRIFY_DASHES"), DASHES["default"])
    attributes |= smartypants.Attr.w

    def typogrify_html(html: str) -> str:
        """Curl quotes, set dashes and ellipses in `html`, never in code."""
        smartypants.Attr.default = attributes
        return typogrify(html, ignore_tags, **omitted)

    return typogrify_html
