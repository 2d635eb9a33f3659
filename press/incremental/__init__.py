"""Incremental builds: reuse what did not change, render only what did.

`run` (Pelican with the reusing writer and static files), `content_cache` (the
cache folder named by what shapes a post), `render_keys` (what a page's
templates can read, hashed), `reuse`, `writer`, `feeds`, `static_files`
(render only pages and feeds whose key changed, link the rest), and
`output_record` (what output/ holds).

May import: `press.output`, `press.workers`, the plugin's door, Pelican.
"""
