"""Search shards: a big site's search index made in parts, one Pagefind run each.

Pagefind holds the index of every page it reads in memory until it writes
the bundle: about 185 KB a page, 1 GB at 5,000 posts. The preview indexes a
site of more pages than `PAGES_PER_INDEX` in shards of at most that many,
each of one language, one run after the other (so does the production build
if SEARCH_PAGES_PER_INDEX is set): the first in pagefind/, the others in
pagefind/shards/<n>/ (without the search box's own files). pagefind/shards.json
lists every bundle and its language; the search page takes those of its own
language, the first as its index, the others merged into its results
(Pagefind's `mergeIndex`). A shard lacking a searched word answers with the
words it begins with ("of" for "offer"): the production index is one bundle
unless the settings say otherwise, as is any smaller site's.
"""

from __future__ import annotations

import itertools
import json
import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from socratic_blog.api import link_or_copy

# The most pages one of the preview's Pagefind runs indexes: about 190 MB.
PAGES_PER_INDEX = 1000
# Inside the bundle: the other shards' folder, and the list the search page reads.
SHARDS = "shards"
SHARD_LIST = "shards.json"
# A page Pagefind indexes marks an element as its body (its text may not:
# in the text, `<` is escaped).
INDEXED = re.compile(
    rb"<[a-z](?:[^<>\"']|\"[^\"]*\"|'[^']*')*\sdata-pagefind-body[\s=/>]", re.IGNORECASE
)
# The page's language, as Pagefind reads it (a page without one: "unknown").
LANGUAGE = re.compile(rb"<html\s[^>]*?\blang=\"([^\"]*)\"", re.IGNORECASE)
# The search box's files, which only pagefind/ itself needs.
SEARCH_BOX = re.compile(r"pagefind-(ui|component-ui|modular-ui|highlight)\.(js|css)")
# Runs Pagefind over a folder into a bundle; returns an error line, or None.
Run = Callable[[Path, Path], "str | None"]


class Shard(NamedTuple):
    """One Pagefind run's bundle: its folder in pagefind/, language and pages."""

    path: str  # "" for pagefind/ itself
    language: str | None  # None: every language the site has
    pages: list[Path]


def indexed_pages(site: Path, left_out: str) -> dict[str, list[Path]]:
    """Map each language to the pages of `site` marked for the index, by path.

    Hidden folders (Pelican publishes none) and `left_out`, the index's own
    folder, are not walked.
    """
    found: dict[str, list[Path]] = {}
    for folder, folders, files in os.walk(site):
        top = folder == str(site)
        folders[:] = sorted(
            name
            for name in folders
            if not name.startswith(".") and not (top and name == left_out)
        )
        for name in sorted(files):
            if name.endswith(".html"):
                html = Path(folder, name).read_bytes()
                if b"data-pagefind-body" in html and INDEXED.search(html):
                    said = LANGUAGE.search(html)
                    language = said[1].decode().lower() if said else "unknown"
                    found.setdefault(language, []).append(
                        Path(folder, name).relative_to(site)
                    )
    return found


def shards_of(pages: list[Path], most: int) -> list[list[Path]]:
    """Split pages, in order, into as few shards of at most `most` as can be, even."""
    count = -(-len(pages) // most)
    size, more = divmod(len(pages), count)
    ends = list(
        itertools.accumulate((size + (n < more) for n in range(count)), initial=0)
    )
    return [pages[start:end] for start, end in itertools.pairwise(ends)]


def shards_for(languages: dict[str, list[Path]], most: int | None) -> list[Shard]:
    """Return the bundles to make: one within `most` pages (None: any), else shards."""
    if most is None or sum(map(len, languages.values())) <= most:
        return [Shard("", None, [])]
    shards: list[Shard] = []
    for language, pages in languages.items():
        for part in shards_of(pages, most):
            path = f"{SHARDS}/{len(shards) + 1}/" if shards else ""
            shards.append(Shard(path, language, part))
    return shards


def index_in_shards(
    site: Path, bundle: Path, run: Run, most: int | None, links: Path
) -> str | None:
    """Index `site` into `bundle`, in shards of at most `most` pages; return an error.

    Each shard's pages are linked, at their paths, into a folder in `links`
    (a folder being built, not the site), all before the first run.
    """
    # Unbounded, one run: no page need be read here, Pagefind reads them all.
    pages = indexed_pages(site, bundle.name) if most is not None else {}
    shards = shards_for(pages, most)
    if shards[0].language is None:
        error = run(site, bundle)
    else:
        folders = [links / f"shard-{n}" for n in range(1, len(shards) + 1)]
        try:
            for folder, shard in zip(folders, shards, strict=True):
                link_pages(site, shard.pages, folder)
            error = run_each(shards, folders, bundle, run)
        finally:
            for folder in folders:
                shutil.rmtree(folder, ignore_errors=True)
    if error is None:
        listed = [{"path": s.path, "language": s.language} for s in shards]
        (bundle / SHARD_LIST).write_text(json.dumps({"shards": listed}), "utf-8")
    return error


def link_pages(site: Path, pages: list[Path], folder: Path) -> None:
    """Link (or copy) pages at their paths into `folder`; a page gone is left out."""
    for page in pages:
        (folder / page).parent.mkdir(parents=True, exist_ok=True)
        try:
            link_or_copy(site / page, folder / page)
        except FileNotFoundError:  # a preview build swapped it out meanwhile
            continue


def run_each(shards: list[Shard], folders: list[Path], bundle: Path, run: Run):
    """Run Pagefind over each shard's folder in turn; return the first error."""
    for folder, shard in zip(folders, shards, strict=True):
        if error := run(folder, bundle / shard.path):
            return error
        if shard.path:  # the search box loads from pagefind/ alone
            for file in (bundle / shard.path).iterdir():
                if SEARCH_BOX.fullmatch(file.name):
                    file.unlink()
    return None
