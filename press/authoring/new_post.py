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

from socratic_blog.api import (
    SLUG_PATTERN,
    ContentError,
    declared_languages,
    decode_source,
    display_path,
    parse_front_matter,
    read_fields,
)

BODY = "Write the guide here. It stays a draft until you remove `draft: true`.\n"


def post_slug(title: str, settings: dict) -> str:
    """Make the URL slug (and folder name) of a post from its title."""
    return slugify(title, regex_subs=settings.get("SLUG_REGEX_SUBSTITUTIONS", []))


def yaml_scalar(text: str) -> str:
    """Write `text` as a YAML scalar that reads back as the same string."""
    dumped = yaml.safe_dump(text, allow_unicode=True, width=10_000)
    return dumped.removesuffix("...\n").rstrip("\n")


def front_matter(
    title: str, tags: list[str], day: datetime.date, cover: dict | None = None
) -> str:
    """Return the text of a draft post: front matter, then a line to replace."""
    lines = [
        "---",
        f"title: {json.dumps(title, ensure_ascii=False)}",
        f"date: {day.isoformat()}",
        "draft: true",
    ]
    if tags:
        lines += ["tags:", *(f"  - {yaml_scalar(tag)}" for tag in tags)]
    for key, value in (cover or {}).items():
        lines.append(f"{key}: {json.dumps(value, ensure_ascii=False)}")
    return "\n".join([*lines, "---", "", BODY])


def create_translation(slug: str, lang: str, settings: dict) -> Path:
    """Write content/posts/<slug>/index.<lang>.md from the post it translates.

    The title, tags and cover are the original's, to be translated; the new
    file is a draft dated today. An existing translation is never overwritten.
    """
    folder = Path(settings["PATH"]) / settings["ARTICLE_PATHS"][0] / slug
    original = folder / "index.md"
    languages = declared_languages(settings)
    if lang not in languages or lang == settings["DEFAULT_LANG"]:
        others = ", ".join(
            code for code in languages if code != settings["DEFAULT_LANG"]
        )
        raise ContentError(
            folder,
            f"'{lang}' is not one of the site's other languages ({others or 'none'})",
            "pass one of them to --lang, or add it to LANGUAGES in pelicanconf.py",
        )
    if not original.is_file():
        raise ContentError(
            original,
            f"no post lives in content/posts/{slug}/",
            "give the folder name of the post to translate",
        )
    path = folder / f"index.{lang}.md"
    if path.exists():
        raise ContentError(path, "this translation already exists", "edit it")
    matter = parse_front_matter(
        decode_source(original.read_bytes(), original), original
    )
    values = read_fields(matter, original, settings).values
    cover = {key: values[key] for key in ("image", "image_alt") if values.get(key)}
    today = datetime.datetime.now(ZoneInfo(settings["TIMEZONE"])).date()
    text = front_matter(values.get("title", slug), values.get("tags", []), today, cover)
    path.write_text(text, encoding="utf-8")
    return path


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


def main(  # noqa: PLR0913, PLR0917 - one parameter per option of `invoke new`
    settings_file: Path, title: str, tags: str, slug: str, base_url: str, lang: str = ""
) -> int:
    """Write a draft post (or translation), say where it is and where to preview it."""
    settings = read_settings(str(settings_file))
    names = [name.strip() for name in tags.split(",") if name.strip()]
    try:
        if lang:
            path = create_translation(title, lang, settings)
        else:
            path = create_post(title, names, settings, slug or None)
    except ContentError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    if lang:
        url = settings["DRAFT_LANG_URL"].format(slug=path.parent.name, lang=lang)
    else:
        url = settings["DRAFT_URL"].format(slug=path.parent.name)
    print(f"created {display_path(path)} (a draft)")
    print(f"preview: invoke serve, then open {base_url}{url}")
    return 0
