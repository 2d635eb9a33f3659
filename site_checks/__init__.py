"""Checks of a built site as a host serves it, for the tests, verify and the audit.

- `nginx` (and `nginx.conf`): a static host on 127.0.0.1 under a path prefix;
  `served`: a production build served by it, with no change to the environment;
- `crawl` and `links`: LinkChecker over the served site, content types, 404s
  (`invoke verify`);
- `browser`: Debian's Chromium through Playwright, axe-core, layout checks;
  `validator`: the Nu HTML checker; `lighthouse`, `weight`, `pages` and
  `audit`: `invoke audit`'s reports;
- `tools`: the pinned npm tools and the CommonMark spec, fetched into `.tools/`;
  `install`: the Debian packages and npm tools the tests and the audit need.
"""
