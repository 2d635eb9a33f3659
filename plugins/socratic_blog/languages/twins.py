"""Which posts translate which: a post's twins, paired before the tags are made.

Two ways say a post is a translation: `index.fr.md` beside `index.md` (one
folder, one post; the pictures are shared), or `translation_of: <slug>` in a
post anywhere. A group of twins has one original: the one the others name, or
the folder's `index.md`. Pelican's own pairing (by slug) is off
(ARTICLE_TRANSLATION_ID = None): slugs may be translated.

After pairing, only the default language's posts stay in the article
generator's lists (its home, tags, archives and feeds); the others move to its
translations, which Pelican writes at ARTICLE_LANG_SAVE_AS, and lists.py gives
them their own lists.
"""

from __future__ import annotations

from pathlib import Path

from pelican.urlwrappers import Tag
from pelican.utils import order_content

from socratic_blog.build_log import every_build_logger
from socratic_blog.errors import ContentError, display_path

from .declared import declared, file_language

log = every_build_logger(__name__)

# The generator's lists of posts, and where their other languages go.
SPLITS = (
    ("articles", "translations"),
    ("drafts", "drafts_translations"),
    ("hidden_articles", "hidden_translations"),
)


def pair_translations(generator) -> None:
    """Pair every post with its twins; keep other languages out of the site's lists."""
    posts = [post for listed, _ in SPLITS for post in getattr(generator, listed)]
    groups = twin_groups(posts)
    for group in groups:
        check_group(group)
    default = generator.settings["DEFAULT_LANG"]
    for listed, moved in SPLITS:
        kept = getattr(generator, listed)
        getattr(generator, moved).extend(p for p in kept if p.lang != default)
        setattr(generator, listed, [p for p in kept if p.lang == default])
    generator.context["posts_by_language"] = by_language(generator)
    # What every page's head reads: the languages alone, so that a page's
    # render key does not change with every post of the site.
    generator.context["languages_with_posts"] = list(
        generator.context["posts_by_language"]
    )


def has_twins(post) -> bool:
    """Tell whether a post is one of a translated post's languages."""
    return bool(getattr(post, "twins", None))


def twin_groups(posts: list) -> list[list]:
    """Group the posts that are one another's translations; set each one's twins."""
    group_of: dict[int, list] = {}
    folders: dict[Path, list] = {}
    for post in posts:
        path = Path(post.source_path)
        if path.stem == "index" or file_language(path):
            group = folders.setdefault(path.parent, [])
        else:
            group = []
        group.append(post)
        group_of[id(post)] = group
    for post in posts:
        if slug := getattr(post, "translation_of", None):
            join(group_of, post, original_named(slug, post, posts))
    groups = list({id(group): group for group in group_of.values()}.values())
    for group in groups:
        original = original_of(group)
        codes = list(declared(group[0].settings))
        group.sort(key=lambda post: codes.index(post.lang))
        for post in group:
            post.twins = {twin.lang: twin for twin in group} if len(group) > 1 else {}
            post.original = original if post is not original else None
        for post in group:
            post.translation_ld = linked_data(post, group)
    return groups


def linked_data(post, group: list) -> dict:
    """Return schema.org's translationOfWork and workTranslation for a post."""

    def work(other) -> dict:
        return {
            "@type": "BlogPosting",
            "@id": other.shared_url,
            "inLanguage": other.lang,
        }

    found = {}
    if post.original is not None:
        found["translationOfWork"] = work(post.original)
    if translations := [other for other in group if other.original is post]:
        found["workTranslation"] = [work(other) for other in translations]
    return found


def original_named(slug: str, post, posts: list):
    """Return the post `translation_of` names, or stop: a translation of nothing."""
    named = [p for p in posts if p.slug == slug and p is not post]
    if not named:
        raise ContentError(
            post.source_path,
            f"translation_of '{slug}' names no post",
            "write the slug of the post it translates (its folder's name, or its"
            " 'slug:'), or remove the line to publish it on its own",
            getattr(post, "translation_of_line", None),
        )
    default = post.settings["DEFAULT_LANG"]
    return next((p for p in named if p.lang == default), named[0])


def join(group_of: dict[int, list], post, original) -> None:
    """Put `post`'s group into `original`'s."""
    mine, theirs = group_of[id(post)], group_of[id(original)]
    if mine is theirs:
        return
    theirs.extend(mine)
    for member in mine:
        group_of[id(member)] = theirs


def original_of(group: list):
    """Return the group's original: the one a translation names, else index.md."""
    named = {getattr(p, "translation_of", None) for p in group}
    for post in group:
        if post.slug in named and not getattr(post, "translation_of", None):
            return post
    plain = [p for p in group if not file_language(Path(p.source_path))]
    untranslated = [p for p in plain if not getattr(p, "translation_of", None)]
    return (untranslated or plain or group)[0]


def check_group(group: list) -> None:
    """Stop at two files in one language of a post; warn when the tags differ."""
    seen: dict[str, object] = {}
    for post in group:
        first = seen.setdefault(post.lang, post)
        if first is not post:
            raise ContentError(
                post.source_path,
                f"{display_path(first.source_path)} is already the '{post.lang}'"
                " version of this post",
                "give this file another 'lang:', or make it a post of its own"
                " (remove 'translation_of:' or move it to its own folder)",
            )
    for post in group:
        original = post.original
        if original is not None and tag_names(post) != tag_names(original):
            log.warning(
                str(
                    ContentError(
                        post.source_path,
                        f"its tags ({', '.join(sorted(tag_names(post)))}) differ"
                        f" from those of its original"
                        f" {display_path(original.source_path)}"
                        f" ({', '.join(sorted(tag_names(original)))})",
                        "give both the same tags, so each tag's pages match",
                    )
                )
            )


def tag_names(post) -> set[str]:
    """Return the names of a post's tags."""
    return {tag.name for tag in getattr(post, "tags", ())}


def localise_tags(content) -> None:
    """Point a post's tags at its language's tag pages (under /<lang>/)."""
    code = getattr(content, "lang", None)
    if (
        code
        and code != content.settings["DEFAULT_LANG"]
        and code in declared(content.settings)
    ):
        content.tags = [
            language_tag(tag, code, content.settings)
            for tag in getattr(content, "tags", ())
        ]


def language_tag(tag: Tag, code: str, settings: dict) -> Tag:
    """Return the tag as the lists of language `code` show it, under /<code>/."""
    prefix = declared(settings)[code].prefix
    local = {
        **settings,
        "TAG_URL": prefix + settings["TAG_URL"],
        "TAG_SAVE_AS": prefix + settings["TAG_SAVE_AS"],
    }
    made = Tag(tag.name, local)
    made.slug = tag.slug
    return made


def by_language(generator) -> dict[str, list]:
    """Return the published posts of each language, in the site's order."""
    found: dict[str, list] = {}
    for post in generator.articles + generator.translations:
        found.setdefault(post.lang, []).append(post)
    order = generator.settings["ARTICLE_ORDER_BY"]
    return {
        code: order_content(found[code], order)
        for code in declared(generator.settings)
        if code in found
    }
