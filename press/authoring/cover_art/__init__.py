"""The first post's cover, drawn with Pillow: `python -m press.authoring.cover_art`."""
