"""The fixture blog: a few posts whose titles, dates, tags and headings are known.

Tests build it (`write_content`) instead of the real posts in content/, so a
post added to, edited in or removed from the blog never breaks a test. Each
post is here for what it exercises, said in its docstring-like comment.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from tests.support.fixture_files import cover_png, write

ROOT = Path(__file__).resolve().parents[2]
COVER = "images/cover.png"
AUTHOR = "socraticDev"


@dataclass(frozen=True)
class Post:
    """One fixture post: its folder (and slug), front matter and Markdown body."""

    slug: str
    title: str
    date: str
    tags: tuple[str, ...]
    body: str
    cover: bool = False
    description: str | None = None

    @property
    def url(self) -> str:
        """The post's address in a site built with the development settings."""
        return f"/posts/{self.slug}/"

    @property
    def page(self) -> str:
        """The post's file in the output folder."""
        return f"posts/{self.slug}/index.html"

    def source(self) -> str:
        """The post's index.md, as an author would write it."""
        lines = ["---", f'title: "{self.title}"', f"date: {self.date}"]
        if self.description:
            lines.append(f'description: "{self.description}"')
        if self.cover:
            lines.append(f"image: ../../{COVER}")
        lines += ["tags:", *(f"  - {tag}" for tag in self.tags), "---", ""]
        return "\n".join(lines) + "\n" + self.body


# A long guide with a cover, nested sections, a list, a callout and curly quotes.
# test_browser.py measures the first line of its first paragraph (60 to 75
# characters at 768 and 1440 px): reword that sentence with care.
JOB_HUNT = Post(
    slug="job-hunt",
    title="so you are #lookingforwork?",
    date="2024-03-09",
    tags=("career",),
    cover=True,
    body="""\
Looking for a developer job takes longer than you think, and it is a slow \
start: nothing seems to happen for weeks while you send applications and \
wait for answers. It's harder than it was a few years ago, but a plan helps.

### divide and conquer

Split the search into small steps you can finish in a day: update the resume, \
pick ten companies, write to two people you know, practise one interview question.

### secure an interview

Most interviews come from a person, not from a form. Ask for an introduction \
before you apply, and say in one sentence why the team should talk to you.

#### their objectives are diverse

A recruiter fills a role, a manager needs help next month, and an engineer wants \
a colleague who explains their choices. Speak to each of them.

#### your interview went well if

- they told you about the next step:
  - a second interview
  - a small exercise
- you asked a question of your own

### keep a log

Write down every application, every answer and every follow-up. A log turns a \
long wait into a list of things to do next.

```information
written for the tests of this blog:
  - it never changes with the real posts
  - it shows every feature a reader meets
```

Good luck, and keep going.
""",
)

# Code: quotes stay straight inside it, and a long line scrolls inside its block.
LIVE_CODING = Post(
    slug="live-coding",
    title="practise live coding out loud",
    date="2024-06-15",
    tags=("career", "interviews"),
    body='''\
Live coding is a skill you can practise like any other. Say what you think \
while you type, and the interviewer can follow you.

### warm up

Solve one small problem every morning, out loud.

### talk through a solution

```python
def first_unique_char(text):
    """Return the first character that appears once, or an empty string."""
    counts = {}
    for char in text:
        counts[char] = counts.get(char, 0) + 1
    return next((char for char in text if counts[char] == 1), "")


assert first_unique_char("swiss") == "w"
```

### when you get stuck

Say what you tried and what you will try next.
''',
)

# A description in the front matter, three tags, no cover (it gets a card),
# and headings with apostrophes that the contents must typeset like the text.
SALARY_TALK = Post(
    slug="salary-talk",
    title="ask for a better offer",
    date="2024-09-07",
    tags=("career", "negotiation", "interviews"),
    description="How to ask for a better developer offer, calmly and politely.",
    body="""\
An offer is the start of a conversation. A short, polite answer can change your \
pay for years.

### know what you're worth

Look at what people in the same role and city earn.

### say the number first

A clear number anchors the talk.

### stop when it's fair

Thank them, and accept in writing.
""",
)

# An older post in another tag, with only two sections: no table of contents.
SIDE_PROJECTS = Post(
    slug="side-projects",
    title="side projects on weekends",
    date="2023-05-20",
    tags=("hobby",),
    body="""\
A small project you finish teaches more than a big one you abandon.

### pick something small

One evening, one feature.

### show it

Put it online with a short README.
""",
)

# Headings that read like the theme's own landmarks: their ids must not clash.
THEME_WORDS = Post(
    slug="theme-words",
    title="headings named like the page",
    date="2022-12-01",
    tags=("misc",),
    body="".join(
        f"## {heading}\n\nText.\n\n"
        for heading in (
            "Main",
            "Site main",
            "Filed under",
            "Related",
            "Share",
            "Toc",
            "Search",
        )
    ),
)

POSTS = (JOB_HUNT, LIVE_CODING, SALARY_TALK, SIDE_PROJECTS, THEME_WORDS)
NEWEST_FIRST = tuple(sorted(POSTS, key=lambda post: post.date, reverse=True))
TAGS = tuple(sorted({tag for post in POSTS for tag in post.tags}))

ABOUT = """\
---
title: "About"
date: 2024-03-01
description: "The author of the fixture blog, in one line."
---

I write the fixture blog the tests build.
"""


def write_content(content: Path, posts: tuple[Post, ...] = POSTS) -> Path:
    """Write the fixture blog into `content`: posts, the About page, the cover.

    The hosting files (content/extra: _headers, .nojekyll) are the real ones:
    they configure the host, and the tests check them against a built site.
    """
    for post in posts:
        write(content / "posts" / post.slug / "index.md", post.source())
    write(content / "pages" / "about.md", ABOUT)
    write(content / COVER, cover_png())
    shutil.copytree(ROOT / "content" / "extra", content / "extra", dirs_exist_ok=True)
    return content
