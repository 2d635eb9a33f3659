"""A small blog edited in every way an author does, built after each edit."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    consumes,
    initialize,
    invariant,
    rule,
)
from pelican.plugins import signals

from press import build
from press.preview.kept_posts import KeptPosts
from press.preview.site_model import SiteModel
from tests.support.builds import applied, build_as_invoke_does, contents, snapshot
from tests.support.edited_posts import PAGE, cover, post_text, tally

ROOT = Path(__file__).resolve().parents[2]
SLUGS = ["alpha", "beta", "gamma", "delta", "epsilon"]
TAGS = ["career", "interviews", "remote work", "salary"]
TITLES = ["A guide", "Another guide", "Ship it", "Ask <why>", "Cafés & résumés"]
DATES = ["2024-01-05", "2024-02-10", "2024-03-15", "2025-06-01"]
SUBTITLES = ["Career guides for developers", "Guides, shorter"]
FIELDS = ["title", "date", "tags", "slug", "draft", "cover"]
TAG_LISTS = st.lists(st.sampled_from(TAGS), unique=True, max_size=3)
SETTINGS_FILE = ROOT / "pelicanconf.py"


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
        self.previewing = False  # as the preview builds: drafts, the index carried
        self.edited: list[str] = []  # the sources edited since the last build
        self.model: SiteModel | None = None

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

    def build(self, output: Path, posts: KeptPosts | None = None) -> None:
        """Build into `output` (its posts kept in `posts`), failing on any error."""
        drafts = self.drafts or self.previewing
        if posts is not None:
            signals.generator_init.connect(posts.watch)
        try:
            fields = posts.fields if posts is not None else None
            errors = build.build(
                SETTINGS_FILE, self.overrides(output), drafts, remembered=fields
            )
        finally:
            if posts is not None:
                signals.generator_init.disconnect(posts.watch)
        assert errors == [], errors

    def write(self, folder: str) -> None:
        """Write one post's source file."""
        path = self.root / "content/posts" / folder / "index.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(post_text(self.sources[folder]), encoding="utf-8")
        self.edited.append(str(path))

    @initialize(target=posts)
    def first_post(self):
        """Every blog starts with posts that are neighbours and related."""
        return self.new_post("alpha", "A guide", "2024-01-05", ["career"])

    @initialize(target=posts)
    def second_post(self):
        """A second post, newer, sharing a tag with the first."""
        return self.new_post("beta", "Ship it", "2024-02-10", ["career", "salary"])

    @rule(
        target=posts,
        slug=st.sampled_from(SLUGS),
        title=st.sampled_from(TITLES),
        date=st.sampled_from(DATES),
        tags=TAG_LISTS,
    )
    def add_post(self, slug, title, date, tags):
        """Add a post (its slug made unique)."""
        tally("edit: new post")
        return self.new_post(slug, title, date, tags)

    def new_post(self, slug, title, date, tags) -> str:
        """Write a new post (its slug made unique); return its folder."""
        self.counter += 1
        folder = f"post-{self.counter}"
        taken = {post["slug"] for post in self.sources.values()}
        if slug in taken:
            slug = f"{slug}-{self.counter}"
        post = {"slug": slug, "title": title, "date": date, "tags": tags}
        body = f"Text of {title}.\n\n## One\n\nMore.\n"
        self.sources[folder] = post | {"draft": False, "cover": False, "body": body}
        self.write(folder)
        return folder

    @rule(folder=consumes(posts))
    def delete_post(self, folder):
        """Delete a post's folder."""
        tally("edit: deleted post")
        shutil.rmtree(self.root / "content/posts" / folder)
        self.edited.append(str(self.root / "content/posts" / folder / "index.md"))
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
        self.edited.append(str(path))
        return path

    @rule(
        folder=posts,
        fields=st.lists(st.sampled_from(FIELDS), unique=True, min_size=1, max_size=3),
        data=st.data(),
    )
    def edit_post(self, folder, fields, data):
        """Retitle, redate, retag, rename the slug, toggle draft or the cover."""
        post = self.sources[folder]
        for field in fields:
            tally(f"edit: {field}")
            if field == "title":
                post["title"] = data.draw(st.sampled_from(TITLES))
            elif field == "date":
                post["date"] = data.draw(st.sampled_from(DATES))
            elif field == "tags":
                post["tags"] = data.draw(TAG_LISTS)
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
        self.edited.append(str(self.root / "content/images/cover.png"))

    @rule(text=st.sampled_from(["Guides by socraticDev", "Back to the top"]))
    def edit_template(self, text):
        """Edit the footer template every page includes."""
        tally("edit: template")
        footer = self.theme / "templates/partials/footer.html"
        kept = footer.read_text(encoding="utf-8").split("<!-- edit -->")[0]
        footer.write_text(f"{kept}<!-- edit -->{text}\n", encoding="utf-8")
        self.edited.append(str(footer))

    @rule(subtitle=st.sampled_from(SUBTITLES))
    def change_setting(self, subtitle):
        """Change a setting every page shows."""
        tally("edit: setting")
        self.subtitle = subtitle
        self.edited.append(str(SETTINGS_FILE))  # as if pelicanconf.py were edited

    @rule()
    def toggle_preview(self):
        """Switch between a plain build and one that writes drafts too."""
        tally("edit: preview or plain build")
        self.drafts = not self.drafts
        self.edited.append(str(SETTINGS_FILE))

    @invariant()
    def incremental_equals_clean(self):
        """Apply the edits to the kept model, build, then cleanly: the same bytes."""
        if not self.sources:
            return
        output = self.root / "output"
        before = contents(output) if self.model else {}
        applied_edit = self.model.apply(self.edited) if self.model else None
        if self.model is not None and self.model.kept.reused:
            tally("the model reused kept posts")
        posts = KeptPosts()
        self.build(output, posts)
        clean = Path(tempfile.mkdtemp(prefix="clean-", dir=self.root)) / "output"
        self.build(clean)
        assert snapshot(output) == snapshot(clean)
        quick, drafts = self.root / "quick", self.drafts or self.previewing
        written = build_as_invoke_does(self.overrides(quick), drafts)  # saved site
        tally("full build" if written is None else "quick build")
        assert snapshot(quick) == snapshot(clean)
        if applied_edit is not None:
            tally("the model applied the edits")
            assert applied(before, applied_edit) == contents(clean)
        shutil.rmtree(clean.parent)
        self.keep_model(output, posts)

    def keep_model(self, output: Path, posts: KeptPosts) -> None:
        """Keep a model of the build just made, as the preview's kept worker does."""
        if self.model is not None:
            self.model.close()
        drafts = self.drafts or self.previewing
        self.model = SiteModel(SETTINGS_FILE, self.overrides(output), drafts)
        self.model.adopt(posts)
        self.edited = []

    def teardown(self):
        """Remove the blog and the model's cache."""
        if self.model is not None:
            self.model.close()
        shutil.rmtree(self.root, ignore_errors=True)
