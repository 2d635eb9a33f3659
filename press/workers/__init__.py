"""Forked workers, one per core: read, render, draw cards and encode WebP ahead.

`pool` (the pools, which always stop, and `fork_map`, which hands the
workers what they share by forking), `read_ahead`, `render`, `cards`, `webp`.

May import: the plugin's door and Pelican; never `press.preview`.
"""
