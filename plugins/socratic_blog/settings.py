"""Every setting the plugin adds to Pelican's, with its default when a site omits it.

Code reads a setting as `settings.get("NAME", defaults.NAME)`
(`from socratic_blog import settings as defaults`), so each default is written
here once. pelicanconf.py and publishconf.py set what the real site uses.
"""

from __future__ import annotations

# Draw a social card for each post and page without a cover (off: they share
# the site's card, as the preview does, which nobody shares).
SOCIAL_CARDS = True
# Where drawn cards are kept by what they show; None: .cache/social-cards
# beside the content folder.
SOCIAL_CARDS_CACHE = None
# Where the covers' WebP copies are kept by the cover's bytes; None:
# .cache/webp-covers beside the content folder.
WEBP_COVERS_CACHE = None
# How many related guides a post lists (those sharing the most tags).
RELATED_POSTS_MAX = 3
# Hosts whose pages a post may embed in an <iframe> (the policy's frame-src).
EMBED_HOSTS: tuple[str, ...] = ()
# Where robots.txt is written; None: no robots.txt (production writes one).
ROBOTS_SAVE_AS = None
