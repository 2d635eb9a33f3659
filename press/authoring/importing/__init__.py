"""Bring another generator's posts in: `invoke import PATH` (see importer.py)."""
