"""The site around the posts: feeds, old addresses, robots, templates' values.

`feeds`, `redirects` (old addresses), `claimed_addresses` (the files a
build writes, which an old address may not take), `robots`, `stylesheet_hash`
(hashed stylesheet names), `context` (what every template reads), `written`
(the posts and pages a build writes), `authors` (author pages, every author in
the feeds).

May import: `errors`, `build_log`, `markup_runs`, `front_matter.values`,
`pictures.palette`, `languages.declared`.
"""
