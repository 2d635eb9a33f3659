"""Signal handlers that wire the reader, the Markdown extensions and checks."""

from __future__ import annotations

from pelican import signals
from pelican.contents import Article, Page
from pelican.readers import BaseReader

from socratic_blog.guards.page_policy import (
    set_page_policy,
    warn_blocked_html,
    write_policy_header,
)
from socratic_blog.guards.symlinks import refuse_links_leading_out
from socratic_blog.markdown.callout import InformationFence
from socratic_blog.pictures.cover import publish_covers
from socratic_blog.pictures.published_pictures import (
    link_body_pictures,
    remove_metadata,
    write_variants,
)
from socratic_blog.pictures.social_images import draw_cards
from socratic_blog.pictures.webp_covers import write_webp_covers
from socratic_blog.posts.facts import derive_facts
from socratic_blog.posts.reader import FrontMatterReader
from socratic_blog.posts.related import add_related_posts
from socratic_blog.posts.schedule import hold_until_due
from socratic_blog.posts.tags import claim_tag_names
from socratic_blog.posts.typography import take_over_typography
from socratic_blog.site.context import add_site_pages, add_theme_values
from socratic_blog.site.feeds import complete_entries
from socratic_blog.site.redirects import write_redirects
from socratic_blog.site.robots import write_robots
from socratic_blog.site.stylesheet_hash import (
    add_fingerprint_filter,
    rename_stylesheets,
)
from socratic_blog.site.written import list_pages

from .build_log import every_build_logger
from .errors import ContentError, display_path
from .markdown import (
    alerts,
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

log = every_build_logger(__name__)

SUPERFENCES = "pymdownx.superfences"
# Extensions the content relies on: CommonMark block structure; what authors
# write on GitHub (footnotes, ~~strikethrough~~, task lists, alerts) and
# <!--more-->; post headings below the page's <h1>, each linking to itself;
# code blocks and tables that scroll with the keyboard; images published from
# the post's folder; site-root links written with SITEURL.
CONTENT_EXTENSIONS = {
    commonmark.__name__: {},
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
    fences = configs.setdefault(SUPERFENCES, {}).setdefault("custom_fences", [])
    if not any(fence["name"] == InformationFence.name for fence in fences):
        fences.append(InformationFence(markdown).fence())
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
    claim_names(content)
    derive_facts(content)
    for warning in content.metadata.get("front_matter_warnings", ()):
        log.warning(warning)


def claim_names(content) -> None:
    """Stop the build when a slug or a tag's page already belongs to another file."""
    if content._context is None:
        return
    claim_slug(content)
    names = content._context.setdefault("socratic_blog_tag_names", {})
    claim_tag_names(getattr(content, "tags", []), content.source_path, names)


def claim_slug(content) -> None:
    """Stop the build when two posts (or two pages) share a slug, or take a list's."""
    if content.save_as and content.save_as in list_pages(content.settings):
        raise ContentError(
            content.source_path,
            f"slug '{content.slug}' would replace the site's page /{content.url}",
            "give this one a different 'slug:' in its front matter",
        )
    owners = content._context.setdefault("socratic_blog_slugs", {})
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
    signals.initialized.connect(refuse_links_leading_out)
    signals.initialized.connect(configure_markdown)
    signals.initialized.connect(set_page_policy)
    signals.initialized.connect(add_fingerprint_filter)
    signals.initialized.connect(add_theme_values)
    signals.initialized.connect(take_over_typography)
    signals.readers_init.connect(use_front_matter_reader)
    signals.content_object_init.connect(hold_until_due)  # before make_post
    signals.content_object_init.connect(make_post)
    signals.content_object_init.connect(warn_blocked_html)
    signals.article_generator_finalized.connect(publish_covers)
    signals.article_generator_finalized.connect(link_body_pictures)
    signals.article_generator_finalized.connect(add_related_posts)
    signals.page_generator_finalized.connect(publish_covers)
    signals.page_generator_finalized.connect(link_body_pictures)
    signals.page_generator_finalized.connect(add_site_pages)
    signals.all_generators_finalized.connect(draw_cards)
    signals.all_generators_finalized.connect(write_webp_covers)
    signals.all_generators_finalized.connect(write_variants)
    signals.all_generators_finalized.connect(write_redirects)
    signals.feed_generated.connect(complete_entries)
    signals.finalized.connect(write_robots)
    signals.finalized.connect(write_policy_header)
    signals.finalized.connect(rename_stylesheets)
    signals.finalized.connect(remove_metadata)
