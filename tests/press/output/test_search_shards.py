"""Search shards: a big site indexed by Pagefind in runs of at most so many pages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from press import build
from press.output import search_shards
from press.output.search_index import (
    BUNDLE,
    PAGES_SETTING,
    index_site,
    pages_per_index,
    refresh_live_index,
)
from press.output.search_shards import (
    PAGES_PER_INDEX,
    SHARD_LIST,
    index_in_shards,
    indexed_pages,
    shards_of,
)
from press.preview.serve import preview_pages_per_index

POSTS = ("alpha", "bravo", "charlie", "delta", "echo")
FRENCH = ("fa", "fb", "fc")


def post_page(slug: str, language: str = "en") -> str:
    """A post's page as the theme marks it: its article is Pagefind's body."""
    return (
        f'<!DOCTYPE html><html lang="{language}"><head><title>{slug}</title></head>'
        f'<body><nav>menu</nav><article class="post" data-pagefind-body><h1>{slug}'
        f"</h1><p>The word {slug}word is only here.</p></article></body></html>"
    )


# A list page: no body marked, though its text names the attribute (escaped).
LIST_PAGE = (
    '<!DOCTYPE html><html lang="en"><head><title>Tags</title></head><body>'
    "<p>Posts: alphaword bravoword; &lt;article data-pagefind-body&gt;</p>"
    "</body></html>"
)


def write(path: Path, text: str) -> None:
    """Write a page, its folders made."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def site(tmp_path) -> Path:
    """A built site: five post pages, a tag page and a home page."""
    root = tmp_path / "site"
    for slug in POSTS:
        write(root / "posts" / slug / "index.html", post_page(slug))
    write(root / "tags" / "index.html", LIST_PAGE)
    write(root / "index.html", LIST_PAGE)
    return root


@pytest.fixture
def bilingual(site) -> Path:
    """The same site with three French posts under fr/."""
    for slug in FRENCH:
        write(site / "fr" / "posts" / slug / "index.html", post_page(slug, "fr"))
    return site


def page_counts(bundle: Path) -> dict[str, int]:
    """The pages a Pagefind bundle indexed in each language, from its entry file."""
    entry = json.loads((bundle / "pagefind-entry.json").read_text())
    return {code: found["page_count"] for code, found in entry["languages"].items()}


def listed(bundle: Path) -> list[dict]:
    """The bundles the search page reads of in shards.json."""
    return json.loads((bundle / SHARD_LIST).read_text())["shards"]


def left_beside(site: Path) -> list[str]:
    """The folders an index run left in or beside the site, but the site's own."""
    beside = [p.name for p in site.parent.iterdir() if p.is_dir() and p != site]
    inside = [p.name for p in site.iterdir() if p.name.startswith(".")]
    return beside + inside


def test_only_pages_marking_a_body_are_indexed_by_language(bilingual):
    english = [Path("posts", slug, "index.html") for slug in POSTS]
    french = [Path("fr", "posts", slug, "index.html") for slug in FRENCH]
    assert indexed_pages(bilingual, BUNDLE) == {"fr": french, "en": english}


def test_a_site_over_the_limit_is_indexed_in_even_shards(site):
    assert index_site(site, site.parent / "output", 2) is None

    bundle = site / BUNDLE
    assert listed(bundle) == [
        {"path": "", "language": "en"},
        {"path": "shards/2/", "language": "en"},
        {"path": "shards/3/", "language": "en"},
    ]
    counts = [page_counts(bundle / shard["path"]) for shard in listed(bundle)]
    assert counts == [{"en": 2}, {"en": 2}, {"en": 1}]  # no list page, none twice
    assert (bundle / "pagefind-ui.js").is_file()  # the search box, in pagefind/
    assert not (bundle / "shards/2/pagefind-ui.js").exists()
    assert (bundle / "shards/2/pagefind.js").is_file()  # searched from, all the same
    assert left_beside(site) == []  # the shards' links are gone


