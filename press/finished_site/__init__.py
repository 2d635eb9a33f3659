"""A finished build's site: kept by the preview, saved on disk for the next build.

`fast_render` (an edited post's page rendered from a finished build's
generators), `saved` (those generators pickled beside the content cache),
`sources` (the posts a build read, by stamp and hash), `quick_build` (a fresh
`invoke build` after text edits: only the edited posts' pages, from the saved
site).

May import: `press.incremental`, the plugin's door, Pelican.
"""
