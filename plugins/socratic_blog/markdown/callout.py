"""The ```information fence: a SuperFences formatter that renders a callout."""

from __future__ import annotations

from markdown import Markdown

ICON = (
    '<svg class="callout-icon" aria-hidden="true" focusable="false" '
    'viewBox="0 0 24 24" width="20" height="20">'
    '<circle cx="12" cy="12" r="10" fill="none" stroke="currentColor" '
    'stroke-width="2"/>'
    '<path d="M12 11v6M12 7.5v.5" stroke="currentColor" stroke-width="2" '
    'stroke-linecap="round"/></svg>'
)


class InformationFence:
    """Render an `information` fence's body as Markdown inside a note callout."""

    name = "information"
    title = "Information"

    def __init__(self, markdown_settings: dict):
        """Keep the site's Markdown settings to render callout bodies with."""
        self.markdown_settings = markdown_settings
        self._converters: list[Markdown] = []
        self._depth = 0

    def __getstate__(self) -> dict:
        """Pickle the settings only: the converters are rebuilt when needed."""
        # Pelican's content cache pickles the settings (every tag holds them),
        # and with them this formatter; a converter holds unpicklable parsers.
        return {**self.__dict__, "_converters": [], "_depth": 0}

    def __call__(self, source, language, class_name, options, md, **kwargs):
        """Return the callout HTML for one fence (SuperFences formatter)."""
        body = self.render(source, md)
        return (
            f'<div class="callout callout-{self.name}" role="note">'
            f'<p class="callout-title">{ICON}{self.title}</p>'
            f'<div class="callout-body">\n{body}\n</div></div>'
        )

    def render(self, source: str, md: Markdown | None = None) -> str:
        """Convert the body, with one converter per nesting level.

        The images the body shows are handed to `md`, the post's converter,
        so the reader checks them as it checks the post's own.
        """
        if self._depth == len(self._converters):
            self._converters.append(Markdown(**self.markdown_settings))
        converter = self._converters[self._depth]
        self._depth += 1
        try:
            html = converter.reset().convert(source)
        finally:
            self._depth -= 1
        # So are the mistakes of its code fences' headers.
        for found in ("local_images", "fence_problems"):
            if md is not None and hasattr(md, found):
                getattr(md, found).extend(getattr(converter, found, []))
        return html

    def fence(self) -> dict:
        """Describe this formatter as a SuperFences `custom_fences` entry."""
        return {"name": self.name, "class": f"callout-{self.name}", "format": self}
