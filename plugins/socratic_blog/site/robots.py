"""robots.txt: let every crawler in and point it to the sitemap."""

from __future__ import annotations

from pathlib import Path

from socratic_blog import settings as defaults


def robots_txt(site_url: str, sitemap: str) -> str:
    """Return the text of a robots.txt that allows all and names the sitemap."""
    return f"User-agent: *\nAllow: /\n\nSitemap: {site_url}/{sitemap}\n"


def write_robots(pelican) -> None:
    """Write robots.txt when the settings name one (production builds do)."""
    settings = pelican.settings
    save_as = settings.get("ROBOTS_SAVE_AS", defaults.ROBOTS_SAVE_AS)
    if not save_as:
        return
    text = robots_txt(settings["SITEURL"], settings["SITEMAP_SAVE_AS"])
    Path(pelican.output_path, save_as).write_text(text, encoding="utf-8")
