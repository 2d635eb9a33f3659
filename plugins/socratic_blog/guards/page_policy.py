"""The Content-Security-Policy: one policy for each page's <meta> and for _headers.

A host that reads `_headers` (Netlify, Cloudflare Pages) sends it as a header;
GitHub Pages sends no headers, so every page also carries it in a <meta> tag,
which browsers enforce too, less the directives HTML ignores there. Raw HTML
or an image from another site in a post, which the policy would block, gets a
warning naming the file and line (scripts and handlers never reach it: the
reader removes them, `active_html`).
"""

from __future__ import annotations

import logging
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from socratic_blog import settings as defaults
from socratic_blog.errors import display_path
from socratic_blog.pelican_internals import text_as_read
from socratic_blog.posts.source_lines import source_line

log = logging.getLogger(__name__)

BASE_POLICY = {
    "default-src": "'self'",
    "script-src": "'self' 'wasm-unsafe-eval'",  # the search's WebAssembly
    "style-src": "'self'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
    "upgrade-insecure-requests": "",
}
# HTML ignores these in a <meta> policy: only a header can set them.
HEADER_ONLY = ("frame-ancestors", "report-uri", "sandbox")
SETTING = "PAGE_POLICY"
HEADER = "Content-Security-Policy"
EVERY_PATH = "/*"
# A cheap look before parsing: most posts hold no raw HTML the policy blocks.
# Two patterns, the attributes' looking ahead at their first letter: one
# pattern trying every alternative at each character took 0.5 ms a post.
SUSPECT_TAG = re.compile(r"<(?:script|style|iframe)\b", re.I)
SUSPECT_ATTRIBUTE = re.compile(
    r"\s(?=[osp])(?:style=|on[a-z]+=|(?:src|srcset|poster)=[^>]*//)", re.I
)


def directives(settings: dict) -> dict[str, str]:
    """Return the policy's directives, frames allowed from EMBED_HOSTS."""
    embeds = settings.get("EMBED_HOSTS", defaults.EMBED_HOSTS)
    hosts = " ".join(f"https://{host}" for host in embeds)
    # The preview's reload client is a same-origin file: no exception needed.
    return {**BASE_POLICY, "frame-src": f"'self' {hosts}".strip()}


def policy_text(policy: dict[str, str], header: bool = True) -> str:
    """Write the directives as a policy string, for a header or a <meta> tag."""
    return "; ".join(
        f"{name} {value}".strip()
        for name, value in policy.items()
        if header or name not in HEADER_ONLY
    )


def set_page_policy(pelican) -> None:
    """Put the <meta> policy in the settings, where every template reads it."""
    pelican.settings[SETTING] = policy_text(directives(pelican.settings), header=False)


def with_policy_header(headers: str, policy: str) -> str:
    """Set the policy header of the `/*` rule in a `_headers` file's text."""
    lines = [line for line in headers.splitlines() if HEADER not in line]
    line = f"  {HEADER}: {policy}"
    if EVERY_PATH in (entry.strip() for entry in lines):
        at = [entry.strip() for entry in lines].index(EVERY_PATH)
        lines.insert(at + 1, line)
    else:
        lines += ["", EVERY_PATH, line]
    return "\n".join(lines) + "\n"


def write_policy_header(pelican) -> None:
    """Write the header policy into the published `_headers`, if the site has one."""
    headers = Path(pelican.output_path) / "_headers"
    if headers.is_file():
        policy = policy_text(directives(pelican.settings))
        text = headers.read_text(encoding="utf-8")
        headers.write_text(with_policy_header(text, policy), encoding="utf-8")


def image_addresses(tag: str, names: dict) -> list[str]:
    """Return the addresses an element loads images from (img-src governs them)."""
    found = [names.get("src") or ""] if tag == "img" else []
    if tag == "video":
        found.append(names.get("poster") or "")
    if tag in {"img", "source"}:
        candidates = (names.get("srcset") or "").split(",")
        found += [c.split()[0] for c in candidates if c.strip()]
    return [address for address in found if address]


class BlockedHtml(HTMLParser):
    """Find the raw HTML in a post that the policy would block."""

    def __init__(self, embed_hosts: list[str], own_host: str | None = None):
        """Start with nothing found; images from `own_host` are the site's own."""
        super().__init__()
        self.embed_hosts = set(embed_hosts)
        self.own_host = own_host
        # What to look for in the source → what is wrong; how to fix it.
        self.found: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        """Note scripts, styles, handlers, foreign frames and foreign images."""
        names = dict(attrs)
        if tag in {"script", "style"}:
            self.note(f"<{tag}", f"a <{tag}> element has no effect", "remove it")
        host = urlsplit(names.get("src") or "").hostname
        if tag == "iframe" and host and host not in self.embed_hosts:
            self.note(
                host,
                f"an <iframe> from {host} is blocked",
                f"add '{host}' to EMBED_HOSTS in pelicanconf.py to allow it",
            )
        for address in image_addresses(tag, names):
            image_host = urlsplit(address).hostname
            if image_host and image_host != self.own_host:
                self.note(
                    address,
                    f"an image from {image_host} is blocked",
                    "download it next to the post and link it from there",
                )
        for name in names:
            if name.startswith("on"):
                self.note(f"{name}=", f"the {name}= handler has no effect", "remove it")
            elif name == "style":
                self.note("style=", "style= has no effect", "use the theme's styles")

    def note(self, needle: str, problem: str, fix: str) -> None:
        """Keep one finding per kind."""
        self.found.setdefault(
            needle, f"{problem} under the site's Content-Security-Policy; {fix}"
        )


def suspect(html: str) -> bool:
    """Tell whether HTML may hold what the policy blocks (parse it to be sure)."""
    return bool(SUSPECT_TAG.search(html) or SUSPECT_ATTRIBUTE.search(html))


def warn_blocked_html(content) -> None:
    """Warn, naming file and line, about HTML the policy keeps from working."""
    html = text_as_read(content)
    if not content.source_path or not suspect(html):
        return
    own_host = urlsplit(content.settings.get("SITEURL", "")).hostname
    finder = BlockedHtml(
        content.settings.get("EMBED_HOSTS", defaults.EMBED_HOSTS), own_host
    )
    finder.feed(html)
    for needle, message in finder.found.items():
        where = display_path(content.source_path)
        if line := source_line(Path(content.source_path), needle):
            where = f"{where}:{line}"
        log.warning("%s: %s", where, message)
