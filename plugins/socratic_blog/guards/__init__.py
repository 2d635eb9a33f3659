"""What is never published: links out of content/, and raw HTML the CSP blocks.

`symlinks` (symbolic links leading out of content/ stop the build),
`intrasite_links` (`{static}` links that climb out of it), `page_policy` (the
Content-Security-Policy, and warnings for raw HTML it blocks), `active_html`
(raw HTML in a post that would run or redirect: removed), `active_files`
(files under content/ that would run: not published unless listed).

May import: `errors`, `build_log`, `markup_runs`, `pelican_internals`,
`settings`, `posts.source_lines`.
"""
