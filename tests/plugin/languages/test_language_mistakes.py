"""Translation mistakes: each one line naming the file and the fix.

An orphan translation, two files in one language of a post, a language the
site does not declare, a file name and a `lang:` that disagree stop the build
and leave the output as it was; different tags only warn.
"""

from __future__ import annotations

from pathlib import Path

from press import build
from tests.support.builds import SETTINGS, settings_for
from tests.support.fixture_files import write

ORIGINAL = "---\ntitle: CV\ndate: 2024-01-15\ntags: [cv]\n---\n\nOne page.\n"


def build_posts(folder: Path, posts: dict[str, str], **settings) -> list[str]:
    """Write `posts` (path under posts/ to text) and build; return the errors."""
    content = folder / "content"
    for path, text in posts.items():
        write(content / "posts" / path, text)
    return build.build(SETTINGS[False], settings_for(folder, content, **settings))


def test_a_translation_of_no_post_is_an_orphan(tmp_path):
    errors = build_posts(
        tmp_path,
        {
            "cv/index.md": ORIGINAL,
            "rediger/index.md": (
                "---\ntitle: CV\ndate: 2024-01-15\nlang: fr\n"
                "translation_of: writing-cv\n---\n\nUne page.\n"
            ),
        },
    )
    assert errors == [
        f"{tmp_path}/content/posts/rediger/index.md:5: translation_of 'writing-cv'"
        " names no post; write the slug of the post it translates (its folder's"
        " name, or its 'slug:'), or remove the line to publish it on its own"
    ]


def test_two_files_cannot_both_be_the_french_post(tmp_path):
    errors = build_posts(
        tmp_path,
        {
            "cv/index.md": ORIGINAL,
            "cv/index.fr.md": "---\ntitle: CV\ndate: 2024-01-15\n---\n\nUne.\n",
            "autre/index.md": (
                "---\ntitle: Autre\ndate: 2024-01-15\nlang: fr\n"
                "translation_of: cv\n---\n\nDeux.\n"
            ),
        },
    )
    assert len(errors) == 1
    assert "is already the 'fr' version of this post" in errors[0]
    assert errors[0].count("content/posts/") == 2
    assert "give this file another 'lang:'" in errors[0]


def test_a_language_the_site_does_not_declare_is_refused(tmp_path):
    errors = build_posts(
        tmp_path,
        {
            "cv/index.md": ORIGINAL,
            "cv/index.de.md": "---\ntitle: CV\ndate: 2024-01-15\n---\n\nEine.\n",
            "x/index.md": "---\ntitle: X\ndate: 2024-01-15\nlang: es\n---\n\nUna.\n",
        },
    )
    assert sorted(errors) == [
        f"{tmp_path}/content/posts/cv/index.de.md:1: the file name says language"
        " 'de', which is not one of this site's languages (en, fr); rename the"
        " file, or add 'de' to LANGUAGES in pelicanconf.py",
        f"{tmp_path}/content/posts/x/index.md:4: lang 'es' is not one of this"
        " site's languages (en, fr); write one of them, or add 'es' to LANGUAGES"
        " in pelicanconf.py",
    ]


def test_a_site_in_one_language_refuses_french(tmp_path):
    errors = build_posts(
        tmp_path,
        {"cv/index.md": ORIGINAL, "cv/index.fr.md": ORIGINAL},
        LANGUAGES={"en": {}},
    )
    assert errors == [
        f"{tmp_path}/content/posts/cv/index.fr.md:1: the file name says language"
        " 'fr', which is not one of this site's languages (en); rename the file,"
        " or add 'fr' to LANGUAGES in pelicanconf.py"
    ]


def test_a_file_name_and_a_lang_that_disagree_stop_the_build(tmp_path):
    errors = build_posts(
        tmp_path,
        {
            "cv/index.md": ORIGINAL,
            "cv/index.fr.md": "---\ntitle: CV\ndate: 2024-01-15\nlang: en\n---\n\nx\n",
        },
    )
    assert errors == [
        f"{tmp_path}/content/posts/cv/index.fr.md:4: lang 'en' contradicts the"
        " file name, which says 'fr'; remove the 'lang:' line, or rename the file"
    ]


def test_different_tags_are_a_warning(tmp_path, capsys):
    errors = build_posts(
        tmp_path,
        {
            "cv/index.md": ORIGINAL,
            "cv/index.fr.md": (
                "---\ntitle: CV\ndate: 2024-01-15\ntags: [cv, emploi]\n---\n\nx\n"
            ),
        },
    )
    assert errors == []
    warnings = [
        line for line in capsys.readouterr().err.splitlines() if "differ" in line
    ]
    assert warnings == [
        f"warning: {tmp_path}/content/posts/cv/index.fr.md: its tags (cv, emploi)"
        f" differ from those of its original {tmp_path}/content/posts/cv/index.md"
        " (cv); give both the same tags, so each tag's pages match"
    ]
    assert (tmp_path / "output/fr/posts/cv/index.html").is_file()


def test_pelicans_translation_key_says_what_to_write(tmp_path):
    errors = build_posts(
        tmp_path,
        {"cv/index.md": ORIGINAL.replace("tags:", "translation: true\ntags:")},
    )
    assert errors == [
        f"{tmp_path}/content/posts/cv/index.md:4: 'translation:' is not a key this"
        " blog accepts; write 'translation_of: <slug>' naming the post it translates"
    ]


def test_a_french_old_address_redirects_in_french_and_never_over_a_french_list(
    tmp_path,
):
    french = "---\ntitle: CV\ndate: 2024-01-15\ntags: [cv]\naliases: [{}]\n---\n\nx\n"
    posts = {"cv/index.md": ORIGINAL, "cv/index.fr.md": french.format("/vieux-cv/")}
    assert build_posts(tmp_path / "fine", posts) == []
    redirect = tmp_path / "fine/output/vieux-cv/index.html"
    assert '<html lang="fr">' in redirect.read_text(encoding="utf-8")
    assert "/fr/posts/cv/" in redirect.read_text(encoding="utf-8")
    posts["cv/index.fr.md"] = french.format("/fr/tags/cv/")
    errors = build_posts(tmp_path / "taken", posts)
    assert errors == [
        f"{tmp_path}/taken/content/posts/cv/index.fr.md:5: aliases '/fr/tags/cv/'"
        " is the address of the tag page of 'cv'; remove it, or write the old"
        " address it really had"
    ]


def test_a_page_where_a_languages_home_goes_stops_the_build(tmp_path):
    """A page slugged `fr` would take the French home: one line, not a crash."""
    page = "---\ntitle: En français\nslug: fr\n---\n\nA page.\n"
    write(tmp_path / "content" / "pages" / "fr.md", page)
    french = "---\ntitle: CV\ndate: 2024-01-15\ntags: [cv]\n---\n\nUne page.\n"
    errors = build_posts(tmp_path, {"cv/index.md": ORIGINAL, "cv/index.fr.md": french})
    assert errors == [
        f"{tmp_path}/content/pages/fr.md: slug 'fr' would replace the site's page"
        " /fr/; give this one a different 'slug:' in its front matter"
    ]
