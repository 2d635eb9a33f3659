"""`invoke import PATH`: Jekyll, Hugo or Pelican posts become posts of this blog.

Two passes. The first reads every post (its front matter, its slug, the
address the old site's settings gave it); the second writes each one to
content/posts/<slug>/index.md with its templates resolved, its links to the
other imported posts pointed at their new addresses, its pictures copied
beside it and its old address redirected. The front matter is kept as written
but for the lines `head.py` writes (the schema maps other generators' keys).
Nothing is overwritten, no link out of the old site followed; a table ends it.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from pelican.settings import read_settings

from socratic_blog.api import (
    ContentError,
    decode_source,
    display_path,
    parse_front_matter,
    read_date,
)

from . import head, images, permalinks, site_defaults
from .addresses import Addresses
from .findings import note_findings, note_pictures, summarise
from .markup import as_read, templates
from .old_site import OldSite, posts_folder, read_old_site
from .paths import leads_out, safe_slug, slug_written, taken, where_it_leads
from .report import Report, print_report
from .sources import MARKDOWN, Source, find_posts

FRONT_MATTER_IMAGES = ("image", "cover_image", "cover")


@dataclass
class Plan:
    """One post read in the first pass, ready to be written in the second."""

    source: Source
    text: str
    fields: dict
    slug: str
    address: str
    old: str | None
    day: str = ""
    # What the old site's settings give it, and the part written into it.
    defaults: dict = field(default_factory=dict)
    added: dict = field(default_factory=dict)


def post_date(fields: dict, source: Source):
    """Return the post's date as the old site read it, or None."""
    if "date" in fields:
        try:
            return read_date(fields["date"], "date", source.file, None)
        except ContentError:
            return None
    return source.day


def plan_post(source: Source, site: OldSite, settings: dict) -> Plan:
    """Read one post: its text, fields, slug, new and old addresses."""
    raw = decode_source(source.file.read_bytes(), source.file)
    text = head.as_yaml(raw, source.file)
    fields = parse_front_matter(text, source.file).fields
    date = post_date(fields, source)
    written = slug_written(fields.get("slug"))
    title = fields.get("title") if isinstance(fields.get("title"), str) else ""
    day = date.strftime("%Y-%m-%d") if date else ""
    slug = safe_slug([written, source.name, title, day], settings)
    address = "/" + settings["ARTICLE_URL"].format(slug=slug)
    defaults = site_defaults.defaults_for(site, source.file)
    seen = {**defaults, **fields}  # as the old site saw the post
    old = permalinks.old_address(site, seen, source.file, source.name, date)
    added = site_defaults.carried(defaults, fields, settings)
    return Plan(source, text, fields, slug, address, old, day, defaults, added)


def write_post(plan: Plan, site: OldSite, posts: Path, found: Addresses, report):
    """Write one planned post, its pictures and its old address; or say why not."""
    source, folder = plan.source, posts / plan.slug
    if taken(folder):
        report.skipped.append(
            f"{display_path(source.file)}: {display_path(folder)} already exists;"
            " nothing was overwritten"
        )
        return
    matter = parse_front_matter(plan.text, source.file)
    top, body = head.split(plan.text, matter.body)
    top = head.with_name_fields(top, source, plan.fields, site.generator)
    for line in site_defaults.lines(plan.added):
        top = head.add_line(top, line)
    report.counts["defaults"] += len(plan.added)
    top = head.with_slug(top, plan.fields, plan.slug)
    top = head.without_post_layout(top, plan.fields)
    top = head.with_old_address(top, plan.fields, plan.old, plan.address)
    resolved = templates.resolve(
        body,
        {
            "page": {**plan.defaults, **plan.fields, "url": plan.address},
            "site": site.settings if site.generator == "jekyll" else {},
        },
        found.of,
        lambda text: found.rewrite(text, plan.old),
        top.count("\n") + 1,
    )
    used = images.body_sources(resolved.body)
    used += front_matter_images({**plan.added, **plan.fields})
    pictures = images.gather(used, source.file, site.root)
    if source.bundle:
        add_bundle_files(pictures, source.file.parent, site.root, report)
    body = as_read(resolved.body, site.generator)
    text = head.with_images(top, pictures.renamed) + images.rewrite_body(
        body, pictures.renamed
    )
    folder.mkdir(parents=True)
    target = folder / "index.md"
    target.write_text(text, encoding="utf-8")
    images.copy_images(pictures, folder)
    report.imported.append(f"{display_path(source.file)} → {display_path(target)}")
    report.counts["pictures"] += len(pictures.copies)
    report.counts["templates resolved"] += resolved.resolved
    report.counts["templates left"] += len(resolved.left)
    note_pictures(pictures, target, site.root, report)
    note_findings(resolved, pictures, found.answers, report, target)
    summarise(target, text, report)


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


