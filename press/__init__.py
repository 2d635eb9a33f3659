"""The author's tools around Pelican: build, preview, new posts, import, benchmarks.

- `build`: read the settings, build into a staging folder, report content
  mistakes in one line each, swap the result in;
- `output/`: the staging folder, the swap, the search index;
- `incremental/`: the content cache and render keys; reuse unchanged pages;
- `workers/`: read, render, draw cards and encode WebP covers on every core;
- `preview/`: `invoke serve`;
- `authoring/`: `invoke new`, `invoke import`, the cover art;
- `bench/`: `invoke bench` against plain Pelican and Hugo.

Layers run one way: `site_checks` → `press` → the plugin, and `press` reads
the plugin only through its door, `socratic_blog.api`.
"""
