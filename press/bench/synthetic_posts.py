"""Synthetic career guides for the build benchmark: same text, two front matters."""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass
from pathlib import Path

TAG_POOL = [
    "career", "interviews", "resume", "salary", "remote work", "learning",
    "open source", "networking", "linkedin", "job search", "negotiation",
    "onboarding", "promotion", "management", "freelance", "startups",
    "big tech", "portfolio", "soft skills", "burnout", "productivity",
    "mentoring", "public speaking", "writing", "python", "javascript",
    "go", "rust", "java", "devops", "cloud", "testing", "security",
    "databases", "frontend", "backend", "mobile", "data science",
    "machine learning", "system design", "algorithms", "code review",
    "pair programming", "hiring", "culture", "layoffs", "relocation",
    "visas", "certifications", "side projects",
]  # fmt: skip
WORDS = [
    "developer", "interview", "offer", "recruiter", "team", "company", "role",
    "salary", "manager", "project", "skill", "experience", "question", "answer",
    "code", "review", "system", "design", "feedback", "career", "growth",
    "learning", "market", "remote", "office", "contract", "process", "candidate",
    "hiring", "week", "month", "year", "problem", "solution", "example", "story",
    "result", "impact", "colleague", "mentor", "engineer", "product", "customer",
    "deadline", "release", "budget", "plan", "goal", "habit", "practice", "routine",
    "application", "portfolio", "network",
]  # fmt: skip
PHRASES = (
    "it's easier than it looks",
    'the "perfect" candidate',
    "your next step -- and the one after",
    "don't wait for the recruiter...",
    "a 30-minute call",
    "the team's real problem",
)
CODE = '''```python
def {name}(items: list[str]) -> dict[str, int]:
    """Count how often each item appears."""
    counts: dict[str, int] = {{}}
    for item in items:
        counts[item] = counts.get(item, 0) + 1
    return counts


print({name}(["offer", "interview", "offer"]))
```'''
CALLOUT = """```information
{sentence}
  - {item_a}
  - {item_b}
```"""


@dataclass(frozen=True)
class SyntheticPost:
    """One generated guide: its slug, fields and Markdown body."""

    slug: str
    title: str
    date: datetime.date
    tags: tuple[str, ...]
    body: str

    def yaml_source(self) -> str:
        """Return the post with YAML front matter, as this blog writes posts."""
        tags = "".join(f"  - {tag}\n" for tag in self.tags)
        return (
            f'---\ntitle: "{self.title}"\ndate: {self.date.isoformat()}\n'
            f'author: "socraticDev"\ntags:\n{tags}---\n\n{self.body}'
        )

    def pelican_source(self) -> str:
        """Return the post with Pelican's native Markdown metadata."""
        return (
            f"Title: {self.title}\nDate: {self.date.isoformat()}\n"
            f"Author: socraticDev\nTags: {', '.join(self.tags)}\n\n{self.body}"
        )


def sentence(rng: random.Random) -> str:
    """Return one sentence of career-advice-shaped text."""
    words = rng.choices(WORDS, k=rng.randint(9, 18))
    if rng.random() < 0.35:
        words.insert(rng.randint(1, len(words) - 1), rng.choice(PHRASES))
    return " ".join(words).capitalize() + rng.choice([".", ".", ".", "?", "!"])


def paragraph(rng: random.Random) -> str:
    """Return a paragraph of four to six sentences."""
    return " ".join(sentence(rng) for _ in range(rng.randint(4, 6)))


def bullet_list(rng: random.Random) -> str:
    """Return a list whose second item holds a two-space nested list."""
    items = [f"- {sentence(rng)}" for _ in range(rng.randint(3, 5))]
    items[1] += "".join(f"\n  - {sentence(rng)}" for _ in range(2))
    return "\n".join(items)


def body(rng: random.Random, index: int) -> str:
    """Return a ~1,000-word guide: sections, lists, a code block and a callout."""
    blocks = [paragraph(rng)]
    for section in range(5):
        blocks.append(f"### {' '.join(rng.choices(WORDS, k=3))}")
        blocks.extend(paragraph(rng) for _ in range(2))
        if section == 1:
            blocks.append(bullet_list(rng))
        if section == 2:
            blocks.append(CODE.format(name=f"count_{index}"))
        if section == 3:
            blocks.append(
                CALLOUT.format(
                    sentence=sentence(rng), item_a=sentence(rng), item_b=sentence(rng)
                )
            )
    return "\n\n".join(blocks) + "\n"


def make_post(index: int, seed: int = 2024) -> SyntheticPost:
    """Return the `index`-th synthetic post (the same for the same seed)."""
    rng = random.Random(seed * 100_003 + index)
    title = f"guide {index}: {' '.join(rng.choices(WORDS, k=4))}"
    date = datetime.date(2020, 1, 1) + datetime.timedelta(days=index % 1800)
    tags = tuple(rng.sample(TAG_POOL, k=rng.randint(2, 4)))
    return SyntheticPost(f"guide-{index:05d}", title, date, tags, body(rng, index))


def write_posts(folder: Path, count: int, native: bool = False) -> list[Path]:
    """Write `count` posts as <slug>/index.md under `folder`; return their paths."""
    paths = []
    for index in range(count):
        post = make_post(index)
        path = folder / post.slug / "index.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        text = post.pelican_source() if native else post.yaml_source()
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths
