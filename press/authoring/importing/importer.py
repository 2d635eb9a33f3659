"""`invoke import PATH`: Jekyll, Hugo or Pelican posts become posts of this blog.

Each post goes to content/posts/<slug>/index.md with the images it uses copied
beside it and its links rewritten; its front matter is kept as written (the
schema maps other generators' keys when the site is built), except for a date
taken from a Jekyll file name and Pelican's `Key: value` header turned into
YAML; Jekyll's `{{ site.baseurl }}` and `{% post_url %}` become site-root links.
Nothing is ever overwritten. It ends with a summary of what the schema
maps and warns about.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from pelican.settings import read_settings
from pelican.utils import slugify

from socratic_blog.api import (
    FIELDS,
    FRONT_MATTER_FENCE,
    OLD_ADDRESS,
    SLUG_PATTERN,
    SPELLING,
    ContentError,
    decode_source,
    display_path,
    parse_front_matter,
    read_fields,
    refuse_web_address,
)

from . import images, pelican_header
from .leftovers import plain_links, template_tags
from .sources import MARKDOWN, Source, find_posts

TOML_FENCE = "+++"
FRONT_MATTER_IMAGES = ("image", "cover_image", "cover")


@dataclass
class Report:
    """What an import did, for the summary."""

    imported: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    mapped: Counter = field(default_factory=Counter)
    warnings: list[str] = field(default_factory=list)
    to_fix: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)


def front_matter_text(source: Source, text: str) -> str:
    """Return the post's text with YAML front matter; ContentError if it has none."""
    if text.startswith(TOML_FENCE):
        raise ContentError(
            source.file,
            "TOML front matter (+++) is not supported",
            "convert it to YAML between '---' lines (hugo convert toYAML does it)",
            1,
        )
    if not text.startswith(FRONT_MATTER_FENCE) and pelican_header.is_pelican_header(
        text
    ):
        return pelican_header.to_yaml(text)
    return text


def with_date(text: str, source: Source, fields: dict) -> str:
    """Add the day a Jekyll file name gives when the front matter has no date."""
    if "date" in fields or source.day is None:
        return text
    opening, rest = text.split("\n", 1)
    return f"{opening}\ndate: {source.day.isoformat()}\n{rest}"


def slug_of(source: Source, fields: dict, settings: dict) -> str:
    """Use the front matter's slug when it is one, else the file's name."""
    written = fields.get("slug")
    if isinstance(written, str) and SLUG_PATTERN.match(written):
        return written
    return slugify(source.name, regex_subs=settings.get("SLUG_REGEX_SUBSTITUTIONS", []))


def front_matter_images(fields: dict) -> list[str]:
    """Return the local image paths the front matter names."""
    found = []
    for key in FRONT_MATTER_IMAGES:
        value = fields.get(key)
        if isinstance(value, dict):
            value = value.get("image")
        if isinstance(value, str) and images.is_old_site_file(value.strip()):
            found.append(value.strip())
    return found


def rewrite_front_matter(text: str, renamed: dict[str, str]) -> str:
    """Point the front matter's image fields at the copies beside the post."""
    head, fence, rest = text.partition(f"\n{FRONT_MATTER_FENCE}\n")
    for old, new in renamed.items():
        key = r"^(\s*(?:image|cover_image):\s*[\"']?)"
        line = re.compile(key + re.escape(old), re.M)
        head = line.sub(lambda m, new=new: m.group(1) + new, head)
    return head + fence + rest


