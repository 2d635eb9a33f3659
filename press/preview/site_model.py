"""The site model: the kept worker applies an edited post's changes to the whole site.

A fast render (press/finished_site/fast_render.py) shows a post's own page
when only its text changed. Any other edit of posts or pages (a title, tags,
a date, a slug, a cover, the draft flag, a new or deleted post) changes other
pages too: post lists, tags, neighbours, related posts, archives, pagination
and feeds. The
kept worker applies it in the process that built the site, warm: Pelican's
generators re-read only the changed sources (the others come from the
model's own content cache), the lists are derived again, and only the pages
whose render key changed are rendered; the others are linked from output/.
What differs from output/ is returned, for the preview to serve at once.

A template, a setting, the plugin or a picture changes what the content cache
and the render keys stand for: the model leaves those to the full build, which
runs after every edit and has the last word.
"""

from __future__ import annotations

import copy
import io
import shutil
import tempfile
import threading
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

from pelican.plugins import signals

from press import build
from press.finished_site.sources import walked
from press.incremental.output_record import WrittenRecord, record_path
from press.incremental.reuse import OutputReuse, holds
from press.output.search_index import BUNDLE
from press.output.staging import hold
from socratic_blog.api import forget_rendered

from .first_pages import ShownFirst
from .kept_posts import KeptPosts

# The sources the model applies: posts and pages, read by the Markdown reader.
SOURCE_SUFFIXES = (".md",)


class SiteModel:
    """The settings and content cache of the kept build, to apply edited sources."""

    def __init__(
        self,
        settings_file: Path,
        overrides: dict,
        drafts: bool,
        kept: KeptPosts | None = None,
    ):
        """Read the settings the kept build ran with; adopt the posts it `kept`."""
        # The cache is the next build's to check: it may be writing it now.
        self.settings, self.key = build.prepared(
            settings_file, overrides, drafts, check=False
        )
        self.content = Path(self.settings["PATH"]).resolve()
        self.output = Path(self.settings["OUTPUT_PATH"]).resolve()
        self.recorded = record_path(self.settings, self.output)
        self.cache = Path(self.settings["CACHE_PATH"])
        # Its own cache: the full builds write theirs meanwhile, in other processes.
        self.folder = Path(tempfile.mkdtemp(prefix="site-model-"))
        self.settings["CACHE_PATH"] = str(self.folder / "cache")
        self.kept = KeptPosts()
        if kept is not None:
            self.adopt(kept)

    def adopt(self, kept: KeptPosts) -> bool:
        """Take the posts the kept build read, if read with this model's settings."""
        kept.stop_recording()  # the model's builds serve them from now on
        settings = kept.settings or {}
        cache = Path(settings.get("CACHE_PATH") or "")
        if not (settings.get("CACHE_CONTENT") and cache.name == self.key):
            return False
        self.kept = kept
        return True

    def copy_cache(self) -> None:
        """Copy the kept build's content cache, to read every post from (once)."""
        own = Path(self.settings["CACHE_PATH"])
        if self.settings["CACHE_CONTENT"] and self.cache.is_dir() and not own.exists():
            shutil.copytree(self.cache, own)

    def applies(self, sources: list[str]) -> bool:
        """Tell whether every source is a post or page the model can apply."""
        return bool(sources) and all(
            Path(source).suffix in SOURCE_SUFFIXES
            and Path(source).resolve().is_relative_to(self.content)
            for source in sources
        )

    def apply(self, sources: list[str], send=None) -> dict[str, bytes | None] | None:
        """Return {output path: bytes, or None if gone} after these edits, or None.

        `send(pages)`, if given, is sent the pages showing the edited posts
        first (first_pages.py).
        """
        if not self.applies(sources):
            return None
        forget_rendered()  # the last apply's site: kept alive by Pelican's memos
        staging = Path(
            tempfile.mkdtemp(prefix=f".{self.output.name}.", dir=self.output.parent)
        )
        first = ShownFirst(sources, staging, self.output, send) if send else None
        try:
            with hold(staging):
                reuse = OutputReuse(
                    self.output, WrittenRecord.load(self.recorded), self.key
                )
                reuse.remembered = self.kept.fields
                reuse.unlinked = set()  # pages kept need no link: only news count
                reuse.first = first
                if build_with_posts(
                    staging, self.build_settings(), reuse, self.kept, sources
                ):
                    return None  # the full build reports the errors
                return differences(staging, self.output, reuse.unlinked)
        finally:
            # Removed while the preview serves what changed.
            threading.Thread(
                target=shutil.rmtree, args=(staging, True), daemon=True
            ).start()

    def build_settings(self) -> dict:
        """Return one apply's settings: posts from the kept ones, or from the cache."""
        # Pelican and the plugin add to the settings they are given.
        settings = copy.deepcopy(self.settings)
        if self.kept.posts:
            # Unchanged posts come from memory: the cache would be loaded for nothing,
            # and Pelican's stamp of each file (a hash by default) read for nothing.
            settings.update(
                CACHE_CONTENT=False,
                LOAD_CONTENT_CACHE=False,
                CHECK_MODIFIED_METHOD="mtime",
            )
        else:
            self.copy_cache()
        return settings

    def close(self) -> None:
        """Remove the model's content cache."""
        shutil.rmtree(self.folder, ignore_errors=True)


def build_with_posts(
    staging: Path, settings: dict, reuse: OutputReuse, kept: KeptPosts, edited: list
) -> list[str]:
    """Build into `staging`, unchanged sources served from `kept`; return the errors."""
    kept.serve(edited)
    signals.generator_init.connect(kept.watch)
    try:
        # The search index is the preview's, refreshed after the full build.
        return build.build_into(staging, settings, reuse, search=False)
    finally:
        signals.generator_init.disconnect(kept.watch)
        kept.stop_serving()


def differences(new: Path, old: Path, kept: set[str]) -> dict[str, bytes | None]:
    """Map `new`'s files that are not `old`'s to their bytes, `old`'s others to None.

    A file linked from `old` (the same inode) or with the same bytes is not
    new; `kept` names `old`'s files the build kept without linking them. The
    search index is left out: the model makes none.
    """
    fresh, live = files_under(new), files_under(old, left_out=BUNDLE)
    found: dict[str, bytes | None] = {}
    for name, inode in fresh.items():
        if live.get(name) == inode:
            continue
        data = (new / name).read_bytes()
        if name not in live or not holds(old / name, data):
            found[name] = data
    for name in live.keys() - fresh.keys() - kept:
        found[name] = None
    return found


def files_under(root: Path, left_out: str | None = None) -> dict[str, int]:
    """Map each file under `root` (its relative POSIX path) to its inode.

    The folder `left_out`, right under `root`, is not walked.
    """
    return {name: entry.inode() for name, entry in walked(root, left_out)}


def applied(
    model: SiteModel, sources: list[str], send=None
) -> dict[str, bytes | None] | None:
    """Apply the edited sources to the kept site; None leaves them to the full build.

    `send(pages)`, if given, is sent the pages showing the edited posts first.
    """
    # The build's log tells the model of errors: it is silenced, not disabled.
    silenced = io.StringIO()
    try:
        with redirect_stdout(silenced), redirect_stderr(silenced):
            return model.apply(sources, send)
    except Exception:  # the full build reports what went wrong
        return None
