"""`invoke bench`: this project, plain Pelican and Hugo on the same posts.

`measure` (the table), `peers` (plain Pelican and Hugo), `synthetic_posts`.

May import: `press.build`, `press.preview`, the standard library.
"""
