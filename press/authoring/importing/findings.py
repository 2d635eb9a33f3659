"""What the import notes about each post it wrote: mappings, warnings, fixes."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from socratic_blog.api import (
    FIELDS,
    OLD_ADDRESS,
    SPELLING,
    ContentError,
    display_path,
    parse_front_matter,
    read_fields,
    refuse_web_address,
)

from . import images
from .dead_links import blank_code, dead_links
from .markup.templates import Resolution
from .report import Report


def note_pictures(found: images.Images, target: Path, root: Path, report) -> None:
    """List the files not found (the build stops there); warn of those not copied."""
    where = display_path(target)
    text = blank_code(target.read_text("utf-8"))
    for src in found.missing:
        named = re.search(rf"(?<![^\s(\"'=]){re.escape(src)}(?![^\s)\"'])", text)
        line = text.count("\n", 0, named.start() if named else 0) + 1
        report.to_fix.append(
            f"{where}:{line}: the file '{src}' was not found in"
            f" {display_path(root)}; the build stops on a missing file: put it"
            " there and import again, or fix the address"
        )
    for src, why in found.refused.items():
        line = (
            f"{where}: image '{src}' {why}; it was not copied; copy the file"
            " beside the post by hand if it belongs to it"
        )
        if "a link to" in why:
            report.refused.append(line)
        else:
            report.warn(line, "picture not copied")


def note_templates(left: list[tuple[int, str]], target: Path, report) -> None:
    """Warn about each template tag left, one kind per tag name."""
    for line, tag in left:
        name = tag.strip("{}<>%-: ").split(maxsplit=1)
        report.warn(
            f"{display_path(target)}:{line}: '{tag}' is a template tag of the old"
            " site with no equivalent here; it is kept as code; rewrite it in"
            " Markdown",
            f"template {tag[:3]}{name[0] if name else ''}",
        )


def note_fence_options(left: list[tuple[int, str]], target: Path, report) -> None:
    """List each code fence attribute with no equal here as a thing to fix."""
    report.to_fix += [
        f"{display_path(target)}:{line}: code fence attribute '{attribute}' of the"
        " old site has no equal here; remove it from the fence (a fence takes"
        ' title="app.py", hl_lines="2 4-6" or linenums="1")'
        for line, attribute in left
    ]


def note_dead_links(
    target: Path, found: images.Images, answers: Callable[[str], bool], report
) -> None:
    """List each link of the written post that leads nowhere, to fix."""
    text, files = target.read_text("utf-8"), set(found.copies) | set(found.missing)
    report.to_fix += [
        f"{display_path(target)}:{line}: the link '{link}' leads to no imported"
        f" post and no copied file; {fix}"
        for line, link, fix in dead_links(text, answers, files, found.refused)
    ]


def note_findings(
    resolved: Resolution,
    found: images.Images,
    answers: Callable[[str], bool],
    report: Report,
    target: Path,
) -> None:
    """Note what the written post still needs: templates, fences, links."""
    note_templates(resolved.left, target, report)
    note_fence_options(resolved.fence_options, target, report)
    note_dead_links(target, found, answers, report)


def summarise(target: Path, text: str, report: Report) -> None:
    """Note what the schema maps and warns about in the imported post."""
    settings = report.settings
    matter = parse_front_matter(text, target)
    for key in matter.fields:
        spec = FIELDS.get(key)
        if spec and spec.group in (SPELLING, OLD_ADDRESS):
            report.mapped[f"{key} → {spec.meaning}"] += 1
        if spec and spec.group == OLD_ADDRESS:
            value = matter.fields[key]
            report.counts["redirects"] += len(value) if isinstance(value, list) else 1
    found = read_fields(matter, target, settings)
    for warning in found.warnings:
        report.warn(warning)
    report.to_fix += [str(error) for error in found.errors]
    if "date" not in matter.fields:
        report.to_fix.append(
            f"{display_path(target)}:1: the front matter has no date; add"
            " 'date: YYYY-MM-DD', the day it was published"
        )
    if image := found.values.get("image"):
        try:
            refuse_web_address(image, target, matter.line_of(found.keys["image"]))
        except ContentError as error:
            report.to_fix.append(str(error))
