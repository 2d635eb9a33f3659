"""A throw-away blog for front matter tests: write posts, build, read the output."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from press import build
from socratic_blog.errors import display_path

ROOT = Path(__file__).resolve().parents[2]
PNG = (ROOT / "content/images/opentowork.png").read_bytes()
SETTINGS = {"development": "pelicanconf.py", "production": "publishconf.py"}
SITE = "https://example.org/blog"


class Blog:
    """A throw-away site: write posts, build, read what the build wrote."""

    def __init__(self, folder: Path):
        """Start with one good post."""
        self.content = folder / "content"
        self.output = folder / "output"
        self.overrides = {
            "PATH": str(self.content),
            "OUTPUT_PATH": str(self.output),
            "CACHE_PATH": str(folder / "cache"),
            "SOCIAL_CARDS_CACHE": str(folder / "cards"),
            "SITEURL": SITE,
            "SEARCH_INDEX": False,
        }
        self.post("good", "title: A good post\ndate: 2024-05-01")

    def post(self, slug: str, fields: str, body: str = "Some words.") -> str:
        """Write content/posts/<slug>/index.md; return how errors name it."""
        path = self.content / "posts" / slug / "index.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"---\n{fields}\n---\n\n{body}\n", encoding="utf-8")
        return display_path(path)

    def add(self, relative: str, data: bytes) -> None:
        """Write a file (an image) under content/."""
        path = self.content / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)

    def build(self, kind: str = "production") -> list[str]:
        """Build; return the error lines."""
        return build.build(ROOT / SETTINGS[kind], self.overrides)

    def html(self, relative: str) -> BeautifulSoup:
        """Parse a page the build wrote."""
        text = (self.output / relative).read_text(encoding="utf-8")
        return BeautifulSoup(text, "html.parser")


def warnings(capsys) -> list[str]:
    """Return the warning lines the build printed."""
    err = capsys.readouterr().err
    return [line for line in err.splitlines() if line.startswith("warning: ")]
