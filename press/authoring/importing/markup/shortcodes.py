"""Hugo's built-in shortcodes written as the Markdown they stand for.

`figure` becomes a picture (its caption below it), `youtube`, `vimeo`,
`tweet` and `gist` become links to what they embedded (the site's policy
embeds no third-party frames), `ref` and `relref` the post's new address.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import quote

YOUTUBE = "https://www.youtube.com/watch?v={}"
VIMEO = "https://vimeo.com/{}"
GIST = "https://gist.github.com/{}/{}"
TWEET = "https://x.com/{}/status/{}"


def arguments(words: list[str]) -> tuple[list[str], dict[str, str]]:
    """Split a shortcode's words into positional and named arguments."""
    positional, named = [], {}
    for word in words:
        key, equals, value = word.partition("=")
        if equals and key.isidentifier():
            named[key.lower()] = value
        else:
            positional.append(word)
    return positional, named


def part(value: str) -> str:
    """Quote one path part of an address (an id, a user name)."""
    return quote(value, safe="")


def text(value: str) -> str:
    """Escape text for a Markdown link's or image's brackets."""
    return value.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")


def destination(address: str) -> str:
    """Write an address for a Markdown link's parentheses."""
    return f"<{address}>" if any(c in address for c in " ()") else address


def figure(named: dict[str, str]) -> str | None:
    """Return a picture, with its caption (or title) as a line below."""
    src = named.get("src")
    if not src:
        return None
    alt = named.get("alt") or named.get("caption") or named.get("title") or ""
    picture = f"![{text(alt)}]({destination(src)})"
    if link := named.get("link"):
        picture = f"[{picture}]({destination(link)})"
    caption = named.get("caption") or named.get("title")
    return f"{picture}\n\n*{text(caption)}*" if caption else picture


def video(address: str) -> Callable[[list[str], dict], str | None]:
    """Return a reader of a video shortcode that links to the video."""

    def made(positional: list[str], named: dict) -> str | None:
        found = named.get("id") or (positional[0] if positional else "")
        return f"[Watch the video]({address.format(part(found))})" if found else None

    return made


def gist(positional: list[str], named: dict) -> str | None:
    """Return a link to a gist (`gist user id`)."""
    if len(positional) < 2:
        return None
    return f"[See the gist]({GIST.format(part(positional[0]), part(positional[1]))})"


def tweet(positional: list[str], named: dict) -> str | None:
    """Return a link to a post on X (`tweet user="x" id="1"`, or `tweet 1`)."""
    user = named.get("user") or (positional[0] if len(positional) > 1 else "i")
    found = named.get("id") or (positional[-1] if positional else "")
    return (
        f"[See the post on X]({TWEET.format(part(user), part(found))})"
        if found
        else None
    )


def include_figure(positional: list[str], named: dict) -> str | None:
    """Return the picture of a Jekyll theme's `{% include figure ... %}`."""
    src = named.get("image_path") or named.get("url") or named.get("file")
    return figure({**named, "src": src or named.get("src", "")})


def include_video(positional: list[str], named: dict) -> str | None:
    """Return a link to the video of `{% include video id=... provider=... %}`."""
    address = VIMEO if named.get("provider") == "vimeo" else YOUTUBE
    return video(address)(positional, named)


LINKS = {
    "youtube": video(YOUTUBE),
    "vimeo": video(VIMEO),
    "gist": gist,
    "tweet": tweet,
    "x": tweet,
    "figure": lambda positional, named: figure(named),
}
# Jekyll themes' includes (Minimal Mistakes and others) that stand for Markdown.
INCLUDES = {
    "figure": include_figure,
    "image": include_figure,
    "video": include_video,
    "youtube": video(YOUTUBE),
}


def include(words: list[str]) -> str | None:
    """Return the Markdown a theme's `{% include name.html args %}` stands for."""
    if not words:
        return None
    positional, named = arguments(words[1:])
    made = INCLUDES.get(words[0].removesuffix(".html"))
    return made(positional, named) if made else None


def markdown(
    name: str, words: list[str], address_of: Callable[[str, str], str | None]
) -> str | None:
    """Return the Markdown a built-in shortcode stands for; None for another."""
    positional, named = arguments(words)
    if name in ("ref", "relref"):
        target = (positional[0] if positional else "") or named.get("path", "")
        return address_of("ref", target) if target else None
    made = LINKS.get(name)
    return made(positional, named) if made else None
