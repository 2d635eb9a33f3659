"""The posts and pages a build writes out, for handlers that add files beside them."""

from __future__ import annotations

# The lists of content the article and page generators keep (both name their
# translations the same way); drafts count only where the settings give them a
# page (the preview), which `save_as` tells.
KINDS = (
    "articles",
    "hidden_articles",
    "drafts",
    "pages",
    "hidden_pages",
    "draft_pages",
    "translations",
    "hidden_translations",
    "drafts_translations",
)


def written_content(generators) -> list:
    """Return every article and page that gets its own HTML file, once each."""
    seen, written = set(), []
    for generator in generators:
        for kind in KINDS:
            for content in getattr(generator, kind, ()):
                if content.save_as and id(content) not in seen:
                    seen.add(id(content))
                    written.append(content)
    return written
