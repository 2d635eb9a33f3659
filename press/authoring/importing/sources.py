"""Find the posts of a Jekyll, Hugo or Pelican folder, and what each is called."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from pathlib import Path

from socratic_blog.api import display_path

from .paths import leads_out, where_it_leads

MARKDOWN = (".md", ".markdown", ".mdown")
# Jekyll names a post after its day: _posts/2014-03-09-title.md (or 2019-12-3-x).
DATED_NAME = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})-(.+)$")
# Hugo's list pages (section front matter), not posts.
LIST_PAGE = "_index"
BUNDLE = "index"
PAGES = "pages"


@dataclass(frozen=True)
class Source:
    """One post to import: its file, its name and the day its file name gives."""

    file: Path
    name: str
    day: datetime.date | None

    @property
    def bundle(self) -> bool:
        """Tell whether the post is a Hugo page bundle (`name/index.md`)."""
        return self.file.stem == BUNDLE


def named(file: Path) -> tuple[str, datetime.date | None]:
    """Return a post's name and the day its file name carries, if any."""
    stem = file.parent.name if file.stem == BUNDLE else file.stem
    if match := DATED_NAME.match(stem):
        year, month, day, name = match.groups()
        try:
            return name, datetime.date(int(year), int(month), int(day))
        except ValueError:
            return stem, None
    return stem, None


def find_posts(folder: Path, top: Path) -> tuple[list[Source], list[Path], list[str]]:
    """Return the posts under `folder`, the Pelican pages left out, and refusals.

    A post that is a symbolic link leading out of the old site (`top`), or
    to nothing, is refused and named; it is never read.
    """
    posts, pages, refused = [], [], []
    for file in sorted(folder.rglob("*")):
        if file.suffix.lower() not in MARKDOWN or file.is_dir():
            continue
        if leads_out(file, top) or not file.is_file():
            refused.append(
                f"{display_path(file)}: a link to {where_it_leads(file)}, outside"
                " the old site or to nothing; it was not imported"
            )
            continue
        if file.stem == LIST_PAGE:
            continue
        if PAGES in file.relative_to(folder).parts[:-1]:
            pages.append(file)
            continue
        name, day = named(file)
        posts.append(Source(file, name, day))
    return posts, pages, refused
