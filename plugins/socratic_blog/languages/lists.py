"""Each other language's lists: home, tags, archives, search, 404 and feeds.

The article generator writes the default language's lists at today's
addresses. This generator writes the same templates for every other
language that has a published post, under /<lang>/, with that language's
posts only; each of its posts gets its older and newer neighbours and related
guides among them. A language without a post gets no folder.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pelican.generators import Generator

from socratic_blog import settings as defaults
from socratic_blog.pictures.social_images import site_card
from socratic_blog.posts.related import Ranking
from socratic_blog.site.context import canonical_url

from .declared import declared

# The lists that have a twin in each language (the sitemap is one for all).
TWIN_LISTS = ("index", "tags", "archives", "search")
SITE_WIDE = ("sitemap",)


@dataclass
class LanguageList:
    """One language's posts, as its lists show them."""

    code: str
    posts: list
    dates: list = field(default_factory=list)
    tags: list = field(default_factory=list)


def language_list(code: str, posts: list, settings: dict) -> LanguageList:
    """Gather one language's posts, their dates and tags."""
    newest = settings["NEWEST_FIRST_ARCHIVES"]
    dates = sorted(posts, key=lambda post: post.date, reverse=newest)
    tagged: dict = {}
    for post in posts:
        for tag in getattr(post, "tags", ()):
            tagged.setdefault(tag, []).append(post)
    return LanguageList(code, posts, dates, list(tagged.items()))


def place_neighbours(posts: list, settings: dict, tags: list) -> None:
    """Link each post to its newer and older neighbours and its related guides."""
    limit = settings.get("RELATED_POSTS_MAX", defaults.RELATED_POSTS_MAX)
    ranking = Ranking(dict(tags))
    for index, post in enumerate(posts):
        post.next_article = posts[index - 1] if index > 0 else None
        post.prev_article = posts[index + 1] if index + 1 < len(posts) else None
        post.related_posts = ranking.of(post, limit)


def template_address(settings: dict, template: str) -> tuple[str, str]:
    """Return where a list template is written, and its URL, in the default language."""
    name = template.upper()
    return (
        settings.get(f"{name}_SAVE_AS", f"{template}.html"),
        settings.get(f"{name}_URL", f"{template}.html"),
    )


def list_twins(settings: dict, by_language: dict, tags: dict) -> dict:
    """Map each list's file to its address in every language that has it."""
    if len(by_language) < 2:
        return {}
    languages = declared(settings)
    twins: dict[str, dict[str, str]] = {}
    for template in TWIN_LISTS:
        save_as, _ = template_address(settings, template)
        if not save_as or template not in settings["DIRECT_TEMPLATES"]:
            continue
        group = {
            code: canonical_url(languages[code].prefix + save_as)
            for code in by_language
        }
        for code in by_language:
            twins[languages[code].prefix + save_as] = group
    slugs: dict[str, dict] = {}
    for code, pairs in tags.items():
        for tag, _ in pairs:
            slugs.setdefault(tag.slug, {})[code] = tag
    for per_language in slugs.values():
        if len(per_language) > 1:
            group = {code: tag.url for code, tag in per_language.items()}
            twins.update({tag.save_as: group for tag in per_language.values()})
    return twins


class LanguageLists(Generator):
    """Write every other language's lists and feeds under /<lang>/."""

    def generate_context(self):
        """Gather each language's lists, neighbours and twins for the templates."""
        by_language = self.context.get("posts_by_language", {})
        default = self.settings["DEFAULT_LANG"]
        self.lists = {
            code: language_list(code, posts, self.settings)
            for code, posts in by_language.items()
            if code != default
        }
        for listed in self.lists.values():
            place_neighbours(listed.posts, self.settings, listed.tags)
        tags = {default: self.context.get("tags", [])}
        tags.update({code: listed.tags for code, listed in self.lists.items()})
        self.context["LIST_TWINS"] = list_twins(self.settings, by_language, tags)
        self.context["language_lists"] = self.lists

    def generate_output(self, writer):
        """Write each language's list pages, tag pages and feeds."""
        for listed in self.lists.values():
            self.write_lists(writer, listed)
            self.write_tags(writer, listed)
            self.write_feeds(writer, listed)

    def write_lists(self, writer, listed: LanguageList) -> None:
        """Write the home, tags, archives, search and 404 pages of one language."""
        prefix = declared(self.settings)[listed.code].prefix
        for template in self.settings["DIRECT_TEMPLATES"]:
            save_as, url = template_address(self.settings, template)
            if not save_as or template in SITE_WIDE:
                continue
            writer.write_file(
                prefix + save_as,
                self.get_template(template),
                self.context,
                articles=listed.posts,
                dates=listed.dates,
                tags=listed.tags,
                list_lang=listed.code,
                site_image=site_card(self.settings, listed.code),
                blog=True,
                template_name=template,
                page_name=template,
                url=prefix + url,
            )

    def write_tags(self, writer, listed: LanguageList) -> None:
        """Write one page per tag of one language, listing its posts in it."""
        template = self.get_template("tag")
        for tag, tagged in listed.tags:
            writer.write_file(
                tag.save_as,
                template,
                self.context,
                tag=tag,
                url=tag.url,
                articles=tagged,
                dates=[post for post in listed.dates if post in tagged],
                tags=listed.tags,
                list_lang=listed.code,
                site_image=site_card(self.settings, listed.code),
                template_name="tag",
                blog=True,
                page_name=tag.page_name,
                all_articles=listed.posts,
            )

    def write_feeds(self, writer, listed: LanguageList) -> None:
        """Write one language's Atom and RSS feeds, whole-site and per tag."""
        language = declared(self.settings)[listed.code]
        context = {
            **self.context,
            "articles": listed.posts,
            "tags": listed.tags,
            "list_lang": listed.code,
            "SITESUBTITLE": language.subtitle or self.settings["SITESUBTITLE"],
        }
        for kind, feed_type in (("ATOM", "atom"), ("RSS", "rss")):
            if path := self.settings.get(f"FEED_ALL_{kind}"):
                url = self.settings.get(f"FEED_ALL_{kind}_URL", path)
                writer.write_feed(
                    listed.posts,
                    context,
                    language.prefix + path,
                    language.prefix + url,
                    feed_type=feed_type,
                )
            if pattern := self.settings.get(f"TAG_FEED_{kind}"):
                url = self.settings.get(f"TAG_FEED_{kind}_URL", pattern)
                for tag, tagged in listed.tags:
                    writer.write_feed(
                        tagged,
                        context,
                        language.prefix + pattern.format(slug=tag.slug),
                        language.prefix + url.format(slug=tag.slug),
                        feed_type=feed_type,
                        feed_title=tag.name,
                    )


def language_lists(pelican) -> type[LanguageLists]:
    """Add the other languages' lists to Pelican's generators."""
    return LanguageLists
