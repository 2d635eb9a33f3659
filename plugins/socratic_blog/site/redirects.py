"""Old addresses (`aliases`, `redirect_from`, `url`, `permalink`) keep working.

Each old address gets a small page at that path: a meta refresh and a
canonical link to the post, `noindex`, in no list, feed or sitemap (it is not
content). The post's own URL never changes. A Jekyll permalink's placeholders
(`/:year/:month/:day/:title/`) are expanded from the post; an unknown one is
warned about and gets no page. An address the site already uses, or one that
differs from it only in case, is refused (`claimed_addresses`); so is one
naming a dot-file, a file the host reads, or a folder's index under another
name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from markupsafe import Markup
from pelican.utils import slugify

from socratic_blog.errors import ContentError, display_path, raise_all

from .claimed_addresses import ClaimedAddresses, failed_posts, taken_paths
from .written import written_content

PLACEHOLDER = re.compile(r":([a-z_]+)")
PAGE_SUFFIXES = ("", ".html", ".htm")
CONTROL = re.compile(r"[\x00-\x1f\x7f]")
# The longest file or folder name most file systems allow, in bytes.
LONGEST_NAME = 255
# Files a static host reads at the root of the site (GitHub Pages, Netlify,
# Cloudflare Pages), lower case: a redirect page there would replace them.
HOST_FILES = ("_headers", "_redirects", "cname", ".nojekyll")
# A folder's page is its index.html: another spelling would sit beside it.
INDEX = "index.html"
# Names of files the build writes besides pages (feeds, robots.txt, cards,
# WebP copies, stylesheets): a folder so named would stop the file's writing.
FILE_SUFFIXES = {".xml", ".txt", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif"}
FILE_SUFFIXES |= {".svg", ".ico", ".css", ".js", ".json", *PAGE_SUFFIXES[1:]}
FIX = "write the post's old address as a path, like '/2014/03/title/'"
DATE_PARTS = {"year": "%Y", "month": "%m", "day": "%d", "short_year": "%y"}
DATE_PARTS |= {"hour": "%H", "minute": "%M", "second": "%S", "y_day": "%j"}
PAGE = Markup(
    '<!doctype html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
    "<title>{title}</title>\n"
    '<meta name="robots" content="noindex">\n'
    '<link rel="canonical" href="{canonical}">\n'
    '<meta http-equiv="refresh" content="0; url={target}">\n'
    "</head>\n<body>\n"
    '<p>This guide has moved: <a href="{target}">{title}</a>.</p>\n'
    "</body>\n</html>\n"
)


@dataclass(frozen=True)
class OldAddress:
    """An address a post had on the old site, and where its redirect page goes."""

    address: str
    save_as: str
    key: str
    line: int | None


def placeholders(post: dict) -> dict[str, str]:
    """Return the values a Jekyll permalink's placeholders take for this post."""
    values = {"title": post["slug"], "slug": post["slug"], "output_ext": ".html"}
    if date := post.get("date"):
        values.update({name: date.strftime(code) for name, code in DATE_PARTS.items()})
        values.update(i_month=str(date.month), i_day=str(date.day))
    values["categories"] = "/".join(slugify(str(tag)) for tag in post.get("tags", []))
    return values


def save_path(address: str, known: dict[str, str]) -> str:
    """Return the output file of an address; ValueError names what is wrong."""
    parts = urlsplit(address)
    if parts.scheme or parts.netloc:
        raise ValueError("is a full web address; write only its path, like '/x/'")
    path = unquote(
        PLACEHOLDER.sub(lambda m: placeholder(m.group(1), known), parts.path)
    )
    if control := CONTROL.search(path):
        raise ValueError(
            f"holds the control character U+{ord(control.group()):04X}",
            "remove it from the address",
        )
    segments = [s for s in path.split("/") if s]
    if any(len(s.encode("utf-8")) > LONGEST_NAME for s in segments):
        raise ValueError(
            f"has a part longer than {LONGEST_NAME} bytes, which no file can be named",
            "shorten that part, or remove the address",
        )
    if any(s in (".", "..") for s in segments):
        raise ValueError("climbs out of the site with '..'")
    if not segments:
        raise ValueError("is the home page")
    refuse_reserved_names(segments)
    file = PurePosixPath(*segments)
    if file.suffix.lower() not in PAGE_SUFFIXES:
        raise ValueError(f"ends in '{file.suffix}'; only pages get a redirect page")
    return (file if file.suffix else file / "index.html").as_posix()


