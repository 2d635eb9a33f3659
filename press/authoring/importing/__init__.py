"""Bring another generator's posts in: `invoke import PATH` (see importer.py).

- `importer`: the two passes (read every post, then write each) and `main`;
- `sources`, `old_site`, `permalinks`, `site_defaults`: the old site's posts,
  its settings, the address each post had there, the fields it gave them;
- `head`, `templates`, `shortcodes`, `addresses`, `images`, `pelican_header`:
  what changes in a post (front matter lines, templates, links, pictures);
- `paths`: the closed doors (links out of the old site, names too long);
- `findings`, `report`: what the import says, and the table it ends with.

May import: the plugin's door (`socratic_blog.api`), Pelican's settings and
slugify, PyYAML, the standard library.
"""
