"""A small blog edited in every way an author does, built after each edit."""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from pathlib import Path

from hypothesis import event
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    consumes,
    initialize,
    invariant,
    rule,
)
from PIL import Image

from press import build
from support.builds import snapshot

ROOT = Path(__file__).resolve().parents[2]
SLUGS = ["alpha", "beta", "gamma", "delta", "epsilon"]
TAGS = ["career", "interviews", "remote work", "salary"]
TITLES = ["A guide", "Another guide", "Ship it", "Ask <why>", "Cafés & résumés"]
DATES = ["2024-01-05", "2024-02-10", "2024-03-15", "2025-06-01"]
SUBTITLES = ["Career guides for developers", "Guides, shorter"]
PAGE = "---\ntitle: {title}\n---\n\nWho writes these guides.\n"


def post_text(post: dict) -> str:
    """Write a post's front matter and body as an author would."""
    tags = "".join(f"  - {tag}\n" for tag in post["tags"])
    lines = [
        "---",
        f'title: "{post["title"]}"',
        f"date: {post['date']}",
        f"slug: {post['slug']}",
        f"tags:\n{tags}".rstrip("\n") if post["tags"] else "tags: []",
    ]
    if post["draft"]:
        lines.append("draft: true")
    if post["cover"]:
        lines.append("image: ../../images/cover.png")
    return "\n".join([*lines, "---", "", post["body"], ""])


def tally(kind: str) -> None:
    """Count a kind of edit in the machine's statistics (not outside a machine)."""
    with contextlib.suppress(InvalidArgument):  # a deterministic test called it
        event(kind)


