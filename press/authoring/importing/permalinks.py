"""The address each post had on the old site, from the old site's own settings.

Jekyll: `permalink` in `_config.yml`, a named style (`date`, `pretty`,
`ordinal`, `none`) or a pattern of `:placeholders`. Hugo: `permalinks` per
section, else `/<section>/<slug or file name>/`. Pelican: `ARTICLE_URL`
(else `ARTICLE_SAVE_AS`), `{slug}.html` by default. A post's own `permalink:`
or `url:` wins, as it did on the old site (the build redirects those itself).
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

from pelican.settings import DEFAULT_CONFIG
from pelican.utils import slugify

from .old_site import OldSite

JEKYLL_STYLES = {
    "date": "/:categories/:year/:month/:day/:title:output_ext",
    "pretty": "/:categories/:year/:month/:day/:title/",
    "ordinal": "/:categories/:year/:y_day/:title:output_ext",
    "weekdate": "/:categories/:year/W:week/:short_day/:title:output_ext",
    "none": "/:categories/:title:output_ext",
}
PLACEHOLDER = re.compile(r":([a-z_]+)")
OWN_ADDRESS = ("permalink", "url", "save_as")
PELICAN_SUBS = DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"]


def words(value) -> list[str]:
    """Return a list field's words (Jekyll splits one line at spaces)."""
    if isinstance(value, str):
        return value.split()
    if isinstance(value, list):
        return [str(item) for item in value]
    return []


def date_parts(date: datetime.datetime) -> dict[str, str]:
    """Return the date placeholders Jekyll and Hugo share."""
    return {
        "year": f"{date.year:04d}",
        "month": f"{date.month:02d}",
        "day": f"{date.day:02d}",
        "i_month": str(date.month),
        "i_day": str(date.day),
        "short_year": date.strftime("%y"),
        "y_day": date.strftime("%j"),
        "week": date.strftime("%V"),
        "short_day": date.strftime("%a"),
        "monthname": date.strftime("%B").lower(),
        "weekday": str(date.isoweekday() % 7),
        "weekdayname": date.strftime("%A").lower(),
        "yearday": str(date.timetuple().tm_yday),
        "hour": date.strftime("%H"),
        "minute": date.strftime("%M"),
        "second": date.strftime("%S"),
    }


def fill(pattern: str, known: dict[str, str]) -> str | None:
    """Fill a pattern's placeholders; None when one is unknown."""
    missing = [name for name in PLACEHOLDER.findall(pattern) if name not in known]
    if missing:
        return None
    # Longest names first, so `:title` never eats `:title_x`.
    address = PLACEHOLDER.sub(lambda m: known[m.group(1)], pattern)
    return re.sub(r"/{2,}", "/", "/" + address.lstrip("/"))


def hugo_urlize(text: str) -> str:
    """Make a path part as Hugo's urlize does: lower case, spaces to hyphens."""
    text = re.sub(r"[^\w\s.~-]", "", text.strip().lower())
    return re.sub(r"\s+", "-", text)


def jekyll(site: OldSite, fields: dict, name: str, date) -> str | None:
    """Return a Jekyll post's address from `permalink` in `_config.yml`."""
    pattern = site.settings.get("permalink") or "date"
    pattern = JEKYLL_STYLES.get(str(pattern), str(pattern))
    categories = words(fields.get("categories")) + words(fields.get("category"))
    # `:title` is the file's name, which a `slug:` overrides (Jekyll's rule).
    slug = str(fields.get("slug") or name)
    known = {"title": slug, "slug": slug, "output_ext": ".html"}
    known["categories"] = "/".join(dict.fromkeys(c.lower() for c in categories))
    if date:
        known.update(date_parts(date))
    return fill(pattern, known)


def hugo(site: OldSite, fields: dict, file: Path, section: str, date) -> str | None:
    """Return a Hugo page's address from `permalinks`, else its section's."""
    stem = file.parent.name if file.stem in ("index", "_index") else file.stem
    stem = hugo_urlize(stem)
    title = str(fields.get("title") or "")
    slug = fields.get("slug")
    known = {
        "section": section,
        "sections": section,
        "title": hugo_urlize(title),
        "slug": slug or hugo_urlize(title),
        "filename": stem,
        "contentbasename": stem,
        "slugorfilename": slug or stem,
        "slugorcontentbasename": slug or stem,
    }
    if date:
        known.update(date_parts(date))
    permalinks = site.settings.get("permalinks") or {}
    if isinstance(permalinks.get("page"), dict):
        permalinks = permalinks["page"]
    pattern = permalinks.get(section) if isinstance(permalinks, dict) else None
    address = fill(pattern or f"/{section}/:slugorfilename/", known)
    return address.lower() if address else None


def pelican(site: OldSite, fields: dict, file: Path, content: Path, date) -> str | None:
    """Return a Pelican article's address from ARTICLE_URL (or ARTICLE_SAVE_AS)."""
    settings = site.settings
    pattern = settings.get("ARTICLE_URL")
    if not isinstance(pattern, str):
        pattern = settings.get("ARTICLE_SAVE_AS", "{slug}.html")
        pattern = str(pattern).removesuffix("index.html")
    subs = settings.get("SLUG_REGEX_SUBSTITUTIONS", PELICAN_SUBS)
    source = file.stem if settings.get("SLUGIFY_SOURCE") == "basename" else None
    slug = fields.get("slug") or slugify(
        source or str(fields.get("title", "")), regex_subs=subs
    )
    folder = file.parent.relative_to(content).parts
    category = fields.get("category") or (
        folder[0]
        if folder and settings.get("USE_FOLDER_AS_CATEGORY", True)
        else settings.get("DEFAULT_CATEGORY", "misc")
    )
    author = fields.get("author") or settings.get("AUTHOR", "")
    try:
        address = pattern.format(
            slug=slug,
            date=date or datetime.datetime(1970, 1, 1),
            category=slugify(str(category), regex_subs=subs),
            author=slugify(str(author), regex_subs=subs),
            lang=fields.get("lang") or settings.get("DEFAULT_LANG", "en"),
        )
    except (KeyError, IndexError, ValueError, AttributeError):
        return None
    return "/" + address.lstrip("/")


def old_address(site: OldSite, fields: dict, file: Path, name: str, date) -> str | None:
    """Return the address the old site gave this post, when its settings say."""
    if any(fields.get(key) for key in OWN_ADDRESS):
        return None
    if site.generator == "jekyll":
        return jekyll(site, fields, name, date)
    content = site.root / "content"
    inside = file.is_relative_to(content)
    if site.generator == "hugo" and inside:
        parts = file.relative_to(content).parts
        section = parts[0] if len(parts) > 1 else ""
        return hugo(site, fields, file, section, date)
    if site.generator == "pelican" and inside:
        return pelican(site, fields, file, content, date)
    return None
