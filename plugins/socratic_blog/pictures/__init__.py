"""Pictures the build makes or publishes: covers, WebP copies, social cards.

`cover` (the post's cover, checked and published), `webp_covers`,
`social_images` and `social_card` (each page's shared image), `png_encoding`,
`palette` and `fonts` (drawing in the theme's colours), `cached_files` (made
once by name, then hard-linked into the output by `files.link_or_copy`).

May import: `errors`, `files`, `posts.source_lines`, `site.written`,
`languages.declared`, Pillow.
"""
