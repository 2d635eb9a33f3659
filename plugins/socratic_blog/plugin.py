"""Signal handlers that wire the reader, the Markdown extensions and checks."""

from __future__ import annotations

from pelican import signals
from pelican.contents import Article, Page
from pelican.readers import BaseReader

from socratic_blog.guards.active_files import withhold_active_files
from socratic_blog.guards.page_policy import (
    set_page_policy,
    warn_blocked_html,
    write_policy_header,
)
from socratic_blog.guards.symlinks import refuse_symlinks_leading_out
from socratic_blog.languages.catalogue import install_catalogue
from socratic_blog.languages.declared import declared
from socratic_blog.languages.lists import language_lists
from socratic_blog.languages.post_words import translate_post_words
from socratic_blog.languages.twins import localise_tags, pair_translations
from socratic_blog.markdown.callout import InformationFence
from socratic_blog.markdown.code_blocks import code_fence
from socratic_blog.pictures.cover import publish_covers
from socratic_blog.pictures.published_pictures import (
    link_body_pictures,
    remove_metadata,
    write_variants,
)
from socratic_blog.pictures.social_images import draw_cards
from socratic_blog.pictures.webp_covers import write_webp_covers
from socratic_blog.posts.facts import derive_facts
from socratic_blog.posts.raw_html import publish_srcset_files
from socratic_blog.posts.reader import FrontMatterReader
from socratic_blog.posts.reading_order import read_in_path_order
from socratic_blog.posts.related import add_related_posts
from socratic_blog.posts.schedule import hold_until_due
from socratic_blog.posts.tags import merge_tag_spellings
from socratic_blog.posts.typography import take_over_typography
from socratic_blog.posts.warnings import count_repeats, start_counting, warn_once
from socratic_blog.site.authors import (
    keep_author_pages_for_several,
    name_every_author,
)
from socratic_blog.site.context import add_site_pages, add_theme_values
from socratic_blog.site.feeds import complete_entries
from socratic_blog.site.redirects import write_redirects
from socratic_blog.site.robots import write_robots
from socratic_blog.site.stylesheet_hash import (
    add_fingerprint_filter,
    rename_stylesheets,
)
from socratic_blog.site.written import list_pages

from .errors import ContentError, display_path
from .markdown import (
    alerts,
    code_fence_options,
    commonmark,
    footnote_links,
    heading_anchors,
    heading_levels,
    keyboard_scroll,
    local_images,
    site_links,
    summary_marker,
    task_lists,
)
from .pelican_internals import shared_context

SUPERFENCES = "pymdownx.superfences"
HIGHLIGHT = "pymdownx.highlight"
# Extensions the content relies on: CommonMark block structure; what authors
# write on GitHub (footnotes, ~~strikethrough~~, task lists, alerts) and
# <!--more-->; post headings below the page's <h1>, each linking to itself;
# code fences' options checked; code blocks and tables that scroll with the
# keyboard; images published from the post's folder; site-root links written
# with SITEURL.
CONTENT_EXTENSIONS = {
    commonmark.__name__: {},
    code_fence_options.__name__: {},
    # The back-link arrow as text, not as an emoji.
    "markdown.extensions.footnotes": {"BACKLINK_TEXT": "&#8617;&#65038;"},
    footnote_links.__name__: {},
    "pymdownx.tilde": {"subscript": False},
    task_lists.__name__: {},
    alerts.__name__: {},
    summary_marker.__name__: {},
    heading_anchors.__name__: {},
    heading_levels.__name__: {},
    keyboard_scroll.__name__: {},
    local_images.__name__: {},
    site_links.__name__: {},
}


def configure_markdown(pelican) -> None:
    """Add the callout fence and the content's extensions to the Markdown settings."""
    markdown = pelican.settings.setdefault("MARKDOWN", {})
    configs = markdown.setdefault("extension_configs", {})
    configs.update({k: v for k, v in CONTENT_EXTENSIONS.items() if k not in configs})
    configs["socratic_blog.markdown.site_links"] = {
        "site_url": pelican.settings["SITEURL"]
    }
    # Line numbers drawn by the stylesheet, never selected or copied.
    configs.setdefault(HIGHLIGHT, {})["linenums_style"] = "pymdownx-inline"
    fences = configs.setdefault(SUPERFENCES, {}).setdefault("custom_fences", [])
    names = {fence["name"] for fence in fences}
    for fence in (code_fence(), InformationFence(markdown).fence()):
        if fence["name"] not in names:
            fences.append(fence)
    extensions = markdown.setdefault("extensions", [])
    extensions.extend(name for name in configs if name not in extensions)


