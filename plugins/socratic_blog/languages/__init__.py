"""A site in several languages: posts paired with their translations, and lists.

`declared` (the LANGUAGES setting read), `twins` (which posts translate
which, and the mistakes in that), `catalogue` (the theme's strings and dates
in a page's language, from gettext .po files through Babel), `lists` (the
home, tags, archives, search and feeds of each other language, under /<lang>/),
`alternates` (a page's translations: hreflang, the switcher, the sitemap),
`post_words` (callout titles and link names in a post's language).

May import: `errors`, `build_log`, `posts` (related), `site` (context),
`pictures.social_images` (each language's site card).
"""
