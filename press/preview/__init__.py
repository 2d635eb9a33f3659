"""`invoke serve`: watch, fast-render saved posts, rebuild, reload the browser.

`serve` (the loop), `server` (tornado: fast-rendered pages first, the reload
socket), `client/` (the reload script and error overlay), `rebuilds` (builds
in processes forked warm; the last good one kept, to fast-render a saved
post's page: `press/finished_site/fast_render.py`), `source_watch` (inotify,
then stat).

May import: `press.build`, `press.finished_site`, `press.incremental`,
`press.output`, Pelican and tornado.
"""
