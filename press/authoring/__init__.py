"""The author's verbs that write content: a new post, an import, the cover art.

`new_post` (`invoke new`), `importing/` (`invoke import`: Jekyll, Hugo,
Pelican), `cover_art/` (draws the first post's cover).

May import: the plugin's door (`socratic_blog.api`).
"""