def use_front_matter_reader(readers) -> None:
    """Read posts and pages with the front matter reader, and with no other.

    Pelican's own readers (HTML, reStructuredText, Markdown without front
    matter) would publish a title unescaped and skip every check, so the files
    they read are not content here; static files keep their reader.
    """
    for extension in readers.reader_classes:
        if extension not in BaseReader.file_extensions:
            readers.reader_classes[extension] = None
    for extension in FrontMatterReader.file_extensions:
        readers.reader_classes[extension] = FrontMatterReader


def make_post(content) -> None:
    """Check a post's (or page's) names, then compute its derived fields."""
    if not isinstance(content, Article | Page):
        return
    if isinstance(content, Article):
        localise_tags(content)
    claim_names(content)
    derive_facts(content)
    translate_post_words(content)
    for key in ("front_matter_warnings", "body_warnings"):
        for warning in content.metadata.get(key, ()):
            warn_once(content.source_path, warning)


def claim_names(content) -> None:
    """Stop the build when a slug already belongs to another file."""
    context = shared_context(content)
    if context is None:
        return
    claim_slug(content, context)


def list_addresses(settings: dict) -> set[str]:
    """Return where the site's list pages go, in every language it declares."""
    prefixes = [language.prefix for language in declared(settings).values()]
    return {prefix + page for prefix in prefixes for page in list_pages(settings)}


def claim_slug(content, context: dict) -> None:
    """Stop the build when two posts (or two pages) share a slug, or take a list's."""
    lists = context.get("socratic_blog_lists")
    if lists is None:  # the settings are the build's: once a build
        lists = context["socratic_blog_lists"] = list_addresses(content.settings)
    save_as = content.save_as
    if save_as and save_as in lists:
        raise ContentError(
            content.source_path,
            f"slug '{content.slug}' would replace the site's page /{content.url}",
            "give this one a different 'slug:' in its front matter",
        )
    owners = context.setdefault("socratic_blog_slugs", {})
    key = (type(content).__name__, content.slug, content.lang)
    first = owners.setdefault(key, content.source_path)
    if first != content.source_path:
        raise ContentError(
            content.source_path,
            f"slug '{content.slug}' is already used by {display_path(first)}",
            "give one of them a different 'slug:' in its front matter",
        )


def register() -> None:
    """Connect the handlers to Pelican's signals."""
    signals.initialized.connect(start_counting)
    signals.initialized.connect(refuse_symlinks_leading_out)
    signals.initialized.connect(configure_markdown)
    signals.initialized.connect(set_page_policy)
    signals.initialized.connect(add_fingerprint_filter)
    signals.initialized.connect(add_theme_values)
    signals.initialized.connect(take_over_typography)
    signals.readers_init.connect(use_front_matter_reader)
    # Every generator's templates translate their strings and dates.
    signals.generator_init.connect(install_catalogue)
    signals.generator_init.connect(read_in_path_order)  # same-day posts keep one order
    signals.get_generators.connect(language_lists)
    signals.content_object_init.connect(hold_until_due)  # before make_post
    signals.content_object_init.connect(make_post)
    signals.content_object_init.connect(warn_blocked_html)
    # Translations leave the default language's lists before tags are made.
    signals.article_generator_pretaxonomy.connect(pair_translations)
    signals.article_generator_pretaxonomy.connect(merge_tag_spellings)
    signals.article_generator_finalized.connect(publish_covers)
    signals.article_generator_finalized.connect(publish_srcset_files)
    signals.article_generator_finalized.connect(link_body_pictures)
    signals.article_generator_finalized.connect(add_related_posts)
    signals.article_generator_finalized.connect(keep_author_pages_for_several)
    signals.page_generator_finalized.connect(publish_covers)
    signals.page_generator_finalized.connect(publish_srcset_files)
    signals.page_generator_finalized.connect(link_body_pictures)
    signals.page_generator_finalized.connect(add_site_pages)
    signals.static_generator_finalized.connect(withhold_active_files)
    signals.all_generators_finalized.connect(draw_cards)
    signals.all_generators_finalized.connect(write_webp_covers)
    signals.all_generators_finalized.connect(write_variants)
    signals.all_generators_finalized.connect(write_redirects)
    signals.feed_generated.connect(complete_entries)
    signals.feed_generated.connect(name_every_author)
    signals.finalized.connect(count_repeats)
    signals.finalized.connect(write_robots)
    signals.finalized.connect(write_policy_header)
    signals.finalized.connect(rename_stylesheets)
    signals.finalized.connect(remove_metadata)
