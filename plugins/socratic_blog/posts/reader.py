"""Pelican reader for Markdown posts that start with YAML front matter."""

from __future__ import annotations

import functools
import html
from pathlib import Path
from zoneinfo import ZoneInfo

from markdown import Markdown
from pelican.readers import BaseReader
from pelican.urlwrappers import Author, Category
from pelican.utils import slugify

from socratic_blog.errors import ContentError, raise_all
from socratic_blog.front_matter import parse as fm
from socratic_blog.front_matter import schema
from socratic_blog.guards.active_html import removal_warnings, remove_active_html
from socratic_blog.guards.intrasite_links import links_leaving_content
from socratic_blog.languages.declared import declared, file_language, post_language
from socratic_blog.markdown.local_images import (
    local_image_problems,
    unnamed_image_warnings,
)
from socratic_blog.pictures.body_pictures import lay_out_pictures
from socratic_blog.pictures.cover import find_cover
from socratic_blog.site import redirects

from . import raw_html
from .contents_table import table_of_contents
from .dates import post_dates
from .facts import measured_facts
from .source_lines import fence_line
from .tags import make_tag
from .typography import typesetter


def fence_errors(fences: list[tuple[str, list]], path: Path) -> list[ContentError]:
    """Turn the mistakes of fence headers into errors on the fences' lines."""
    errors, seen = [], {}
    for info, problems in fences:
        seen[info] = seen.get(info, 0) + 1
        line = fence_line(path, info, seen[info])
        errors.extend(ContentError(path, *problem, line) for problem in problems)
    return errors


