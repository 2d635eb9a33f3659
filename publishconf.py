"""Production settings: the development ones plus what only the live site needs."""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pelicanconf import *  # noqa: F403

# The live address, without a trailing slash; CI passes the host's real one.
SITEURL = os.environ.get("SITEURL", "https://socraticdev.github.io/blog").rstrip("/")
RELATIVE_URLS = False

# Feeds carry whole posts, with every link and image absolute.
FEED_DOMAIN = SITEURL
FEED_ALL_ATOM = "feeds/all.atom.xml"
FEED_ALL_RSS = "feeds/all.rss.xml"
TAG_FEED_ATOM = "feeds/tags/{slug}.atom.xml"
TAG_FEED_RSS = "feeds/tags/{slug}.rss.xml"
RSS_FEED_SUMMARY_ONLY = False
FEED_MAX_ITEMS = None

# Search engines: sitemap.xml (theme/templates/sitemap.xml) and a robots.txt naming it.
DIRECT_TEMPLATES = [*DIRECT_TEMPLATES, "sitemap"]  # noqa: F405
SITEMAP_SAVE_AS = "sitemap.xml"
TEMPLATE_EXTENSIONS = [".html", ".xml"]
ROBOTS_SAVE_AS = "robots.txt"