def test_each_shard_holds_one_language(bilingual):
    assert index_site(bilingual, bilingual.parent / "output", 2) is None

    bundle = bilingual / BUNDLE
    shards = listed(bundle)
    assert [shard["language"] for shard in shards] == ["fr", "fr", "en", "en", "en"]
    for shard in shards:
        assert page_counts(bundle / shard["path"]).keys() == {shard["language"]}


def test_a_site_within_the_limit_is_indexed_in_one_run(bilingual):
    assert index_site(bilingual, bilingual.parent / "output", 8) is None

    bundle = bilingual / BUNDLE
    assert listed(bundle) == [{"path": "", "language": None}]
    assert page_counts(bundle) == {"en": 5, "fr": 3}
    assert not (bundle / "shards").exists()


def test_shards_are_as_few_and_as_even_as_can_be():
    pages = [Path(f"{number}.html") for number in range(2001)]
    shards = shards_of(pages, 1000)
    assert [len(shard) for shard in shards] == [667, 667, 667]
    assert [page for shard in shards for page in shard] == pages
    assert [len(s) for s in shards_of(pages[:10], 3)] == [3, 3, 2, 2]
    assert [len(s) for s in shards_of(pages[:1000], 500)] == [500, 500]


def test_every_shard_is_linked_before_the_first_run(site, tmp_path):
    runs = []
    gone = site / "posts" / "echo" / "index.html"

    def run(folder: Path, target: Path) -> str | None:
        gone.unlink(missing_ok=True)  # a preview build swaps output/ meanwhile
        target.mkdir(parents=True, exist_ok=True)  # as Pagefind writes its bundle
        runs.append(
            sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.html"))
        )
        return "search index failed: disk full" if len(runs) == 3 else None

    links = tmp_path / "links"
    links.mkdir()
    bundle = tmp_path / "bundle"
    error = index_in_shards(site, bundle, run, 2, links)

    assert error == "search index failed: disk full"
    assert runs == [
        ["posts/alpha/index.html", "posts/bravo/index.html"],
        ["posts/charlie/index.html", "posts/delta/index.html"],
        ["posts/echo/index.html"],  # linked before its page went
    ]
    assert not (bundle / SHARD_LIST).exists()  # a failed index lists nothing
    assert list(links.iterdir()) == []


def test_the_preview_swaps_in_every_shard(site):
    output = site  # the live preview's output
    started = []
    error = refresh_live_index(output, started.append, most=2)

    assert error is None
    assert len(started) == 3  # one Pagefind run a shard
    assert [shard["path"] for shard in listed(output / BUNDLE)] == [
        "",
        "shards/2/",
        "shards/3/",
    ]
    assert page_counts(output / BUNDLE / "shards/3") == {"en": 1}
    assert left_beside(output) == []


@pytest.mark.parametrize("wrong", [0, -3, "1000", 2.5])
def test_a_wrong_page_count_fails_the_build_before_it_runs(tmp_path, wrong):
    staging = tmp_path / "staging"
    settings = {"SEARCH_INDEX": True, PAGES_SETTING: wrong}
    reuse = None  # never reached: the setting is checked first
    errors = build.build_into(staging, settings, reuse)
    assert errors == [
        f"{PAGES_SETTING} = {wrong!r}: set it to a whole number above 0 in the settings"
    ]


def test_the_preview_warns_of_a_wrong_page_count_and_indexes_anyway(capsys):
    assert preview_pages_per_index({PAGES_SETTING: 40}) == 40
    assert preview_pages_per_index({PAGES_SETTING: "40"}) == PAGES_PER_INDEX
    assert f"warning: {PAGES_SETTING} = '40'" in capsys.readouterr().err


def test_only_the_preview_shards_unless_the_settings_say_so(site, monkeypatch):
    """Readers get one bundle; the author's preview, lighter on memory, gets shards."""
    # A shard lacking a word answers with the words it begins with.
    assert preview_pages_per_index({}) == PAGES_PER_INDEX
    assert pages_per_index({}) is None
    read = []
    monkeypatch.setattr(search_shards, "indexed_pages", lambda *a: read.append(a))
    assert index_site(site, site.parent / "output", pages_per_index({})) is None
    assert listed(site / BUNDLE) == [{"path": "", "language": None}]
    assert read == []  # one run: Pagefind reads the pages, we need not
