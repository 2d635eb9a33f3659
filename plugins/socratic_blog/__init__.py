"""socraticDev's Pelican plugin: YAML front matter, covers, callouts, checks."""

from .plugin import register

__all__ = ["register"]
