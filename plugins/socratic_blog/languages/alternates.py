"""A page's language and its translations: hreflang, the switcher, og:locale.

A post's twins come from twins.py; a list's (home, tags, archives, search, a
tag's page) from `LIST_TWINS`, which lists.py fills with the lists each
language has. Nothing is listed for a page with no translation, so a site in
one language shows no hreflang and no switcher.
"""

from __future__ import annotations

from dataclasses import dataclass

from jinja2 import pass_context

from .declared import declared


@dataclass(frozen=True)
class Twin:
    """One language's version of a page: its language, address and locale."""

    lang: str
    url: str
    name: str
    locale: str


@pass_context
def page_language(context) -> str:
    """Return the language of the page being rendered."""
    if code := context.get("list_lang"):
        return code
    entry = context.get("article") or context.get("page")
    return getattr(entry, "lang", None) or context["DEFAULT_LANG"]


def entry_of(context):
    """Return the post or page being rendered, or None on a list."""
    if context.get("list_lang"):
        return None
    return context.get("article") or context.get("page")


@pass_context
def page_twins(context) -> list[Twin]:
    """Return every language's version of this page, itself included, or []."""
    entry = entry_of(context)
    if entry is not None:
        urls = {code: twin.url for code, twin in getattr(entry, "twins", {}).items()}
    else:
        urls = context.get("LIST_TWINS", {}).get(context.get("output_file"), {})
    languages = declared(context)
    return [
        Twin(code, urls[code], language.name, language.locale)
        for code, language in languages.items()
        if code in urls
    ]


@pass_context
def x_default(context) -> str:
    """Return the address for other readers: the default language's, or the original."""
    twins = page_twins(context)
    entry = entry_of(context)
    default = context["DEFAULT_LANG"]
    for twin in twins:
        if twin.lang == default:
            return twin.url
    original = getattr(entry, "original", None) or entry
    return original.url if original is not None else twins[0].url
