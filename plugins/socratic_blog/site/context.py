"""Site-wide values the templates read, each computed once per build.

- `about_page`: the published page with the slug "about" (the nav, the home
  page's lead and each post's JSON-LD author link to it), or None;
- `site_image`: the card the home page and the lists share;
- `THEME_COLORS`: the colour of the browser's bar per colour scheme, the
  stylesheet's `--bg` tokens;
- the `canonical_url` filter: the address a page file is served at.
"""

from __future__ import annotations

from socratic_blog.pictures.palette import scheme_backgrounds, theme_stylesheet
from socratic_blog.pictures.social_images import site_card

ABOUT_SLUG = "about"
INDEX = "index.html"


def canonical_url(path: str) -> str:
    """Return the address of a page file: `posts/x/index.html` → `posts/x/`."""
    folder, _, name = path.rpartition("/")
    if name != INDEX:
        return path
    return f"{folder}/" if folder else ""


def add_theme_values(pelican) -> None:
    """Read the scheme colours from the stylesheet; add the canonical_url filter."""
    settings = pelican.settings
    settings["THEME_COLORS"] = scheme_backgrounds(theme_stylesheet(settings))
    filters = dict(settings.get("JINJA_FILTERS") or {})
    filters["canonical_url"] = canonical_url
    settings["JINJA_FILTERS"] = filters


def add_site_pages(generator) -> None:
    """Put the About page and the site's card in every template's context."""
    context = generator.context
    context["about_page"] = next(
        (page for page in generator.pages if page.slug == ABOUT_SLUG), None
    )
    context["site_image"] = site_card(generator.settings)
