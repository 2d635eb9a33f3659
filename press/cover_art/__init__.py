"""The first post's cover, drawn with Pillow: run `python -m press.cover_art`."""
