"""A new post's folder and front matter, as `invoke new "Title"` writes it."""

from __future__ import annotations

import datetime
import json
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml
from pelican.settings import read_settings
from pelican.utils import slugify

from socratic_blog.api import SLUG_PATTERN, ContentError, display_path

BODY = "Write the guide here. It stays a draft until you remove `draft: true`.\n"


def post_slug(title: str, settings: dict) -> str:
    """Make the URL slug (and folder name) of a post from its title."""
    return slugify(title, regex_subs=settings.get("SLUG_REGEX_SUBSTITUTIONS", []))


def yaml_scalar(text: str) -> str:
    """Write `text` as a YAML scalar that reads back as the same string."""
    dumped = yaml.safe_dump(text, allow_unicode=True, width=10_000)
    return dumped.removesuffix("...\n").rstrip("\n")


def front_matter(title: str, tags: list[str], day: datetime.date) -> str:
    """Return the text of a draft post: front matter, then a line to replace."""
    lines = [
        "---",
        f"title: {json.dumps(title, ensure_ascii=False)}",
        f"date: {day.isoformat()}",
        "draft: true",
    ]
    if tags:
        lines += ["tags:", *(f"  - {yaml_scalar(tag)}" for tag in tags)]
    return "\n".join([*lines, "---", "", BODY])


def create_post(
    title: str, tags: list[str], settings: dict, slug: str | None = None
) -> Path:
    """Write content/posts/<slug>/index.md as a draft; never overwrite a post."""
    posts = Path(settings["PATH"]) / settings["ARTICLE_PATHS"][0]
    if slug is None and not (slug := post_slug(title, settings)):
        raise ContentError(
            posts,
            f"the title '{title}' has no letters or digits to make a URL from",
            "pass --slug like 'job-offer'",
        )
    if not SLUG_PATTERN.match(slug):
        raise ContentError(
            posts,
            f"slug '{slug}' is not a URL slug",
            "use lowercase letters, digits and hyphens, like 'job-offer'",
        )
    folder = posts / slug
    path = folder / "index.md"
    if folder.exists():
        raise ContentError(
            folder,
            "a post already lives in this folder",
            "pick another title, or pass --slug with a new name",
        )
    today = datetime.datetime.now(ZoneInfo(settings["TIMEZONE"])).date()
    folder.mkdir(parents=True)
    path.write_text(front_matter(title.strip(), tags, today), encoding="utf-8")
    return path


def main(settings_file: Path, title: str, tags: str, slug: str, base_url: str) -> int:
    """Write a draft post, say where it is and where to preview it; exit status."""
    settings = read_settings(str(settings_file))
    names = [name.strip() for name in tags.split(",") if name.strip()]
    try:
        path = create_post(title, names, settings, slug or None)
    except ContentError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    url = settings["DRAFT_URL"].format(slug=path.parent.name)
    print(f"created {display_path(path)} (a draft)")
    print(f"preview: invoke serve, then open {base_url}{url}")
    return 0
