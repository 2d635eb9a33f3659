"""What a post or page is besides its text: every derived field, computed once.

Templates, feeds, social cards and JSON-LD read these fields and never derive
them again. They are computed at two moments, both here:

- while the reader reads the file (`measured_facts`), what needs the whole
  text, so that the content cache keeps it: `description` (the front matter's,
  else the summary's, else the first paragraph's text, at most 160 characters),
  `reading_time` (minutes, code blocks skipped) and `has_code` (whether a
  code block is shown: only then does the page load the copy button's script);
- when Pelican makes the post or page (`derive_facts`), the rest:
  `title` (the typeset title the reader escaped, as safe HTML), `plain_title`
  (the same title as text, for `<title>`, meta tags, JSON-LD, cards and share
  links), `last_changed` (`modified`, else `date`), `cover` (a `CoverImage`
  with its size, alt text and WebP copy, or None) and `social_image` (what
  link previews show: the cover, else a card), `shared_url` (the address the
  page names as its own in its canonical link, og:url and JSON-LD: the
  original's for a cross-posted guide, else its own).
"""

from __future__ import annotations

import re

from markupsafe import Markup

from socratic_blog.pictures.social_images import shared_image

from .reading_time import WORDS_PER_MINUTE, describe, plain_text, reading_minutes

# Every code block, fenced or indented, is Highlight's `<div class="… highlight">`.
CODE_BLOCK = re.compile(r'<div class="[^"]*\bhighlight\b')


def measured_facts(
    body: str,
    description: str | None,
    summary: str | None,
    words_per_minute: int | None = None,
) -> dict:
    """Return the description and reading time of a post's HTML `body`."""
    written = description or (plain_text(summary) if summary else None)
    return {
        "description": describe(written, body),
        "reading_time": reading_minutes(body, words_per_minute or WORDS_PER_MINUTE),
        "has_code": CODE_BLOCK.search(body) is not None,
    }


def derive_facts(content) -> None:
    """Give a post or page its derived fields, from the metadata the reader made."""
    content.title = Markup(content.title)
    content.plain_title = content.title.striptags()
    content.last_changed = getattr(content, "modified", None) or getattr(
        content, "date", None
    )
    content.cover = content.metadata.get("cover")
    content.social_image = shared_image(content)
    # Pelican formats the URL anew on each of the dozen times a build asks for
    # it; its own override attribute keeps the first answer.
    content.override_url = content.url
    content.shared_url = content.metadata.get("canonical") or (
        f"{content.settings['SITEURL']}/{content.url}"
    )
