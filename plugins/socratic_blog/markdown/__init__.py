"""Python-Markdown extensions: what a post's Markdown becomes.

`commonmark` and `block_tree` (CommonMark block structure by markdown-it-py,
inline text by Python-Markdown), `callout` (the ```information fence),
`code_blocks` (the code fences: titles, marked lines, numbers, diffs) and
`code_fence_options` (what their headers may say),
`alerts`, `footnote_definitions`, `footnote_links`, `task_lists`,
`summary_marker` (`<!--more-->`), `heading_anchors`, `heading_levels`,
`keyboard_scroll`, `local_images`, `site_links`. `plugin.py` loads each by
importing it.

May import: `socratic_blog.errors`, `socratic_blog.posts.source_lines`,
`socratic_blog.guards`, Markdown and its extensions; never Pelican's
generators.
"""