def import_post(source: Source, root: Path, posts: Path, settings, report) -> None:
    """Import one post, or say why not."""
    text = front_matter_text(
        source, decode_source(source.file.read_bytes(), source.file)
    )
    matter = parse_front_matter(text, source.file)
    text = with_date(text, source, matter.fields)
    slug = slug_of(source, matter.fields, settings)
    folder = posts / slug
    if folder.exists():
        report.skipped.append(
            f"{display_path(source.file)}: {display_path(folder)} already exists;"
            " nothing was overwritten"
        )
        return
    text, links = plain_links(text, settings)
    if links:
        report.mapped["Jekyll link tags → site-root links"] += 1
    matter = parse_front_matter(text, source.file)
    used = images.body_sources(matter.body) + front_matter_images(matter.fields)
    found = images.gather(used, source.file, root)
    if source.bundle:
        add_bundle_files(found, source.file.parent)
    text = rewrite_front_matter(images.rewrite_body(text, found.renamed), found.renamed)
    folder.mkdir(parents=True)
    target = folder / "index.md"
    target.write_text(text, encoding="utf-8")
    images.copy_images(found, folder)
    report.imported.append(f"{display_path(source.file)} → {display_path(target)}")
    report.warnings += [
        f"{display_path(target)}: image '{src}' was not found in {display_path(root)}"
        for src in found.missing
    ]
    report.warnings += [
        f"{display_path(target)}: image '{src}' {why}; it was not copied; copy the"
        " file beside the post by hand if it belongs to it"
        for src, why in found.refused.items()
    ]
    summarise(target, text, settings, report)


def add_bundle_files(found: images.Images, bundle: Path) -> None:
    """Bring the rest of a Hugo page bundle too: its files belong to the post."""
    copied = set(found.copies.values())
    for file in sorted(bundle.iterdir()):
        wanted = file.is_file() and file.suffix.lower() not in MARKDOWN
        if wanted and file.resolve() not in copied and file.name not in found.copies:
            found.copies[file.name] = file.resolve()


def summarise(target: Path, text: str, settings: dict, report: Report) -> None:
    """Note what the schema maps and warns about in the imported post."""
    matter = parse_front_matter(text, target)
    for key in matter.fields:
        spec = FIELDS.get(key)
        if spec and spec.group in (SPELLING, OLD_ADDRESS):
            report.mapped[f"{key} → {spec.meaning}"] += 1
    found = read_fields(matter, target, settings)
    report.warnings += found.warnings
    report.to_fix += [str(error) for error in found.errors]
    if image := found.values.get("image"):
        try:
            refuse_web_address(image, target, matter.line_of(found.keys["image"]))
        except ContentError as error:
            report.to_fix.append(str(error))
    report.warnings += [
        f"{display_path(target)}:{line}: '{tag}' is a Hugo shortcode or a Liquid"
        " tag, which this blog shows as written; rewrite it in Markdown"
        for line, tag in template_tags(text)
    ]


def run(folder: Path, settings: dict) -> Report:
    """Import every post under `folder` into the site's posts folder."""
    posts = Path(settings["PATH"]) / settings["ARTICLE_PATHS"][0]
    found, pages = find_posts(folder)
    report = Report()
    report.skipped += [
        f"{display_path(page)}: a page, not a post; copy it to content/pages/"
        for page in pages
    ]
    for source in found:
        try:
            import_post(source, folder.resolve(), posts, settings, report)
        except ContentError as error:
            report.failed.append(str(error))
    if not found and not pages:
        report.failed.append(
            f"{display_path(folder)}: no Markdown posts (.md) here; give the folder"
            " that holds them: Jekyll's _posts/, Hugo's content/posts/ or Pelican's"
            " content/"
        )
    return report


def print_report(report: Report) -> None:
    """Print what was imported, mapped, warned about and skipped."""
    for line in report.imported:
        print(f"imported {line}")
    for mapping, count in sorted(report.mapped.items()):
        print(f"mapped: {mapping} ({count} post{'s' * (count != 1)})")
    for line in report.warnings:
        print(f"warning: {line}", file=sys.stderr)
    for line in report.to_fix:
        print(f"to fix: {line}", file=sys.stderr)
    for line in report.skipped:
        print(f"skipped: {line}", file=sys.stderr)
    for line in report.failed:
        print(f"error: {line}", file=sys.stderr)
    warned = len(report.warnings)
    print(
        f"{len(report.imported)} imported, {len(report.skipped)} skipped,"
        f" {len(report.failed)} failed, {warned} warning{'s' * (warned != 1)},"
        f" {len(report.to_fix)} to fix"
    )


def main(settings_file: Path, folder: str) -> int:
    """Import the posts under `folder`; exit status 1 when one could not be."""
    source = Path(folder)
    if not source.is_dir():
        print(
            f"error: {folder} is not a folder; give the old site's posts folder",
            file=sys.stderr,
        )
        return 1
    report = run(source, read_settings(str(settings_file)))
    print_report(report)
    return 1 if report.failed else 0
