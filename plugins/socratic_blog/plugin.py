"""Signal handlers that wire the reader, the Markdown extensions and checks."""

from __future__ import annotations

from markupsafe import Markup
from pelican import signals
from pelican.contents import Article, Page

from .callout import InformationFence
from .errors import ContentError, display_path
from .feeds import complete_entries
from .fingerprint import add_fingerprint_filter, rename_stylesheets
from .outside_links import refuse_links_leading_out
from .page_policy import set_page_policy, warn_blocked_html, write_policy_header
from .reader import FrontMatterReader
from .related import add_related_posts
from .robots import write_robots
from .schedule import hold_until_due
from .social_images import share_images
from .tags import claim_tag_names
from .typography import SETTING as TYPOGRIFY_IN_READER
from .webp_covers import write_webp_covers

SUPERFENCES = "pymdownx.superfences"
# Extensions the content relies on: CommonMark block structure; what authors
# write on GitHub (footnotes, ~~strikethrough~~, task lists, alerts) and
# <!--more-->; post headings below the page's <h1>, each linking to itself;
# code blocks and tables that scroll with the keyboard; images published from
# the post's folder.
CONTENT_EXTENSIONS = {
    "socratic_blog.commonmark": {},
    # The back-link arrow as text, not as an emoji.
    "markdown.extensions.footnotes": {"BACKLINK_TEXT": "&#8617;&#65038;"},
    "socratic_blog.footnote_links": {},
    "pymdownx.tilde": {"subscript": False},
    "socratic_blog.task_lists": {},
    "socratic_blog.alerts": {},
    "socratic_blog.summary_marker": {},
    "socratic_blog.heading_anchors": {},
    "socratic_blog.heading_levels": {},
    "socratic_blog.keyboard_scroll": {},
    "socratic_blog.local_images": {},
}


def configure_markdown(pelican) -> None:
    """Add the callout fence and the content's extensions to the Markdown settings."""
    markdown = pelican.settings.setdefault("MARKDOWN", {})
    configs = markdown.setdefault("extension_configs", {})
    configs.update({k: v for k, v in CONTENT_EXTENSIONS.items() if k not in configs})
    fences = configs.setdefault(SUPERFENCES, {}).setdefault("custom_fences", [])
    if not any(fence["name"] == InformationFence.name for fence in fences):
        fences.append(InformationFence(markdown).fence())
    extensions = markdown.setdefault("extensions", [])
    extensions.extend(name for name in configs if name not in extensions)


def take_over_typography(pelican) -> None:
    """Typogrify in the reader, before the content cache, instead of after it."""
    settings = pelican.settings
    settings[TYPOGRIFY_IN_READER] = settings.get("TYPOGRIFY", False)
    settings["TYPOGRIFY"] = False


def use_front_matter_reader(readers) -> None:
    """Read Markdown files with the YAML front matter reader."""
    for extension in FrontMatterReader.file_extensions:
        readers.reader_classes[extension] = FrontMatterReader


def enrich(content) -> None:
    """Check names, then give posts and pages safe titles, a fixed URL and cover."""
    if not isinstance(content, Article | Page):
        return
    claim_names(content)
    content.title = Markup(content.title)
    content.last_changed = getattr(content, "modified", None) or getattr(
        content, "date", None
    )
    # Pelican formats the URL anew on each of the dozen times a build asks for
    # it; its own override attribute keeps the first answer.
    content.override_url = content.url
    if content.status == "draft" and not content.save_as:
        # A draft this build does not write publishes nothing: not even the
        # images its text links to (Pelican copies every linked file).
        content._content = ""
    cover = content.metadata.get("cover")
    content.cover = cover
    # A draft the build does not write (save_as "") must not publish its cover.
    if cover is not None and content.save_as and content._context is not None:
        content._context["static_links"].add(cover.path)


def claim_names(content) -> None:
    """Stop the build when a slug or a tag's page already belongs to another file."""
    if content._context is None:
        return
    claim_slug(content)
    names = content._context.setdefault("socratic_blog_tag_names", {})
    claim_tag_names(getattr(content, "tags", []), content.source_path, names)


def list_pages(settings: dict) -> set[str]:
    """Return where the site's list pages (home, tags, archives, search…) go."""
    return {
        settings.get(f"{template.upper()}_SAVE_AS", f"{template}.html")
        for template in settings["DIRECT_TEMPLATES"]
    }


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
    signals.initialized.connect(take_over_typography)
    signals.readers_init.connect(use_front_matter_reader)
    signals.content_object_init.connect(hold_until_due)  # before enrich
    signals.content_object_init.connect(enrich)
    signals.content_object_init.connect(warn_blocked_html)
    signals.all_generators_finalized.connect(share_images)
    signals.feed_generated.connect(complete_entries)
    signals.finalized.connect(write_robots)
    signals.finalized.connect(write_policy_header)
    signals.finalized.connect(rename_stylesheets)
    signals.article_generator_finalized.connect(add_related_posts)
    signals.all_generators_finalized.connect(write_webp_covers)
