"""Other generators' markup made this blog's Markdown: Liquid, shortcodes, fences."""
