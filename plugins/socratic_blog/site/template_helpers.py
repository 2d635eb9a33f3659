"""What each template helper of the plugin reads of posts other than the page's own.

A page's render key counts a listed or named post by the fields the templates
read of it (press/incremental/template_reads.py). Templates are read from
their syntax; a helper is Python, so it says here what it reads. A helper
missing here makes every page that calls it count posts in full.
"""

from __future__ import annotations

READS_NOTHING: frozenset[str] = frozenset()

TEMPLATE_HELPERS: dict[str, frozenset[str]] = {
    # languages/catalogue.py: the page's language comes from its own post.
    "_": READS_NOTHING,
    "gettext": READS_NOTHING,
    "ngettext": READS_NOTHING,
    "local_date": READS_NOTHING,
    "in_language": READS_NOTHING,
    "site_subtitle": READS_NOTHING,
    # languages/alternates.py: the addresses of the own post's twins and original.
    "page_language": READS_NOTHING,
    "page_twins": frozenset({"url"}),
    "x_default": frozenset({"url"}),
    # site/context.py and site/stylesheet_hash.py: addresses of files.
    "canonical_url": READS_NOTHING,
    "fingerprint": READS_NOTHING,
}
