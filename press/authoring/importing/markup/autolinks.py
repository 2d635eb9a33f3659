"""A Hugo post's bare web addresses, which Hugo made links, stay links here.

Hugo's Markdown (Blackfriday, then Goldmark) links `http://x.org/a` written
bare in a paragraph; this blog's Markdown shows it as plain text. The import
writes it `<http://x.org/a>`. Code, links, HTML and indented lines are left
as they are (a bare address there was not a link either).
"""

from __future__ import annotations

import re

from .templates import FENCED, INLINE_CODE, Held

# What is never touched: a link, an autolink or tag, a reference definition,
# an indented line (code, or a list's continuation), a paragraph of HTML.
ASIDE = re.compile(
    r"^[ \t]{0,3}<[A-Za-z!/][^\n]*(?:\n(?![ \t]*\n)[^\n]*)*"
    r"|^[ \t]{0,3}\[[^\]\n]+\]:[^\n]*"
    r"|^(?: {4}|\t)[^\n]*"
    r"|\[[^\]\n]*\](?:\([^)\n]*\)|\[[^\]\n]*\])?"
    r"|<[^>\n]*>",
    re.M,
)
BARE = re.compile(r"(?<![\w/@.:=\"'])(?:https?|ftp)://[^\s<>\"'`\[\]\x00]+")
HOST = re.compile(r"(?:https?|ftp)://[\w-]")
TRAILING = ".,;:!?*_"


def linked(body: str, generator: str) -> str:
    """Return a Hugo post's `body` with each bare web address written `<...>`."""
    if generator != "hugo":
        return body
    held = Held()
    body = FENCED.sub(lambda m: held.hold(m.group(0)), body)
    body = INLINE_CODE.sub(lambda m: held.hold(m.group(0)), body)
    body = ASIDE.sub(lambda m: held.hold(m.group(0)), body)
    return held.restore(BARE.sub(link, body))


def link(match: re.Match) -> str:
    """Write one address as an autolink, its trailing punctuation left outside."""
    whole = address = match.group(0)
    while address and (
        address[-1] in TRAILING
        or (address[-1] == ")" and address.count(")") > address.count("("))
    ):
        address = address[:-1]
    if not HOST.match(address):
        return whole
    return f"<{address}>{whole[len(address) :]}"
