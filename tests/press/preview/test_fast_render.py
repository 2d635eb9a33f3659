"""Fast render: a saved post's page, rendered alone, is the page a full build writes."""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule
from pelican.plugins import signals

from press import build
from press.finished_site.fast_render import KeptSite
from press.preview.answers import removed_pages
from tests.support.bilingual_blog import write_bilingual
from tests.support.builds import SETTINGS, edit, parse_html, settings_for
from tests.support.fixture_blog import JOB_HUNT, write_content

DRAFT = "---\ntitle: Rough idea\ndate: 2024-07-01\ndraft: true\n---\n\nRough.\n"


def preview_build(content: Path, folder: Path) -> Path:
    """Build as the preview does (drafts too); return the output folder."""
    overrides = settings_for(folder, content)
    assert build.build(SETTINGS[False], overrides, drafts=True) == []
    return Path(overrides["OUTPUT_PATH"])


@pytest.fixture
def blog(tmp_path, kept) -> tuple[Path, Path]:
    """The fixture blog and a draft, built once as the preview builds."""
    content = write_content(tmp_path / "content")
    draft = content / "posts/rough-idea/index.md"
    draft.parent.mkdir(parents=True)
    draft.write_text(DRAFT, encoding="utf-8")
    preview_build(content, tmp_path)
    return content, tmp_path


@pytest.mark.parametrize(
    ("source", "page"),
    [
        (f"posts/{JOB_HUNT.slug}/index.md", f"posts/{JOB_HUNT.slug}/index.html"),
        ("posts/rough-idea/index.md", "posts/rough-idea/index.html"),
        ("pages/about.md", "about/index.html"),
    ],
)
def test_a_saved_text_renders_as_the_full_build_writes_it(blog, kept, source, page):
    content, folder = blog
    with (content / source).open("a", encoding="utf-8") as file:
        file.write("\nA sentence saved just now.\n")

    pages = kept.render([str(content / source)])

    assert pages is not None and list(pages) == [page]
    output = preview_build(content, folder)
    assert pages[page] == (output / page).read_bytes()
    assert "A sentence saved just now." in parse_html(output / page).main.get_text()


def test_a_longer_read_renders_fast_with_its_new_reading_time(blog, kept):
    content, folder = blog
    source = content / f"posts/{JOB_HUNT.slug}/index.md"
    before = parse_html(folder / "output" / JOB_HUNT.page).get_text()
    with source.open("a", encoding="utf-8") as file:
        file.write("\n" + "Practise the answer out loud, twice. " * 400 + "\n")

    pages = kept.render([str(source)])

    assert pages is not None
    output = preview_build(content, folder)
    assert pages[JOB_HUNT.page] == (output / JOB_HUNT.page).read_bytes()
    assert parse_html(output / JOB_HUNT.page).get_text() != before


@pytest.mark.parametrize(
    ("source", "old", "new"),
    [
        (f"posts/{JOB_HUNT.slug}/index.md", "tags:", "tags:\n  - renamed"),
        (f"posts/{JOB_HUNT.slug}/index.md", "---\n", "---\nslug: elsewhere\n"),
        ("posts/rough-idea/index.md", "draft: true", "draft: false"),
        ("posts/rough-idea/index.md", "title: Rough", "\ttitle: Rough"),
        ("posts/rough-idea/index.md", "Rough.", "![new](missing.png)"),
    ],
    ids=["tags", "slug", "draft", "broken-yaml", "new-image"],
)
def test_more_than_the_text_is_left_to_the_full_build(blog, kept, source, old, new):
    content, _ = blog
    edit(content / source, old, new)
    assert kept.render([str(content / source)]) is None


def test_files_that_are_not_held_posts_are_left_to_the_full_build(blog, kept):
    content, _ = blog
    theme = Path(SETTINGS[False]).parent / "theme/templates/article.html"
    assert kept.render([str(theme)]) is None
    added = content / "posts/brand-new/index.md"
    added.parent.mkdir()
    added.write_text(DRAFT.replace("Rough idea", "Brand new"), encoding="utf-8")
    assert kept.render([str(added)]) is None


