"""The author's tools around Pelican: build, preview, new posts, benchmarks.

- `build`: read the settings, build into a staging folder, report content
  mistakes in one line each, swap the result in (`staging`, `swap`), keep
  the content cache fresh (`content_cache`), index the search (`search_index`);
  read, render, draw cards and encode WebP covers on every core
  (`incremental`, `parallel_*`, `worker_pool`);
- `preview`: `invoke serve`, fast-renders saved posts, rebuilds in a warm worker
  (`preview_worker`, `fast_render`) and reloads the browser;
- `new_post`: `invoke new`, a draft's folder and front matter;
- `bench` and `synthetic_posts`: `invoke bench` against plain Pelican;
- `setup`: the Debian packages and npm tools the tests and the audit need;
- `cover_art`: draws the first post's cover (`python -m press.cover_art`).
"""
