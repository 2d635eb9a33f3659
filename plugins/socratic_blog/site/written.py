"""The pages a build writes: posts and pages, and the site's list pages.

Pelican's generators keep their content in list attributes whose names differ
by generator (`articles`, `drafts`, `hidden_pages`, `draft_translations`, ...).
Rather than keep a list of those names, which misses any it forgets, this
reads every list a generator holds and keeps the posts and pages in it; an
empty `save_as` marks the ones the build does not write (translations and
drafts the settings give no page).
"""

from __future__ import annotations

from pelican.contents import Article, Page

# Where a generator remembers which of its posts get a file (by id, with the post).
WRITTEN = "socratic_blog_written"


def contents(generator) -> list:
    """Return every post and page a generator holds, once each, in its order."""
    found: dict[int, Article | Page] = {}
    for value in vars(generator).values():
        if isinstance(value, list):
            for item in value:
                if isinstance(item, Article | Page):
                    found.setdefault(id(item), item)
    return list(found.values())


def written_content(generators) -> list:
    """Return every post and page that gets its own HTML file, once each.

    Called by handlers once the generator has its posts (their addresses
    settled), by several each build: each post's address is formatted once,
    remembered on the generator with the post.
    """
    written: dict[int, Article | Page] = {}
    for generator in generators:
        known = vars(generator).setdefault(WRITTEN, {})
        for content in contents(generator):
            found = known.get(id(content))
            if found is None or found[0] is not content:
                found = known[id(content)] = (content, bool(content.save_as))
            if found[1]:
                written.setdefault(id(content), content)
    return list(written.values())


def list_pages(settings: dict) -> dict[str, str]:
    """Return where each of the site's list pages (home, tags, archives…) goes."""
    return {
        settings.get(f"{template.upper()}_SAVE_AS", f"{template}.html"): template
        for template in settings["DIRECT_TEMPLATES"]
    }
