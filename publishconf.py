"""Production settings: the development ones plus what only the live site needs."""

import os
from pathlib import Path

from pelican.settings import get_settings_from_file

# Every development setting first, then the overrides below.
development = get_settings_from_file(str(Path(__file__).with_name("pelicanconf.py")))
globals().update(development)

# The live address, without a trailing slash; CI passes the host's real one.
SITEURL = os.environ.get("SITEURL", "https://socraticdev.github.io/blog").rstrip("/")
RELATIVE_URLS = False

SEARCH_INDEX = True
SOCIAL_CARDS = True

# Feeds carry the newest posts whole, with every link and image absolute; a
# reader's app fetches them often, so they hold the latest 20, not the archive.
FEED_ALL_ATOM = "feeds/all.atom.xml"
FEED_ALL_RSS = "feeds/all.rss.xml"
TAG_FEED_ATOM = "feeds/tags/{slug}.atom.xml"
TAG_FEED_RSS = "feeds/tags/{slug}.rss.xml"
RSS_FEED_SUMMARY_ONLY = False
FEED_MAX_ITEMS = 20

# Search engines: sitemap.xml (theme/templates/sitemap.xml) and a robots.txt naming it.
DIRECT_TEMPLATES = [*development["DIRECT_TEMPLATES"], "sitemap"]
SITEMAP_SAVE_AS = "sitemap.xml"
TEMPLATE_EXTENSIONS = [".html", ".xml"]
ROBOTS_SAVE_AS = "robots.txt"
