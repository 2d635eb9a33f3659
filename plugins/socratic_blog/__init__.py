"""socraticDev's Pelican plugin: everything Pelican loads to turn content into a site.

Where each behaviour lives:

- a post's text, read: `front_matter` (YAML split, field checks with lines),
  `reader` (the only reader of posts and pages), `post_facts` (derived fields,
  computed once), `cover`, `tags`, `reading`, `contents_table`, `typography`,
  `schedule` (posts dated in the future wait), `errors` (`ContentError`);
- Markdown: `commonmark` and `block_tree` (CommonMark block structure by
  markdown-it-py, inline text by Python-Markdown), `callout` (the
  ```information fence), `alerts`, `footnote_definitions`, `footnote_links`,
  `task_lists`, `summary_marker` (`<!--more-->`), `heading_anchors`,
  `heading_levels`, `keyboard_scroll`, `local_images`;
- the site around the posts: `site_context` (what every template reads),
  `feeds`, `robots`, `related`, `written`, `fingerprint` (hashed stylesheet
  names), `webp_covers`, `social_images` and `social_card` (shared images),
  `palette` and `fonts` (drawing in the theme's colours);
- what is never published: `outside_links` (links out of content/),
  `page_policy` (the Content-Security-Policy and raw HTML it blocks);
- `plugin`: the signal handlers and `register()`.
"""

from .plugin import register

__all__ = ["register"]
