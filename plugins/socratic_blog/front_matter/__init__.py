"""Front matter: the YAML block split from the body, every key a post may carry.

- `parse`: the `---` block split off, keys with their lines;
- `schema`: every key, its group and meaning, other generators' spellings too;
- `fields`: how each key is checked and turned into the blog's meaning;
- `values`: the value checks the fields share (text, dates, tags, flags, slugs).

May import: `socratic_blog.errors`, `socratic_blog.languages.declared` (which
languages a post may be in), `socratic_blog.site.redirects` (old
addresses are front matter), the standard library and PyYAML.
"""
