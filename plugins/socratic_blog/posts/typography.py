"""Typogrify, applied on one path: the reader's `typeset`, before the content cache.

Pelican typogrifies every post after its content cache, on every build: with
hundreds of posts that is a third of a rebuild. So the plugin takes `TYPOGRIFY`
over when Pelican starts (`take_over_typography`) and the reader typesets the
body, the title, the summary and the contents entries with the one function
`typesetter` returns, with Pelican's own settings (`TYPOGRIFY_IGNORE_TAGS`,
`TYPOGRIFY_OMIT_FILTERS`, `TYPOGRIFY_DASHES`), before Pelican caches what it read.

Typogrify finds tags with regular expressions, so an attribute holding a `>`
(`title="x > y"`, a `srcdoc`) had its quotes curled and its tag broken. Every
tag with attributes (and every comment or declaration) is therefore found by
`html.parser`, handed to typogrify as a stand-in with its name alone, and put
back as it was: only text is typeset.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from html import escape

import smartypants
from typogrify.filters import typogrify

from socratic_blog.markup_runs import markup_runs

from . import skipped_filters

# Pelican's TYPOGRIFY_DASHES values and the smartypants attributes they mean.
DASHES = {
    "default": smartypants.Attr.set1,
    "oldschool": smartypants.Attr.set2,
    "oldschool_inverted": smartypants.Attr.set3,
}
# Where TYPOGRIFY goes once the plugin has taken it over: Pelican, which reads
# only TYPOGRIFY, no longer typogrifies; the reader reads this one.
SETTING = "SOCRATIC_BLOG_TYPOGRIFY"
# Marks a tag's stand-in while typogrify runs; no content holds it.
MARK = "\x00"
# Tags whose stand-ins are kept (the same few dozen make most code blocks).
KEPT_STAND_INS = 4096


skipped_filters.install()


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
    carry = any("." in tag or "#" in tag for tag in ignore_tags)
    # smartypants reads its options from a module attribute, as Pelican sets it;
    # `w` also curls the &quot; entities that Markdown leaves in text.
    attributes = DASHES.get(settings.get("TYPOGRIFY_DASHES"), DASHES["default"])
    attributes |= smartypants.Attr.w

    def typeset(html: str) -> str:
        """Curl quotes, set dashes and ellipses in `html`'s text, never in code."""
        smartypants.Attr.default = attributes
        return typeset_text(
            html, lambda text: typogrify(text, ignore_tags, **omitted), carry
        )

    return typeset


def typeset_text(html: str, typeset: Callable[[str], str], carry=False) -> str:
    """Apply `typeset` to `html` with its markup shielded; markup comes back as is.

    `carry` keeps a tag's class and id on its stand-in, for the ignore filters
    (`TYPOGRIFY_IGNORE_TAGS = ["div.note"]`) that read them.
    """
    if MARK in html:
        # No post holds one (the reader refuses control characters); a stand-in
        # could not be told from the text, so the HTML is left as it is.
        return html
    if "<" not in html:
        return typeset(html)
    shielded, kept = [], []
    for run in markup_runs(html):
        shield = run.markup and shield_of(run, carry)
        if shield:
            opening, closing = shield
            shielded.append(f"{opening}{MARK}{len(kept)}{MARK}{closing}")
            kept.append((opening, run.raw, closing))
        else:
            shielded.append(run.raw)
    return unshielded(typeset("".join(shielded)), kept) or html


def unshielded(typeset_html: str, kept: list[tuple[str, str, str]]) -> str | None:
    """Put each kept tag back in place of its stand-in; None if one went astray."""
    parts = typeset_html.split(MARK)
    if len(parts) != 2 * len(kept) + 1:
        return None
    joined = [parts[0]]
    for number, (opening, raw, closing) in enumerate(kept):
        before, after = joined[-1], parts[2 * number + 2]
        if parts[2 * number + 1] != str(number) or not (
            before.endswith(opening) and after.startswith(closing)
        ):
            return None
        joined[-1] = before[: len(before) - len(opening)]
        joined += [raw, after[len(closing) :]]
    return "".join(joined)


@functools.lru_cache(maxsize=KEPT_STAND_INS)
def shield_of(run, carry: bool) -> tuple[str, str] | None:
    """Return a tag's stand-in (what it opens and closes with); None if bare."""
    return None if bare(run) else stand_in(run, carry)


def bare(run) -> bool:
    """Tell whether a tag is only its name (`<p>`, `</em>`), which typogrify reads."""
    return not run.attrs and run.raw in (f"<{run.tag}>", f"</{run.tag}>")


def stand_in(run, carry: bool) -> tuple[str, str]:
    """Return what a tag's stand-in opens and closes with: its name as written."""
    if run.kind == "other":
        return "<!--", "-->"
    slash = "/" if run.kind == "end" else ""
    name = run.raw[1 + len(slash) :][: len(run.tag)]
    names = "".join(
        f' {key}="{escape(value)}"'
        for key, value in run.attrs
        if carry and key in ("class", "id") and value
    )
    return f"<{slash}{name}{names} ", ">"
