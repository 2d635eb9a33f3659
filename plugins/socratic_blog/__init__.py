"""socraticDev's Pelican plugin: everything Pelican loads to turn content into a site.

Folders by job: `front_matter/` (the YAML block and every key a post may
carry), `markdown/` (the Python-Markdown extensions), `posts/` (the reader and
each post's facts), `pictures/` (covers, WebP copies, social cards), `site/`
(feeds, old addresses, robots, templates' values), `guards/` (what is never
published). `plugin.py` connects the signal handlers; `errors.py` holds
`ContentError`; `api.py` is the one door the tools (`press`) use;
`settings.py` holds every plugin setting's default; `markup_runs.py` splits
HTML by a parser into text and markup, every byte kept; `files.py` writes files
whole, hard-links them and hashes folders; `pelican_internals.py` is the only
module that touches Pelican's private names (pinned by a test);
`loaded_code.py` hashes the plugin's code as it loads (the content cache's
name). The plugin imports neither `press` nor `site_checks`.
"""

from . import loaded_code  # noqa: F401 - first: the code is hashed before it loads
from .plugin import register

__all__ = ["register"]