class SavedPosts(RuleBasedStateMachine):
    """Save posts as an author does; a page rendered fast equals the full build's."""

    def __init__(self):
        """A small blog, built once as the preview builds it."""
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="fast-render-"))
        self.content = write_content(self.folder / "content")
        self.kept = KeptSite()
        signals.all_generators_finalized.connect(self.kept.keep)
        preview_build(self.content, self.folder)
        self.posts = sorted(self.content.glob("posts/*/index.md"))
        self.saved: set[str] = set()
        self.text_only = True

    @rule(index=st.integers(0, 4), words=st.sampled_from(["Saved.", "*Now* <b>"]))
    def save_text(self, index, words):
        """Add a paragraph to a post's text."""
        event("edit: body")
        with self.posts[index].open("a", encoding="utf-8") as file:
            file.write(f"\n{words}\n")
        self.saved.add(str(self.posts[index]))

    @rule(index=st.integers(0, 4))
    def save_long_text(self, index):
        """Add a long paragraph: the reading time and the description may change."""
        event("edit: long body")
        with self.posts[index].open("a", encoding="utf-8") as file:
            file.write("\n" + "A longer thought, written out. " * 120 + "\n")
        self.saved.add(str(self.posts[index]))

    @rule(
        index=st.integers(0, 4),
        line=st.sampled_from(
            ['title: "A new title"', "date: 2023-06-01", "tags:\n  - fresh-tag"]
        ),
    )
    def save_front_matter(self, index, line):
        """Change a post's title, date or tags."""
        post = self.posts[index]
        field = line.split(":")[0]
        event(f"edit: {field}")
        text = post.read_text(encoding="utf-8")
        text = re.sub(rf"^{field}:.*$", line, text, count=1, flags=re.MULTILINE)
        post.write_text(text, encoding="utf-8")
        self.saved.add(str(post))
        self.text_only = False

    @invariant()
    def fast_pages_are_built_pages(self):
        """Render fast, build fully; every page rendered fast is the built page."""
        if not self.saved:
            return
        pages = self.kept.render(sorted(self.saved))
        output = preview_build(self.content, self.folder)
        if self.text_only:
            assert pages is not None
        for name, data in (pages or {}).items():
            assert data == (output / name).read_bytes(), name
        self.saved, self.text_only = set(), True

    def teardown(self):
        """Forget the builds and remove the blog."""
        signals.all_generators_finalized.disconnect(self.kept.keep)
        shutil.rmtree(self.folder, ignore_errors=True)


SavedPosts.TestCase.settings = settings(
    max_examples=8,
    stateful_step_count=5,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
test_saved_posts_render_fast_as_built = pytest.mark.slow(SavedPosts.TestCase)


def test_a_tag_in_the_minority_spelling_renders_fast_as_the_site_spells_it(
    tmp_path, kept
):
    content = tmp_path / "content"
    for slug, tag in (("a", "Design"), ("b", "Design"), ("c", "design")):
        post = content / "posts" / slug / "index.md"
        post.parent.mkdir(parents=True)
        post.write_text(
            f"---\ntitle: {slug}\ndate: 2024-05-0{'abc'.index(slug) + 1}\n"
            f"tags: [{tag}]\n---\n\nWords.\n",
            encoding="utf-8",
        )
    preview_build(content, tmp_path)
    source = content / "posts/c/index.md"
    with source.open("a", encoding="utf-8") as file:
        file.write("\nA sentence saved just now.\n")

    pages = kept.render([str(source)])

    assert pages is not None
    output = preview_build(content, tmp_path)
    assert pages["posts/c/index.html"] == (output / "posts/c/index.html").read_bytes()


def test_a_new_title_renders_the_posts_own_page_fast(blog, kept):
    content, folder = blog
    edit(content / f"posts/{JOB_HUNT.slug}/index.md", "title: ", "title: Renamed ")
    pages = kept.render([str(content / f"posts/{JOB_HUNT.slug}/index.md")])
    assert pages is not None and list(pages) == [JOB_HUNT.page]
    output = preview_build(content, folder)
    assert pages[JOB_HUNT.page] == (output / JOB_HUNT.page).read_bytes()
    assert "Renamed" in parse_html(output / JOB_HUNT.page).h1.get_text()


def test_a_warmed_site_loads_no_template_for_the_first_edit(blog, kept):
    content, _ = blog
    # As in the kept worker, whose build rendered in forked workers.
    for generator in kept.generators:
        generator.env.cache.clear()
    kept.warm()
    loaded = [sorted(generator.env.cache.keys()) for generator in kept.generators]
    assert any(loaded)
    source = content / f"posts/{JOB_HUNT.slug}/index.md"
    with source.open("a", encoding="utf-8") as file:
        file.write("\nA sentence saved just now.\n")

    assert kept.render([str(source)]) is not None
    assert [sorted(g.env.cache.keys()) for g in kept.generators] == loaded


def test_a_deleted_original_waits_for_the_model_its_translation_names(tmp_path, kept):
    """Deleting a post that a translation names breaks the site: no early removal."""
    content = write_bilingual(tmp_path / "content")
    preview_build(content, tmp_path)
    original = content / "posts/writing-a-cv/index.md"
    alone = content / "posts/interviews/index.md"
    original.unlink()
    alone.unlink()

    assert removed_pages(kept, [str(original)]) is None
    assert removed_pages(kept, [str(alone)]) == {"posts/interviews/index.html": None}
