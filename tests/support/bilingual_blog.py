"""The bilingual fixture blog: English and French posts, some translated.

- `salary`: English `index.md` with its French `index.fr.md` beside it (same
  slug, the cover shared); the French one's information callout links back
  to the original;
- `first-job`: English, with a French `index.fr.md` whose `slug:` is
  translated (`premier-emploi`);
- `writing-a-cv`: English, translated by `rediger-un-cv/index.md`, which says
  `lang: fr` and `translation_of: writing-a-cv` (a translated folder name);
- `interviews`: English only; `mentorat`: French only.

Each French post holds a word no English page has (`FRENCH_ONLY_WORD`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tests.support.fixture_files import cover_png, write

FRENCH_ONLY_WORD = "chaussettes"


@dataclass(frozen=True)
class Twin:
    """One page of the bilingual blog: its file, address and language."""

    source: str
    url: str
    lang: str
    text: str


POSTS = (
    Twin(
        "posts/salary/index.md",
        "posts/salary/",
        "en",
        "---\ntitle: Talking about salary\ndate: 2024-03-09\ntags: [career, salary]\n"
        "image: cover.png\nimage_alt: A chart going up\n---\n\n"
        "Ask for the range first. The paycheck follows.\n\n"
        "## Before\n\nPrepare.\n\n## During\n\nListen.\n\n## After\n\nWrite.\n",
    ),
    Twin(
        "posts/salary/index.fr.md",
        "fr/posts/salary/",
        "fr",
        "---\ntitle: Parler de salaire\ndate: 2024-03-09\ntags: [career, salary]\n"
        "image: cover.png\nimage_alt: Un graphique qui monte\n---\n\n"
        "```information\nTraduit de [l'original anglais]({filename}index.md).\n```\n\n"
        f"Demandez d'abord la fourchette, avec vos {FRENCH_ONLY_WORD} préférées.\n\n"
        "> [!NOTE]\n> Une remarque.\n\n"
        "## Avant\n\nPréparez.\n\n## Pendant\n\nÉcoutez.\n\n## Après\n\nÉcrivez.\n",
    ),
    Twin(
        "posts/first-job/index.md",
        "posts/first-job/",
        "en",
        "---\ntitle: Your first job\ndate: 2024-02-01\ntags: [career]\n---\n\n"
        "Start somewhere.\n",
    ),
    Twin(
        "posts/first-job/index.fr.md",
        "fr/posts/premier-emploi/",
        "fr",
        "---\ntitle: Votre premier emploi\ndate: 2024-02-01\nslug: premier-emploi\n"
        f"tags: [career]\n---\n\nCommencez quelque part, en {FRENCH_ONLY_WORD}.\n",
    ),
    Twin(
        "posts/writing-a-cv/index.md",
        "posts/writing-a-cv/",
        "en",
        "---\ntitle: Writing a CV\ndate: 2024-01-15\ntags: [cv]\n---\n\n"
        "One page is enough.\n",
    ),
    Twin(
        "posts/rediger-un-cv/index.md",
        "fr/posts/rediger-un-cv/",
        "fr",
        "---\ntitle: Rédiger un CV\ndate: 2024-01-15\nlang: fr\n"
        "translation_of: writing-a-cv\ntags: [cv]\n---\n\n"
        "Une page suffit.\n",
    ),
    Twin(
        "posts/interviews/index.md",
        "posts/interviews/",
        "en",
        "---\ntitle: Interviews\ndate: 2023-12-01\ntags: [career, interviews]\n"
        "---\n\nBreathe.\n",
    ),
    Twin(
        "posts/mentorat/index.md",
        "fr/posts/mentorat/",
        "fr",
        "---\ntitle: Le mentorat\ndate: 2023-11-20\nlang: fr\ntags: [career]\n"
        "---\n\nTrouvez un mentor.\n",
    ),
)
# Each post's translation, by address.
TWINS = {
    "posts/salary/": "fr/posts/salary/",
    "posts/first-job/": "fr/posts/premier-emploi/",
    "posts/writing-a-cv/": "fr/posts/rediger-un-cv/",
}
ABOUT = "---\ntitle: About\ndescription: Who writes here.\n---\n\nMe.\n"


def write_bilingual(content: Path) -> Path:
    """Write the bilingual blog under `content`; return `content`."""
    for post in POSTS:
        write(content / post.source, post.text)
    write(content / "posts/salary/cover.png", cover_png())
    write(content / "pages/about.md", ABOUT)
    return content