def refuse_reserved_names(segments: list[str]) -> None:
    """Refuse dot-files, the host's files, folders named like files, index.htm."""
    if segments[0].lower() in HOST_FILES:
        raise ValueError(
            f"names '{segments[0]}', a file the host reads, not a page",
            "remove it, or write the old address it really had",
        )
    if dotted := next((s for s in segments if s.startswith(".")), None):
        raise ValueError(
            f"names '{dotted}', a dot-file, which hosts hide or keep for themselves",
            "remove it, or write the old address it really had",
        )
    if folder := next(
        (s for s in segments[:-1] if PurePosixPath(s).suffix.lower() in FILE_SUFFIXES),
        None,
    ):
        raise ValueError(
            f"puts a folder at '{folder}', a name the site's files take"
            " (feeds, robots.txt, cards)",
            "remove it, or write the old address it really had",
        )
    last = segments[-1]
    if last.lower().startswith("index.") and last != INDEX:
        raise ValueError(
            f"ends in '{last}', another name for the folder's own {INDEX}",
            "write the folder's address instead, like '/x/'",
        )


def shown(address: str) -> str:
    """Return an address fit for a one-line message: control characters escaped."""
    return CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", address)


def placeholder(name: str, known: dict[str, str]) -> str:
    """Return a placeholder's value; LookupError for one Jekyll has and we lack."""
    if name not in known:
        raise LookupError(name)
    return known[name]


def plan(
    entries: list[tuple[str, str, int | None]], post: dict, path: Path
) -> tuple[list[OldAddress], list[ContentError], list[str]]:
    """Turn a post's old addresses into redirect pages; return mistakes, warnings."""
    known = placeholders(post)
    planned, errors, warnings = [], [], []
    for address, key, line in entries:
        try:
            save_as = save_path(address, known)
        except LookupError as missing:
            warnings.append(
                str(
                    ContentError(
                        path,
                        f"{key} '{address}' has the placeholder ':{missing}',"
                        " which this blog cannot fill; no redirect is written for it",
                        "write the old address in full under 'aliases:'",
                        line,
                    )
                )
            )
            continue
        except ValueError as wrong:
            problem, fix = (*wrong.args, FIX)[:2]
            errors.append(
                ContentError(path, f"{key} '{shown(address)}' {problem}", fix, line)
            )
            continue
        planned.append(OldAddress(address, save_as, key, line))
    return planned, errors, warnings


def redirect_page(content, settings: dict) -> str:
    """Return the HTML of a page that sends the reader on to `content`."""
    target = f"{settings['SITEURL']}/{content.url}"
    return PAGE.format(
        lang=getattr(content, "lang", None) or settings["DEFAULT_LANG"],
        title=content.plain_title,
        target=target,
        canonical=content.shared_url or target,
    )


def write_redirects(generators) -> None:
    """Write a redirect page at each old address; refuse one the site uses."""
    if not generators:
        return
    # In file order, so the same post keeps a disputed old address every time.
    moved = [c for c in written_content(generators) if c.metadata.get("old_addresses")]
    moved.sort(key=lambda content: content.source_path)
    failed = [(path, old) for path, old in failed_posts(generators) if old]
    if not (moved or failed):
        return  # the site's addresses are gathered only to refuse an old one
    claimed = ClaimedAddresses(taken_paths(generators))
    errors, pages = [], {}
    for content in moved:
        for old in content.metadata["old_addresses"]:
            if old.save_as == content.save_as:
                continue
            if error := claim(claimed, old, content.source_path):
                errors.append(error)
                continue
            pages[old.save_as] = (content, old)
    for path, addresses in failed:
        errors.extend(filter(None, (claim(claimed, old, path) for old in addresses)))
    raise_all(errors)
    output = Path(generators[0].output_path)
    for save_as, (content, old) in sorted(pages.items()):
        write_redirect(output / save_as, content, old)


def claim(claimed: ClaimedAddresses, old: OldAddress, path) -> ContentError | None:
    """Claim an old address's file for the post at `path`; the mistake if taken."""
    if problem := claimed.conflict(old.save_as):
        return ContentError(
            path,
            f"{old.key} '{shown(old.address)}' {problem}",
            "remove it, or write the old address it really had",
            old.line,
        )
    claimed.claim(old.save_as, f"already an old address of {display_path(path)}")
    return None


def write_redirect(target: Path, content, old: OldAddress) -> None:
    """Write one redirect page; a file system's refusal names the post's line."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(redirect_page(content, content.settings), encoding="utf-8")
    except (OSError, ValueError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise ContentError(
            content.source_path,
            f"{old.key} '{shown(old.address)}' cannot be written as a redirect"
            f" page ({reason})",
            "shorten the address or remove it",
            old.line,
        ) from error
