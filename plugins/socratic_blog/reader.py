"""Pelican reader for Markdown posts that start with YAML front matter."""

from __future__ import annotations

import html
from pathlib import Path
from zoneinfo import ZoneInfo

from markdown import Markdown
from pelican.readers import BaseReader
from pelican.urlwrappers import Author, Category
from pelican.utils import SafeDatetime, slugify

from . import front_matter as fm
from .contents_table import table_of_contents
from .cover import find_cover
from .errors import ContentError
from .local_images import check_local_images
from .post_facts import measured_facts
from .tags import make_tag
from .typography import typesetter

TEXT_FIELDS = ("author", "description", "image", "image_alt", "summary", "title")


class FrontMatterReader(BaseReader):
    """Read `---` YAML `---` then Markdown, failing loudly on bad input."""

    enabled = True
    file_extensions = ("md", "markdown")

    def __init__(self, settings):
        """Build one Markdown converter, reused for every file."""
        super().__init__(settings)
        self._markdown = Markdown(**settings["MARKDOWN"])
        # The site's one typography path: body, title, summary, contents.
        self.typeset = typesetter(settings)

    def read(self, source_path):
        """Return the post's HTML and its Pelican metadata (with its contents)."""
        path = Path(source_path)
        text = fm.decode(path.read_bytes(), path)
        matter = fm.parse(text, path)
        metadata = self.metadata(matter, path)
        content = self.render(matter.body)
        self.summarise(metadata)
        check_local_images(
            getattr(self._markdown, "local_images", []),
            path,
            Path(self.settings["PATH"]),
        )
        metadata.update(
            measured_facts(
                content, metadata.get("description"), metadata.get("summary")
            )
        )
        tokens = getattr(self._markdown, "toc_tokens", [])
        metadata["toc"] = table_of_contents(tokens, self.typeset)
        return content, metadata

    def summarise(self, metadata: dict) -> None:
        """Take the summary from above `<!--more-->` when the front matter has none."""
        summary = getattr(self._markdown, "summary", None)
        if summary and "summary" not in metadata:
            metadata["summary"] = self.typeset(summary)

    def render(self, markdown_text: str) -> str:
        """Convert Markdown to HTML with the site's extensions and typography."""
        return self.typeset(self._markdown.reset().convert(markdown_text))

    def metadata(self, matter: fm.FrontMatter, path: Path) -> dict:
        """Check every field and turn it into what Pelican expects."""
        values = dict(matter.fields)
        for key in TEXT_FIELDS:
            if key in values:
                values[key] = fm.to_text(values[key], key, path, matter.line_of(key))
        if not values.get("title"):
            raise ContentError(
                path, "the front matter has no title", "add 'title: \"...\"'", 1
            )
        title = values.pop("title")
        meta = {"title": self.typeset(html.escape(title, quote=False))}
        meta.update(self.dates(values, matter, path))
        meta["slug"] = self.slug(values.pop("slug", None), matter, path)
        line = matter.line_of("tags")
        # A tag written twice is one tag: the post is listed under it once.
        names = dict.fromkeys(fm.to_tags(values.pop("tags", None), path, line))
        meta["tags"] = [make_tag(name, self.settings, path, line) for name in names]
        meta["category"] = Category(self.settings["DEFAULT_CATEGORY"], self.settings)
        if author := values.pop("author", None):
            meta["author"] = Author(author, self.settings)
        if summary := values.pop("summary", None):
            meta["summary"] = self.render(summary)
        if "draft" in values:
            draft = fm.to_flag(
                values.pop("draft"), "draft", path, matter.line_of("draft")
            )
            meta["status"] = self.draft_status(path) if draft else "published"
        if image := values.pop("image", None):
            meta["cover"] = find_cover(
                image,
                values.pop("image_alt", None) or title,
                path,
                Path(self.settings["PATH"]),
                matter.line_of("image"),
            )
        meta.update(values)
        return meta

    def dates(self, values: dict, matter: fm.FrontMatter, path: Path) -> dict:
        """Check `date` (required for posts) and `modified`."""
        dates = {}
        for key in ("date", "modified"):
            if values.get(key) is not None:
                value = fm.to_datetime(values.pop(key), key, path, matter.line_of(key))
                dates[key] = SafeDatetime.fromisoformat(value.isoformat())
        if "date" not in dates and not self.is_page(path):
            raise ContentError(
                path, "the front matter has no date", "add 'date: YYYY-MM-DD'", 1
            )
        if "modified" in dates and "date" in dates and self.earlier(**dates):
            raise ContentError(
                path,
                f"modified (line {matter.line_of('modified')}) is earlier than"
                f" date (line {matter.line_of('date')})",
                "set 'modified:' to the day of the last change, on or after 'date:'",
                matter.line_of("modified"),
            )
        return dates

    def earlier(self, date, modified) -> bool:
        """Tell whether `modified` comes before `date` (naive ones in TIMEZONE)."""
        zone = ZoneInfo(self.settings["TIMEZONE"])
        date, modified = (
            d if d.tzinfo else d.replace(tzinfo=zone) for d in (date, modified)
        )
        return modified < date

    def slug(self, value, matter: fm.FrontMatter, path: Path) -> str:
        """Use the front matter slug, else the post's folder (or file) name."""
        if value is not None:
            return fm.to_slug(value, path, matter.line_of("slug"))
        name = path.parent.name if path.stem == "index" else path.stem
        return slugify(
            name, regex_subs=self.settings.get("SLUG_REGEX_SUBSTITUTIONS", [])
        )

    def draft_status(self, path: Path) -> str:
        """Say "draft" when the settings give drafts a page, else "skip".

        A skipped draft is not content at all: no page, no tag, and none of the
        files it links to (its cover, its pictures) is published.
        """
        setting = "DRAFT_PAGE_SAVE_AS" if self.is_page(path) else "DRAFT_SAVE_AS"
        return "draft" if self.settings.get(setting) else "skip"

    def is_page(self, path: Path) -> bool:
        """Tell whether `path` lies under one of the PAGE_PATHS."""
        root = Path(self.settings["PATH"]).resolve()
        return any(
            path.resolve().is_relative_to(root / folder)
            for folder in self.settings["PAGE_PATHS"]
        )
