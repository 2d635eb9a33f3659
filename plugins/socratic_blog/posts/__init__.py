"""A post (or page) as Pelican holds it: read, checked, and its derived facts.

`reader` (the only reader of posts and pages), `facts` (fields computed once),
`tags`, `reading_time`, `contents_table`, `typography`, `schedule` (posts
dated in the future wait), `related`, `source_lines` (the source line a
message points at), `raw_html` (files and site-root links in raw HTML).

May import: `front_matter`, `markdown`, `markup_runs`, `pictures.cover`, `guards`,
`site` (redirects), `languages.declared`, `errors`.
"""