class FrontMatterReader(BaseReader):
    """Read `---` YAML `---` then Markdown, failing loudly on bad input."""

    enabled = True
    file_extensions = ("md", "markdown")

    def __init__(self, settings):
        """Set up the typography; the Markdown converter waits for the first file."""
        super().__init__(settings)
        # The site's one typography path: body, title, summary, contents.
        self.typeset = typesetter(settings)
        # What `inert` removed from the post being read, for its warnings.
        self.removed: list = []

    @functools.cached_property
    def markdown(self) -> Markdown:
        """Build one Markdown converter on the first file, reused for every file."""
        return Markdown(**self.settings["MARKDOWN"])

    def read(self, source_path):
        """Return the post's HTML and its Pelican metadata (with its contents)."""
        path = Path(source_path)
        text = fm.decode(path.read_bytes(), path)
        matter = fm.parse(text, path)
        errors: list[ContentError] = []
        self.removed = []
        metadata = self.metadata(matter, path, errors)
        html = self.inert(self.markdown.reset().convert(matter.body))
        content, raw = raw_html.publish(html, path, self.settings)
        content = self.typeset(content)
        images = getattr(self.markdown, "local_images", [])
        unnamed = list(getattr(self.markdown, "unnamed_images", []))
        errors.extend(local_image_problems(images, path, Path(self.settings["PATH"])))
        errors.extend(fence_errors(getattr(self.markdown, "fence_problems", []), path))
        errors.extend(raw_html.problems(raw.paths, path, self.settings))
        reported = {*images, *raw.paths}
        errors.extend(links_leaving_content(content, path, self.settings, reported))
        metadata["srcset_files"] = raw.srcset_files
        raise_all(errors)
        content, metadata["pictures"] = lay_out_pictures(
            content, path, self.settings, cover_shown="cover" in metadata
        )
        self.summarise(metadata)
        code = metadata.get("lang") or self.settings["DEFAULT_LANG"]
        language = declared(self.settings).get(code)
        metadata.update(
            measured_facts(
                content,
                metadata.get("description"),
                metadata.get("summary"),
                language.words_per_minute if language else None,
            )
        )
        tokens = getattr(self.markdown, "toc_tokens", [])
        metadata["toc"] = table_of_contents(tokens, self.typeset)
        # Kept with what the cache holds, so a warm build warns again.
        metadata["body_warnings"] = [
            *removal_warnings(self.removed, path),
            *unnamed_image_warnings(unnamed, path),
        ]
        return content, metadata

    def old_addresses(self, source_path) -> list[redirects.OldAddress]:
        """Return the old addresses a post's front matter names, mistakes aside.

        For a post that failed to read: its mistakes are reported already, and
        its old addresses are still checked against the site's.
        """
        path = Path(source_path)
        try:
            matter = fm.parse(fm.decode(path.read_bytes(), path), path)
        except ContentError:
            return []
        return self.metadata(matter, path, [])["old_addresses"]

    def summarise(self, metadata: dict) -> None:
        """Take the summary from above `<!--more-->` when the front matter has none."""
        summary = getattr(self.markdown, "summary", None)
        if summary and "summary" not in metadata:
            metadata["summary"] = self.typeset(self.inert(summary))

    def render(self, markdown_text: str) -> str:
        """Convert Markdown to HTML with the site's extensions and typography."""
        return self.typeset(self.inert(self.markdown.reset().convert(markdown_text)))

    def inert(self, html: str) -> str:
        """Remove from `html` what would run or redirect; note what went."""
        kept, removed = remove_active_html(html)
        self.removed.extend(removed)
        return kept

    def metadata(
        self, matter: fm.FrontMatter, path: Path, errors: list[ContentError]
    ) -> dict:
        """Turn the fields into what Pelican expects; add each mistake to `errors`."""
        found = schema.read_fields(matter, path, self.settings)
        errors.extend(found.errors)
        values = found.values
        line = {meaning: matter.line_of(key) for meaning, key in found.keys.items()}
        title = values.get("title")
        # A title that could not be read is already a mistake of its own.
        if not title and ("title" in found.keys or "title" not in matter.lines):
            errors.append(
                ContentError(
                    path, "the front matter has no title", "add 'title: \"...\"'", 1
                )
            )
        meta = {"title": self.typeset(html.escape(title or "", quote=False))}
        meta["front_matter_warnings"] = found.warnings
        zone = ZoneInfo(self.settings["TIMEZONE"])
        dates, wrong = post_dates(found, matter, path, not self.is_page(path), zone)
        meta.update(dates)
        errors.extend(wrong)
        meta["slug"] = values.get("slug") or self.folder_slug(path)
        meta.update(post_language(values, line, path, self.settings, errors))
        meta["category"] = Category(self.settings["DEFAULT_CATEGORY"], self.settings)
        if author := values.get("author"):
            meta.update(self.authors(author))
        if summary := values.get("summary"):
            meta["summary"] = self.render(summary)
        if "draft" in values:
            meta["status"] = self.draft_status(path) if values["draft"] else "published"
            # The banner names the key that made the draft: draft, published, status.
            meta["draft_key"] = found.keys["draft"]
        for key in ("canonical", "description"):
            if values.get(key):
                meta[key] = values[key]
        meta.update(self.tags_and_cover(values, line, path, errors))
        addresses, wrong, warnings = redirects.plan(
            values.get("old_addresses", []), {**values, **meta}, path
        )
        meta["old_addresses"] = addresses
        errors.extend(wrong)
        found.warnings.extend(warnings)
        return meta

    def authors(self, names: str | list[str]) -> dict:
        """Return the post's author, and all its authors when it has several."""
        if isinstance(names, str):
            return {"author": Author(names, self.settings)}
        people = [Author(name, self.settings) for name in names]
        return {"author": people[0], "authors": people}

    def tags_and_cover(
        self, values: dict, line: dict, path: Path, errors: list[ContentError]
    ) -> dict:
        """Make the tags and find the cover; add each mistake to `errors`."""
        made = {}
        try:
            made["tags"] = self.tags(values.get("tags", []), path, line.get("tags"))
        except ContentError as error:
            errors.append(error)
        if image := values.get("image"):
            alt = values.get("image_alt") or values.get("title") or ""
            root = Path(self.settings["PATH"])
            try:
                made["cover"] = find_cover(image, alt, path, root, line.get("image"))
            except ContentError as error:
                errors.append(error)
        return made

    def tags(self, names: list[str], path: Path, line: int | None) -> list:
        """Make the post's tags; a tag written twice is one tag, listed once."""
        unique = dict.fromkeys(names)
        return [make_tag(name, self.settings, path, line) for name in unique]

    def folder_slug(self, path: Path) -> str:
        """Make the slug from the post's folder (or file) name."""
        beside = path.stem == "index" or file_language(path)
        name = path.parent.name if beside else path.stem
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
