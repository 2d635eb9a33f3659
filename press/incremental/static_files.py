"""Static files, reused (hard-linked) from output/ when their source did not change."""

from __future__ import annotations

import contextlib
import fnmatch
import os
import shutil
from pathlib import Path

from pelican.generators import StaticGenerator

from .reuse import OutputReuse

# Static files the plugin never rewrites in place: safe to share with output/.
# Text files (_headers, style sheets) are copied: handlers rewrite some of them.
MEDIA = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg", ".ico", ".pdf"}
MEDIA |= {".woff", ".woff2", ".mp4", ".webm", ".mp3"}


class ReusingStatic(StaticGenerator):
    """Pelican's static files, linked from output/ when their source is unchanged."""

    reuse: OutputReuse | None = None

    def generate_output(self, writer):
        """Render the pages the writer queued, then place the static files."""
        if hasattr(writer, "flush"):
            writer.flush()  # this generator runs last: every page is queued
        ignores = self.settings["IGNORE_FILES"]
        theme_dir = Path(self.output_path, self.settings["THEME_STATIC_DIR"])
        for path in self.settings["THEME_STATIC_PATHS"]:
            source = Path(self.theme, path)
            if source.is_file():
                self.place(source, theme_dir / source.name)
            for folder, folders, files in os.walk(source, followlinks=True):
                folders[:] = [d for d in folders if not ignored(d, ignores)]
                for name in files:
                    if not ignored(name, ignores):
                        file = Path(folder, name)
                        self.place(file, theme_dir / file.relative_to(source))
        for static in self.context["staticfiles"]:
            self.place(
                Path(self.path, static.source_path),
                Path(self.output_path, static.save_as),
            )

    def place(self, source: Path, staged: Path) -> None:
        """Link output/'s copy of an unchanged media file; copy anything else."""
        name = staged.relative_to(self.output_path).as_posix()
        status = source.stat()
        key = f"static:{status.st_size}:{status.st_mtime_ns}"
        reuse = self.reuse
        shareable = reuse is not None and source.suffix.lower() in MEDIA
        if shareable and reuse.share_if_recorded(staged, name, key):
            reuse.reused += 1
            return
        staged.parent.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(FileNotFoundError):
            staged.unlink()
        shutil.copyfile(source, staged)


def ignored(name: str, patterns: list[str]) -> bool:
    """Tell whether IGNORE_FILES leaves this file or folder out."""
    return any(fnmatch.fnmatch(name, pattern) for pattern in patterns)
