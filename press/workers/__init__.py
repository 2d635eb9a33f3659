"""Forked workers, one per core: read, render, draw cards and encode WebP ahead.

`pool` (the pools, which always stop), `read_ahead`, `render`, `cards`, `webp`.

May import: the plugin's door and Pelican; never `press.preview`.
"""
