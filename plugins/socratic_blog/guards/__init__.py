"""What is never published: links out of content/, and raw HTML the CSP blocks.

`symlinks` (symbolic links leading out of content/ stop the build),
`intrasite_links` (`{static}` links that climb out of it), `page_policy` (the
Content-Security-Policy, and warnings for raw HTML it blocks).

May import: `errors`, `build_log`, `pelican_internals`, `settings`,
`posts.source_lines`.
"""
