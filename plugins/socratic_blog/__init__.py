"""socraticDev's Pelican plugin: everything Pelican loads to turn content into a site.

Where each behaviour lives:

- a post's text, read: `front_matter` (YAML split, keys with their lines),
  `front_matter_schema` (every key a post may carry, other generators'
  spellings included), `field_readers` and `field_values` (each key checked),
  `reader` (the only reader of posts and pages), `post_facts` (derived fields,
  computed once), `cover`, `tags`, `reading`, `contents_table`, `typography`,
  `schedule` (posts dated in the future wait), `redirects` (old addresses),
  `errors` (`ContentError`), `markup_runs` (HTML split by a parser into text
  and markup, every byte kept), `source_lines` and `build_log` (where a message
  points, and that it shows on every build);
- Markdown: `commonmark` and `block_tree` (CommonMark block structure by
  markdown-it-py, inline text by Python-Markdown), `callout` (the
  ```information fence), `alerts`, `footnote_definitions`, `footnote_links`,
  `task_lists`, `summary_marker` (`<!--more-->`), `heading_anchors`,
  `heading_levels`, `keyboard_scroll`, `local_images`, `site_links`;
- the site around the posts: `site_context` (what every template reads),
  `feeds`, `robots`, `related`, `written`, `fingerprint` (hashed stylesheet
  names), `webp_covers`, `social_images` and `social_card` (shared images),
  `png_encoding` (the cards' PNG bytes), `cache_links` (cached files
  linked into the output), `palette` and `fonts` (drawing in
  the theme's colours);
- what is never published: `outside_links` (symbolic links out of content/),
  `intrasite_links` (`{static}` links out of it), `page_policy` (the
  Content-Security-Policy and raw HTML it blocks), `active_html` (raw HTML
  that would run or redirect, removed), `active_files` (files that would run,
  not published);
- `plugin`: the signal handlers and `register()`; `loaded_code`: the
  plugin's code hashed as it loads (the content cache's name).
"""

from . import loaded_code  # noqa: F401 - first: the code is hashed before it loads
from .plugin import register

__all__ = ["register"]
