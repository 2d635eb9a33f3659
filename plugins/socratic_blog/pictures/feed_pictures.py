"""Pictures in feed entries: the 960-wide WebP copy, sized, at an absolute address.

A feed reader shows an entry at about a phone's or a column's width and drops
`<picture>` and `srcset`, so each picture that has copies points at the copy
960 pixels wide (or the widest below), with that copy's size.
"""

from __future__ import annotations

from html import escape
from urllib.parse import quote

from .img_tags import img_tags, replace_spans


def feed_pictures(fragment: str, pictures, site_url: str) -> str:
    """Point each body picture of an entry's HTML at its feed copy, sized."""
    copies = {}
    for picture in pictures:
        width = picture.feed_width()
        if width is not None:
            height = max(1, round(picture.height * width / picture.width))
            url = f"{site_url}/{quote(picture.variant(width))}"
            copies[f"{site_url}/{quote(picture.path)}"] = (url, width, height)
    if not copies:
        return fragment
    replacements = []
    for tag in img_tags(fragment):
        copy = copies.get(tag.attributes.get("src", ""))
        if copy is None:
            continue
        values = dict(tag.attributes)
        values["src"], values["width"], values["height"] = map(str, copy)
        written = "".join(f' {name}="{escape(v)}"' for name, v in values.items())
        replacements.append((tag.start, tag.end, f"<img{written}>"))
    return replace_spans(fragment, replacements)
