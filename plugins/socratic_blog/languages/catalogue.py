"""The theme's strings and dates in each page's language (gettext and Babel).

The theme marks its strings with Jinja's i18n extension (`{% trans %}`, `_()`);
their translations are `theme/translations/<lang>.po`, compiled in memory by
Babel when a build first needs them (no compiled .mo file is kept: the .po is
the one source, and a stale .mo cannot be served). One Jinja environment
renders every language: the gettext functions read the page's language from
what is rendered (`page_language`), so no second Pelican run is needed.
"""

from __future__ import annotations

import datetime
import functools
import io
from gettext import NullTranslations
from pathlib import Path

from babel.dates import format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations
from jinja2 import pass_context
from markupsafe import Markup

from .alternates import page_language, page_twins, x_default
from .declared import declared

CATALOGUES = "translations"
# Where a build keeps the catalogues it read, in the context every page shares.
LOADED = "LANGUAGE_CATALOGUES"
# "9 March 2024", "9 mars 2024": the day, the month's name, the year.
DATE_PATTERN = "d MMMM y"
# Days written, by language: every list shows each of its posts' dates.
KEPT_DAYS = 4096


def catalogue_path(settings: dict, code: str) -> Path:
    """Return where the theme keeps language `code`'s translations."""
    return Path(settings["THEME"]) / CATALOGUES / f"{code}.po"


@functools.lru_cache(maxsize=16)
def compiled(source: bytes, code: str) -> NullTranslations:
    """Compile a .po file's bytes into translations (fuzzy entries left out)."""
    catalog = read_po(io.BytesIO(source), locale=code)
    binary = io.BytesIO()
    write_mo(binary, catalog, use_fuzzy=False)
    binary.seek(0)
    return Translations(fp=binary)


def translations(settings, code: str) -> NullTranslations:
    """Return language `code`'s translations; the theme's own words without one.

    A build reads each catalogue once (`install_catalogue` keeps them in the
    context); a post being made reads its file.
    """
    loaded = settings.get(LOADED)
    if loaded is not None and code in loaded:
        return loaded[code]
    path = catalogue_path(settings, code)
    if not path.is_file():
        return NullTranslations()
    return compiled(path.read_bytes(), code)


@pass_context
def translated(context, message: str, **variables) -> str:
    """Translate `message` into the page's language, then fill in its variables.

    This is Jinja's newstyle gettext in one call (Jinja's own goes through the
    context three times a message): escaped HTML when the templates escape,
    and always a format string.
    """
    text = translations(context, page_language(context)).gettext(message)
    if context.eval_ctx.autoescape:
        text = Markup(text)
    return text % variables


@pass_context
def translated_plural(context, singular: str, plural: str, num: int, **variables):
    """Translate a message that has a plural, as `translated` does (`num` is known)."""
    found = translations(context, page_language(context))
    text = found.ngettext(singular, plural, num)
    if context.eval_ctx.autoescape:
        text = Markup(text)
    return text % {"num": num, **variables}


@pass_context
def local_date(context, moment) -> str:
    """Write a date as the page's language does: 9 March 2024, 9 mars 2024."""
    language = declared(context)[page_language(context)]
    # Babel writes a datetime's own day, as it is (no time zone is applied).
    day = moment.date() if isinstance(moment, datetime.datetime) else moment
    return written_day(day, language.locale)


@functools.lru_cache(maxsize=KEPT_DAYS)
def written_day(day: datetime.date, locale: str) -> str:
    """Write a day in a locale's words, once per day and locale (Babel is slow)."""
    return format_date(day, DATE_PATTERN, locale=locale)


@pass_context
def in_language(context, path: str) -> str:
    """Return a site path (a list, a feed) in the page's language's folder."""
    return declared(context)[page_language(context)].prefix + path


@pass_context
def site_subtitle(context) -> str:
    """Return the site's subtitle in the page's language."""
    language = declared(context)[page_language(context)]
    return language.subtitle or context["SITESUBTITLE"]


def install_catalogue(generator) -> None:
    """Give a generator's templates gettext, dates and addresses in their language."""
    settings = generator.settings
    generator.context.setdefault(
        LOADED, {code: translations(settings, code) for code in declared(settings)}
    )
    env = generator.env
    env.add_extension("jinja2.ext.i18n")
    # Newstyle: `{% trans %}` passes its variables; these are newstyle already,
    # so they are installed as they are, not wrapped by install_gettext_callables.
    env.newstyle_gettext = True
    env.globals.update(_=translated, gettext=translated, ngettext=translated_plural)
    env.filters.update(local_date=local_date, in_language=in_language)
    env.globals.update(
        page_language=page_language,
        page_twins=page_twins,
        x_default=x_default,
        site_subtitle=site_subtitle,
    )