def cover(size: int) -> bytes:
    """Draw a cover `size` pixels wide, as PNG bytes."""
    path = Path(tempfile.mkdtemp()) / "cover.png"
    Image.new("RGB", (size, size // 2), "teal").save(path)
    return path.read_bytes()


class EditedSite(RuleBasedStateMachine):
    """Edit a small blog in every way an author does; build after each edit."""

    posts = Bundle("posts")

    def __init__(self):
        """Start with an empty blog in a fresh folder."""
        super().__init__()
        self.root = Path(tempfile.mkdtemp(prefix="incremental-"))
        self.theme = self.root / "theme"
        shutil.copytree(ROOT / "theme", self.theme)
        (self.root / "content/posts").mkdir(parents=True)
        (self.root / "content/images").mkdir()
        (self.root / "content/images/cover.png").write_bytes(cover(400))
        self.sources: dict[str, dict] = {}
        self.subtitle = SUBTITLES[0]
        self.drafts = False
        self.counter = 0
        self.page_title = "About"
        # Built as the preview builds: drafts written, the search index carried.
        self.previewing = False

    def overrides(self, output: Path) -> dict:
        """Settings of a build into `output` with its own caches."""
        return {
            "PATH": str(self.root / "content"),
            "THEME": str(self.theme),
            "OUTPUT_PATH": str(output),
            "CACHE_PATH": str(output.with_name(f"{output.name}-cache")),
            "SOCIAL_CARDS_CACHE": str(self.root / "cards"),
            "SITESUBTITLE": self.subtitle,
            **({"PREVIEW": True} if self.previewing else {}),
        }

    def build(self, output: Path) -> None:
        """Build into `output`, failing the test on any error."""
        settings_file = ROOT / "pelicanconf.py"
        drafts = self.drafts or self.previewing
        errors = build.build(settings_file, self.overrides(output), drafts)
        assert errors == []

    def write(self, folder: str) -> None:
        """Write one post's source file."""
        path = self.root / "content/posts" / folder / "index.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(post_text(self.sources[folder]), encoding="utf-8")

    @initialize(target=posts)
    def first_post(self):
        """Every blog starts with posts that are neighbours and related."""
        return self.add_post("alpha", "A guide", "2024-01-05", ["career"])

    @initialize(target=posts)
    def second_post(self):
        """A second post, newer, sharing a tag with the first."""
        return self.add_post("beta", "Ship it", "2024-02-10", ["career", "salary"])

    @rule(
        target=posts,
        slug=st.sampled_from(SLUGS),
        title=st.sampled_from(TITLES),
        date=st.sampled_from(DATES),
        tags=st.lists(st.sampled_from(TAGS), unique=True, max_size=3),
    )
    def add_post(self, slug, title, date, tags):
        """Add a post (its slug made unique)."""
        tally("edit: new post")
        self.counter += 1
        folder = f"post-{self.counter}"
        taken = {post["slug"] for post in self.sources.values()}
        if slug in taken:
            slug = f"{slug}-{self.counter}"
        self.sources[folder] = {
            "slug": slug,
            "title": title,
            "date": date,
            "tags": tags,
            "draft": False,
            "cover": False,
            "body": f"Text of {title}.\n\n## One\n\nMore.\n",
        }
        self.write(folder)
        return folder

    @rule(folder=consumes(posts))
    def delete_post(self, folder):
        """Delete a post's folder."""
        tally("edit: deleted post")
        shutil.rmtree(self.root / "content/posts" / folder)
        del self.sources[folder]

    @rule(folder=posts, words=st.sampled_from(["A sentence.", "*Now* <b>"]))
    def edit_body(self, folder, words):
        """Add a sentence to a post's text."""
        tally("edit: body")
        self.sources[folder]["body"] += f"\n{words}\n"
        self.write(folder)

    @rule(title=st.sampled_from(["About", "About us", "Who we are"]))
    def edit_page(self, title):
        """Write the About page, or retitle it."""
        tally("edit: page")
        self.page_title = title
        self.write_page()

    def write_page(self) -> Path:
        """Write the About page's source file; return its path."""
        path = self.root / "content/pages/about.md"
        path.parent.mkdir(exist_ok=True)
        path.write_text(PAGE.format(title=self.page_title), encoding="utf-8")
        return path

    @rule(
        folder=posts,
        field=st.sampled_from(["title", "date", "tags", "slug", "draft", "cover"]),
        data=st.data(),
    )
    def edit_post(self, folder, field, data):
        """Retitle, redate, retag, rename the slug, toggle draft or the cover."""
        tally(f"edit: {field}")
        post = self.sources[folder]
        if field == "title":
            post["title"] = data.draw(st.sampled_from(TITLES))
        elif field == "date":
            post["date"] = data.draw(st.sampled_from(DATES))
        elif field == "tags":
            post["tags"] = data.draw(
                st.lists(st.sampled_from(TAGS), unique=True, max_size=3)
            )
        elif field == "slug":
            post["slug"] = f"{post['slug']}-renamed"
        else:
            post[field] = not post[field]
        self.write(folder)

    @rule(size=st.sampled_from([300, 500]))
    def replace_cover(self, size):
        """Replace the cover image with one of another size."""
        tally("edit: cover image")
        (self.root / "content/images/cover.png").write_bytes(cover(size))

    @rule(text=st.sampled_from(["Guides by socraticDev", "Back to the top"]))
    def edit_template(self, text):
        """Edit the footer template every page includes."""
        tally("edit: template")
        footer = self.theme / "templates/partials/footer.html"
        kept = footer.read_text(encoding="utf-8").split("<!-- edit -->")[0]
        footer.write_text(f"{kept}<!-- edit -->{text}\n", encoding="utf-8")

    @rule(subtitle=st.sampled_from(SUBTITLES))
    def change_setting(self, subtitle):
        """Change a setting every page shows."""
        tally("edit: setting")
        self.subtitle = subtitle

    @rule()
    def toggle_preview(self):
        """Switch between a plain build and one that writes drafts too."""
        tally("edit: preview or plain build")
        self.drafts = not self.drafts

    @invariant()
    def incremental_equals_clean(self):
        """Build incrementally, then cleanly; both outputs hold the same bytes."""
        if not self.sources:
            return
        output = self.root / "output"
        self.build(output)
        clean = Path(tempfile.mkdtemp(prefix="clean-", dir=self.root)) / "output"
        self.build(clean)
        assert snapshot(output) == snapshot(clean)
        shutil.rmtree(clean.parent)

    def teardown(self):
        """Remove the blog."""
        shutil.rmtree(self.root, ignore_errors=True)