def add_bundle_files(found: images.Images, bundle: Path, top: Path, report) -> None:
    """Bring the rest of a Hugo page bundle too: its files belong to the post."""
    copied = set(found.copies.values())
    for file in sorted(bundle.iterdir()):
        if file.suffix.lower() in MARKDOWN or file.name in found.copies:
            continue
        if file in found.looked_at:
            continue  # a picture of the post, already refused or reported
        if leads_out(file, top):
            report.refused.append(
                f"{display_path(file)}: a link to {where_it_leads(file)}, outside"
                " the old site or to nothing; it was not copied"
            )
        elif file.is_file() and file.resolve() not in copied:
            found.copies[file.name] = file.resolve()


def plan_all(sources: list[Source], site: OldSite, settings: dict, report) -> list:
    """Read every post; a post that cannot be read is one line, the rest go on."""
    plans = []
    for source in sources:
        try:
            plans.append(plan_post(source, site, settings))
        except ContentError as error:
            report.failed.append(str(error))
        except OSError as error:
            report.failed.append(path_problem(source.file, error))
    return apart(plans, settings)


def apart(plans: list[Plan], settings: dict) -> list[Plan]:
    """Give posts of one import that share a slug their own: the day, a number."""
    taken_slugs: set[str] = set()
    for plan in plans:
        slug, number = plan.slug, 1
        while slug in taken_slugs:
            number += 1
            day = plan.day if number == 2 else ""
            slug = safe_slug([f"{plan.slug}-{day or number}"], settings)
        taken_slugs.add(slug)
        if slug != plan.slug:
            plan.slug = slug
            plan.address = "/" + settings["ARTICLE_URL"].format(slug=slug)
    return plans


def path_problem(file: Path, error: OSError) -> str:
    """Say in one line what the file system refused, and for which post."""
    reason = error.strerror or str(error)
    return (
        f"{display_path(file)}: {reason} ({Path(error.filename or file).name});"
        " the post was not imported; rename it or give it a shorter 'slug:'"
    )


def run(folder: Path, settings: dict) -> Report:
    """Import every post under `folder` into the site's posts folder."""
    folder = folder.resolve()
    posts = Path(settings["PATH"]) / settings["ARTICLE_PATHS"][0]
    site = read_old_site(folder)
    folder = posts_folder(site, folder)
    sources, pages, refused = find_posts(folder, site.root)
    report = Report(refused=refused)
    report.settings = settings
    report.skipped += [
        f"{display_path(page)}: a page, not a post; copy it to content/pages/"
        for page in pages
    ]
    plans = plan_all(sources, site, settings, report)
    found = Addresses(site, settings)
    found.add_existing(posts)
    for plan in plans:
        names = [plan.source.name, plan.source.file.stem, plan.source.file.parent.name]
        old = [plan.old] if plan.old else []
        file = plan.source.file.relative_to(site.root).as_posix()
        found.add(plan.address, old, names if plan.source.bundle else names[:2], file)
    for plan in plans:
        try:
            write_post(plan, site, posts, found, report)
        except ContentError as error:
            report.failed.append(str(error))
        except OSError as error:
            report.failed.append(path_problem(plan.source.file, error))
    report.counts["links"] = found.rewritten
    if not sources and not pages and not refused:
        report.failed.append(
            f"{display_path(folder)}: no Markdown posts (.md) here; give the folder"
            " that holds them: Jekyll's _posts/, Hugo's content/posts/ or Pelican's"
            " content/"
        )
    return report


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
