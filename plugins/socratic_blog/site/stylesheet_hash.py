"""Stylesheets named after a hash of their content, so hosts may cache them a year.

Every `.css` file in the theme's static folders is published as
`name.<hash>.css`; templates link it with `{{ 'css/style.css'|fingerprint }}`.
A changed stylesheet gets a new name, so no browser keeps a stale copy.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from socratic_blog.errors import ContentError

HASH_LENGTH = 10
STYLESHEET = "*.css"


def fingerprinted(relative: str, data: bytes) -> str:
    """Return `css/style.css` as `css/style.<hash of data>.css`."""
    path = PurePosixPath(relative)
    digest = hashlib.sha256(data).hexdigest()[:HASH_LENGTH]
    return str(path.with_name(f"{path.stem}.{digest}{path.suffix}"))


@dataclass(frozen=True)
class Fingerprints:
    """The theme's stylesheets: path under the static folder -> published path."""

    static_dir: str
    names: dict[str, str]
    templates: Path

    @classmethod
    def of_theme(cls, settings: dict) -> Fingerprints:
        """Hash every stylesheet in the theme's static folders."""
        theme = Path(settings["THEME"])
        names = {}
        for static in settings["THEME_STATIC_PATHS"]:
            folder = theme / static
            for file in sorted(folder.rglob(STYLESHEET)):
                relative = file.relative_to(folder).as_posix()
                names[relative] = fingerprinted(relative, file.read_bytes())
        return cls(settings["THEME_STATIC_DIR"], names, theme / "templates")

    def url(self, relative: str) -> str:
        """Return the site-relative URL of a stylesheet (the `fingerprint` filter)."""
        if relative not in self.names:
            known = ", ".join(sorted(self.names)) or "none"
            # The theme's mistake, not our bug: one line, like a post's.
            raise ContentError(
                self.templates,
                f"'{relative}' is not a stylesheet of the theme (it has: {known})",
                "fix the path given to |fingerprint in the template",
            )
        return f"{self.static_dir}/{self.names[relative]}"

    def rename(self, output: Path) -> None:
        """Give the copied stylesheets in `output` their fingerprinted names."""
        folder = output / self.static_dir
        for relative, name in self.names.items():
            copied = folder / relative
            if fingerprinted(relative, copied.read_bytes()) != name:
                raise ContentError(
                    copied, "the stylesheet changed during the build", "build again"
                )
            copied.rename(folder / name)


def add_fingerprint_filter(pelican) -> None:
    """Hash the theme's stylesheets and let templates link them by hash."""
    fingerprints = Fingerprints.of_theme(pelican.settings)
    pelican.settings["FINGERPRINTS"] = fingerprints
    filters = dict(pelican.settings.get("JINJA_FILTERS") or {})
    filters["fingerprint"] = fingerprints.url
    pelican.settings["JINJA_FILTERS"] = filters


def rename_stylesheets(pelican) -> None:
    """Publish the stylesheets under the names the pages link to."""
    pelican.settings["FINGERPRINTS"].rename(Path(pelican.output_path))
