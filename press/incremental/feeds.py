"""The reusing writer's feeds: reused from output/ when unchanged, else queued.

A feed whose entries, place and site fields hash to the key output/ holds is
linked from output/, as a page is. The others are queued with the pages and
written when the writer renders them (in forked workers when many): at 1,000
posts a production build writes about a hundred feeds of whole posts, which
one process would write in turn.
"""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

from pelican.utils import sanitised_join

from socratic_blog.api import release_output

from .render_keys import REACH, Unkeyable

# What a feed shows of the site besides its entries.
FEED_FIELDS = ("SITEURL", "FEED_DOMAIN", "SITENAME", "SITESUBTITLE")


class ReusingFeeds:
    """Feed writing for the reusing writer (a mixin before Pelican's Writer)."""

    def write_feed(  # noqa: PLR0913, PLR0917 - Pelican's signature
        self,
        elements,
        context,
        path=None,
        url=None,
        feed_type="atom",
        override_output=False,
        feed_title=None,
    ):
        """Reuse output/'s copy of a feed whose entries are unchanged, else queue it."""
        how = (elements, context, path, url, feed_type, override_output, feed_title)
        if not path or self.reuse is None:
            return super().write_feed(*how)
        key = self.feed_key(elements, context, (path, url, feed_type, feed_title))
        staged = Path(sanitised_join(self.output_path, path))
        if key is not None and self.reuse.share_if_recorded(staged, path, key):
            if self.claim(str(staged), override_output):
                self.reuse.reused += 1
                return None
            staged.unlink()
        if key is not None:
            self.reuse.keys[path] = key
        if self.claim(str(staged), override_output):  # rendered in the pages' turn
            self.pending.append(functools.partial(self.render_feed, how, staged))
        return None

    def render_feed(self, how: tuple, staged: Path) -> None:
        """Write one queued feed and put it in staging."""
        # Claimed when queued; Pelican's own check would refuse this write.
        release_output(self, str(staged))
        super().write_feed(*how)
        self.place(staged, how[2], staged.read_bytes())

    def feed_key(self, elements, context: dict, how: tuple) -> str | None:
        """Hash a feed's entries, its place and the site fields feeds read."""
        if not self.keying:
            return None
        shown = elements[: self.settings["FEED_MAX_ITEMS"]]
        tags = [tag for tag, _ in context.get("tags", ())]
        site = [context.get(name) for name in FEED_FIELDS]
        try:
            parts = [self.digests.text(v, REACH, 0) for v in (shown, tags, site, how)]
        except Unkeyable:
            return None
        text = "\n".join([self.reuse.base, *parts])
        return hashlib.sha256(text.encode()).hexdigest()
