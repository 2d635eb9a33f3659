"""The files a build writes, and whether an old address may take one more.

A redirect page may not take a file the site writes, nor one that differs
from it only in case (a case-insensitive disk, macOS's or Windows', would
write one over the other), nor put a folder where the site writes a file or a
file where it needs a folder. The old addresses of posts that failed to read
are checked too, so one build names every address mistake.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

from socratic_blog.errors import display_path
from socratic_blog.languages.declared import declared

from .written import list_pages, written_content

PAGINATED = re.compile(r"(^|/)page/\d+/index\.html$")


def taken_paths(generators) -> dict[str, str]:
    """Return every file the build writes, with what writes it."""
    settings = generators[0].settings
    taken = {}
    context = generators[0].context
    for code in context.get("posts_by_language", {}):
        prefix = declared(settings)[code].prefix
        for name, template in list_pages(settings).items():
            taken[prefix + name] = f"the address of the site's {template} page"
    for listed in context.get("language_lists", {}).values():
        for tag, _ in listed.tags:
            taken[tag.save_as] = f"the address of the tag page of '{tag}'"
    for name, template in list_pages(settings).items():
        taken[name] = f"the address of the site's {template} page"
    for generator in generators:
        for tag in getattr(generator, "tags", {}) or {}:
            taken[tag.save_as] = f"the address of the tag page of '{tag}'"
        for static in getattr(generator, "staticfiles", []):
            taken[static.save_as] = f"the address of {display_path(static.source_path)}"
    for content in written_content(generators):
        taken[content.save_as] = f"the address of {display_path(content.source_path)}"
    return taken


class ClaimedAddresses:
    """The files a build writes, by their case-folded paths, and their folders."""

    def __init__(self, taken: dict[str, str]):
        """Index the files the site writes, and the folders they sit in."""
        self.files: dict[str, tuple[str, str]] = {}
        self.folders: dict[str, str] = {}
        for save_as, owner in taken.items():
            self.claim(save_as, owner)

    def claim(self, save_as: str, owner: str) -> None:
        """Record that `owner` writes `save_as`."""
        self.files.setdefault(save_as.casefold(), (save_as, owner))
        for folder in PurePosixPath(save_as).parents:
            if folder.name:
                self.folders.setdefault(folder.as_posix().casefold(), owner)

    def conflict(self, save_as: str) -> str | None:
        """Say why a redirect page may not be written at `save_as`, if it may not."""
        if found := self.files.get(save_as.casefold()):
            path, owner = found
            if path == save_as:
                return f"is {owner}"
            return f"differs only in case from {owner.removeprefix('already ')}"
        if PAGINATED.search(save_as.casefold()):
            return "is the address of the site's list pages"
        if owner := self.folders.get(save_as.casefold()):
            return f"is a folder holding {owner}"
        for folder in PurePosixPath(save_as).parents:
            if found := self.files.get(folder.as_posix().casefold()):
                return f"would put a folder at {found[1]}"
        return None


def failed_posts(generators) -> list[tuple[Path, list]]:
    """Return the posts and pages that failed to read, with their old addresses.

    Their mistakes are reported already; their old addresses are read again
    (from the front matter alone) so that a clash is named in the same build.
    """
    found = []
    for generator in generators:
        readers = getattr(generator, "readers", None)
        failed = generator.context.get("generated_content", {})
        for relative in sorted(
            path for path, content in failed.items() if content is None
        ):
            path = Path(generator.path) / relative
            reader = readers and readers.readers.get(path.suffix.lstrip("."))
            if hasattr(reader, "old_addresses") and path.is_file():
                found.append((path, reader.old_addresses(path)))
    return list(dict(found).items())
