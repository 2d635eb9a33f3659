"""The seed post's own promises, checked on the real site.

The first post of the blog stays byte for byte as it was written; its closing
```information fence renders as a callout, and its two-space nested lists nest
as CommonMark nests them. Every other behaviour is tested on the fixture blog.
"""

from __future__ import annotations

import hashlib
import re

from bs4 import BeautifulSoup, Tag
from markdown_it import MarkdownIt

from tests.support.builds import ROOT, SEED_POST, parse_html

SEED = ROOT / "content" / SEED_POST
SEED_SHA256 = "690173bd9bb333ea84630d4dba0a27510e4df90daf6d1229dfef6e59631b48bd"
ARTICLE = "posts/so-you-are-opentowork/index.html"
BLOCKS = {"ul", "ol", "li", "blockquote", "p", "pre"}
HEADING = re.compile("^h[1-6]$")


def seed_body() -> str:
    """Return the seed post's Markdown, without its front matter."""
    return SEED.read_text(encoding="utf-8").split("---\n", 2)[2]


def block_tree(element: Tag) -> list[str]:
    """Describe the nesting of block elements, one indented line each.

    A callout stands for the fenced block it came from, so it reads as `pre`.
    Headings read as their level below the highest one (the site starts a
    post's outline at h2, CommonMark keeps the author's ###).
    """
    lines: list[str] = []
    top = min(int(h.name[1]) for h in element.find_all(HEADING))

    def walk(node: Tag, depth: int) -> None:
        for child in node.find_all(True, recursive=False):
            if "callout" in (child.get("class") or []):
                lines.append("  " * depth + "pre")
            elif HEADING.match(child.name):
                lines.append("  " * depth + f"heading+{int(child.name[1]) - top}")
            elif child.name in BLOCKS:
                lines.append("  " * depth + child.name)
                walk(child, depth + 1)
            else:
                walk(child, depth)

    walk(element, 0)
    return lines


def test_the_seed_post_is_byte_identical_to_what_was_written():
    assert hashlib.sha256(SEED.read_bytes()).hexdigest() == SEED_SHA256


def test_seed_nests_like_commonmark(seed_build):
    reference = BeautifulSoup(
        MarkdownIt("commonmark").render(seed_body()), "html.parser"
    )
    ours = parse_html(seed_build / ARTICLE).select_one(".prose")
    assert block_tree(ours) == block_tree(reference)
    headings = [h.get_text(strip=True) for h in ours.find_all(HEADING)]
    assert headings == [h.get_text(strip=True) for h in reference.find_all(HEADING)]


def test_the_closing_information_fence_is_a_note_with_a_three_item_list(seed_build):
    soup = parse_html(seed_build / ARTICLE)
    callouts = soup.select(".prose div.callout.callout-information")
    assert len(callouts) == 1
    callout = callouts[0]
    assert callout["role"] == "note"
    assert callout.find_parent("aside") is None
    assert "Information" in callout.select_one(".callout-title").get_text()
    assert callout.select_one("svg")["aria-hidden"] == "true"
    body = callout.select_one(".callout-body")
    assert body.p.get_text().startswith("translated from french by ChatGPT")
    items = body.select("ul > li")
    assert len(items) == 3
    assert items[0].get_text() == "translate follow text from french"
    assert not soup.select("code.language-information, .language-information")
    # It closes the post: nothing of the post's text comes after it.
    assert callout.find_next_sibling(True) is None
