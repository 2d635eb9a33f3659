"""Scheduled posts: a post dated in the future waits, as a draft, for its date."""

from __future__ import annotations

import datetime

from pelican.contents import Article

from socratic_blog.pelican_internals import drop_text


def hold_until_due(content) -> None:
    """Make a post whose date has not come a draft, marked as scheduled.

    Pelican does the same with WITH_FUTURE_DATES off, but only after the other
    handlers of this signal have run; they must see the post as a draft.
    """
    if not isinstance(content, Article) or content.settings["WITH_FUTURE_DATES"]:
        return
    date = getattr(content, "date", None)
    now = datetime.datetime.now(datetime.UTC if date and date.tzinfo else None)
    content.scheduled = date is not None and date > now
    if content.scheduled:
        content.status = "draft"
        if not content.save_as:
            # Not written by this build: then nothing it links to is published
            # either (Pelican copies every file a post's text links to).
            drop_text(content)
