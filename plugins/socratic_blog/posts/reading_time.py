"""What a reader sees before opening a post: reading time and a description."""

from __future__ import annotations

import math
import re

from markupsafe import Markup

WORDS_PER_MINUTE = 230
DESCRIPTION_LIMIT = 160
FIRST_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.DOTALL)
CODE_BLOCK = re.compile(r"<pre\b.*?</pre>", re.DOTALL)


def plain_text(html: str) -> str:
    """Return the text of an HTML fragment, tags removed and entities decoded."""
    return Markup(html).striptags()


def reading_minutes(html: str, words_per_minute: int = WORDS_PER_MINUTE) -> int:
    """Estimate minutes to read the prose of `html` (code blocks skipped).

    Each language is read at its own pace (LANGUAGES' `words_per_minute`).
    """
    words = len(plain_text(CODE_BLOCK.sub(" ", html or "")).split())
    return max(1, math.ceil(words / words_per_minute))


def shorten(text: str, limit: int = DESCRIPTION_LIMIT) -> str:
    """Cut `text` at a word boundary so that it fits in `limit` characters."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:.!?-")
    return f"{cut}…"


def describe(description: str | None, html: str) -> str:
    """Return the front matter description, else the first paragraph, shortened."""
    if description:
        return shorten(description)
    match = FIRST_PARAGRAPH.search(html or "")
    return shorten(plain_text(match.group(1))) if match else ""
