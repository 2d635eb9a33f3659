"""The one error type a content mistake raises, printed as one line."""

from __future__ import annotations

import os
from pathlib import Path


def display_path(path: str | os.PathLike) -> str:
    """Return `path` relative to the working directory when it lies below it."""
    path = Path(path)
    try:
        resolved = path.resolve()
    except RuntimeError:  # a link in a loop: named where it sits
        resolved = path.parent.resolve() / path.name
    try:
        return resolved.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return path.as_posix()


class ContentError(Exception):
    """A mistake in a content file that the author can fix."""

    def __init__(
        self, path: str | os.PathLike, problem: str, fix: str, line: int | None = None
    ):
        """Record where the mistake is, what it is and how to fix it."""
        self.path = path
        self.line = line
        self.problem = problem
        self.fix = fix
        super().__init__(str(self))

    def __str__(self) -> str:
        """Render as `file:line: problem; fix`, on one line."""
        where = display_path(self.path)
        if self.line is not None:
            where = f"{where}:{self.line}"
        text = f"{where}: {self.problem}; {self.fix}"
        return " ".join(text.split())


class ContentErrors(ContentError):
    """Several mistakes found in one pass, so the author fixes them all at once."""

    def __init__(self, errors: list[ContentError]):
        """Keep every mistake, in the order found."""
        self.errors = errors
        first = errors[0]
        super().__init__(first.path, first.problem, first.fix, first.line)

    def __str__(self) -> str:
        """Render one line per mistake."""
        return "\n".join(ContentError.__str__(error) for error in self.errors)

    def lines(self) -> list[str]:
        """Return one line per mistake."""
        return [str(error) for error in self.errors]


def raise_all(errors: list[ContentError]) -> None:
    """Raise the one mistake found, or all of them together; nothing if none."""
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise ContentErrors(errors)
