"""The plugin's one door: every name the build tools (`press`) may use.

`press` imports the plugin from here and from nowhere else, at the top of its
files, so a name that moves or is renamed inside the plugin fails here, on
import, and in the fast tests, not in a rarely run path of a tool.
"""

from __future__ import annotations

from .errors import ContentError, ContentErrors, display_path
from .front_matter.parse import FENCE as FRONT_MATTER_FENCE
from .front_matter.parse import decode as decode_source
from .front_matter.parse import parse as parse_front_matter
from .front_matter.schema import FIELDS, OLD_ADDRESS, SPELLING
from .front_matter.schema import read as read_fields
from .front_matter.values import SLUG_PATTERN
from .loaded_code import LOADED as PLUGIN_CODE_DIGEST
from .markdown.local_images import is_local as is_local_address
from .pictures.cover import refuse_web_address
from .pictures.fonts import BOLD_FONTS, REGULAR_FONTS, load_font
from .pictures.picture_cache import picture_cache
from .pictures.published_pictures import PRESERVE as PRESERVE_PICTURE_METADATA
from .pictures.published_pictures import to_make as pictures_to_make
from .pictures.social_images import card_cache, post_cards
from .pictures.webp_covers import covers_to_copy, webp_cache

__all__ = [
    "BOLD_FONTS",
    "FIELDS",
    "FRONT_MATTER_FENCE",
    "OLD_ADDRESS",
    "PLUGIN_CODE_DIGEST",
    "PRESERVE_PICTURE_METADATA",
    "REGULAR_FONTS",
    "SLUG_PATTERN",
    "SPELLING",
    "ContentError",
    "ContentErrors",
    "card_cache",
    "covers_to_copy",
    "decode_source",
    "display_path",
    "is_local_address",
    "load_font",
    "parse_front_matter",
    "picture_cache",
    "pictures_to_make",
    "post_cards",
    "read_fields",
    "refuse_web_address",
    "webp_cache",
]
