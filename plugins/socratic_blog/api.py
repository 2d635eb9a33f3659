"""The plugin's one door: every name the build tools (`press`) may use.

`press` imports the plugin from here and from nowhere else, at the top of its
files, so a name that moves or is renamed inside the plugin fails here, on
import, and in the fast tests, not in a rarely run path of a tool.
"""

from __future__ import annotations

from . import settings as setting_defaults
from .errors import ContentError, ContentErrors, display_path
from .files import (
    file_digest,
    folder_digest,
    link_or_copy,
    share,
    write_text_whole,
    write_whole,
)
from .front_matter.parse import CLOSERS as FRONT_MATTER_CLOSERS
from .front_matter.parse import FENCE as FRONT_MATTER_FENCE
from .front_matter.parse import decode as decode_source
from .front_matter.parse import parse as parse_front_matter
from .front_matter.schema import FIELDS, OLD_ADDRESS, SPELLING, read_fields
from .front_matter.values import SLUG_PATTERN
from .front_matter.values import to_datetime as read_date
from .languages.declared import declared as declared_languages
from .languages.twins import has_twins
from .loaded_code import LOADED as PLUGIN_CODE_DIGEST
from .markdown.local_images import is_local as is_local_address
from .pelican_internals import (
    CACHE_STATE,
    CONTEXT_FIELD,
    RUN_CONTEXT,
    TEXT_FIELD,
    ChoosingPelican,
    QuietWhenNoReaderIsOff,
    cacheable_metadata,
    caches_readings,
    claim_output,
    fetched_templates,
    file_stamp,
    forget_rendered,
    heard_again,
    holds_links,
    makes_own_content,
    release_output,
    store_reading,
    text_as_read,
)
from .pictures.cover import refuse_web_address
from .pictures.fonts import BOLD_FONTS, REGULAR_FONTS, load_font
from .pictures.picture_cache import picture_cache
from .pictures.published_pictures import PRESERVE as PRESERVE_PICTURE_METADATA
from .pictures.published_pictures import to_make as pictures_to_make
from .pictures.social_images import card_cache, post_cards
from .pictures.webp_covers import covers_to_copy, webp_cache
from .plugin import claim_names
from .site.template_helpers import TEMPLATE_HELPERS

__all__ = [
    "BOLD_FONTS",
    "CACHE_STATE",
    "CONTEXT_FIELD",
    "FIELDS",
    "FRONT_MATTER_CLOSERS",
    "FRONT_MATTER_FENCE",
    "OLD_ADDRESS",
    "PLUGIN_CODE_DIGEST",
    "PRESERVE_PICTURE_METADATA",
    "REGULAR_FONTS",
    "RUN_CONTEXT",
    "SLUG_PATTERN",
    "SPELLING",
    "TEMPLATE_HELPERS",
    "TEXT_FIELD",
    "ChoosingPelican",
    "ContentError",
    "ContentErrors",
    "QuietWhenNoReaderIsOff",
    "cacheable_metadata",
    "caches_readings",
    "card_cache",
    "claim_names",
    "claim_output",
    "covers_to_copy",
    "declared_languages",
    "decode_source",
    "display_path",
    "fetched_templates",
    "file_digest",
    "file_stamp",
    "folder_digest",
    "forget_rendered",
    "has_twins",
    "heard_again",
    "holds_links",
    "is_local_address",
    "link_or_copy",
    "load_font",
    "makes_own_content",
    "parse_front_matter",
    "picture_cache",
    "pictures_to_make",
    "post_cards",
    "read_date",
    "read_fields",
    "refuse_web_address",
    "release_output",
    "setting_defaults",
    "share",
    "store_reading",
    "text_as_read",
    "webp_cache",
    "write_text_whole",
    "write_whole",
]
