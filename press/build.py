"""Build the site into a staging folder and swap it in only when nothing failed."""

from __future__ import annotations

import logging
import shutil
import signal
import sys
import threading
import time
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pelican.settings import read_settings

from press.finished_site.quick_build import SavedSite
from press.incremental.content_cache import cache_folder, cache_key, drop_damaged
from press.incremental.fingerprints import RememberedFields
from press.incremental.output_record import WrittenRecord, record_path
from press.incremental.reuse import OutputReuse, build_base
from press.incremental.run import IncrementalPelican
from press.output.search_index import carry_index, index_site, pages_per_index
from press.output.staging import (
    empty_trash,
    hold,
    release,
    share_unchanged,
    spare_of,
    take_staging,
)
from press.output.swap import OutputNotWritable, not_writable, swap_in
from press.progress import Progress, Unshown
from socratic_blog.api import ContentError, ContentErrors, display_path

INTERRUPTED = 130  # the shell's status for a command stopped by Ctrl-C
# Where a bug goes: the repository this build runs from has the tracker.
BUG_REPORTS = "the project's issue tracker"
DAMAGED_CACHE = "{} was damaged and is dropped: the posts it held are read again"


class BuildLog(logging.Handler):
    """Collect Pelican's errors as one-line messages and echo its warnings."""

    def __init__(self):
        """Start with no errors."""
        super().__init__(logging.WARNING)
        self.errors: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        """Keep errors for the summary; print warnings as they come."""
        error = record.exc_info[1] if record.exc_info else None
        if isinstance(error, ContentErrors):
            self.errors.extend(error.lines())
            return
        if record.levelno < logging.ERROR:
            warn(one_line(record))
        elif isinstance(error, Exception) and not isinstance(error, ContentError):
            # Pelican caught it (a reader's "Could not process"): still our bug.
            self.errors.append(bug_report(error, record.getMessage()))
        else:
            self.errors.append(one_line(record))


def warn(line: str) -> None:
    """Print a one-line warning; the build goes on."""
    print(f"warning: {line}", file=sys.stderr)


def one_line(record: logging.LogRecord) -> str:
    """Say what a log record reports in one line, without a traceback."""
    error = record.exc_info[1] if record.exc_info else None
    if isinstance(error, ContentError):
        return str(error)
    message = record.getMessage().splitlines()[0]
    if error is not None:
        detail = str(error).splitlines()[0] if str(error) else type(error).__name__
        message = f"{message}: {detail}"
    return message


def bug_report(error: Exception, during: str = "build failed") -> str:
    """Say that `error` is a bug of ours, not the content's: where to report it, why."""
    trace = "".join(traceback.format_exception(error)).rstrip()
    return (
        f"{during}: {type(error).__name__}: {error}; this is a bug in the"
        f" build, not a mistake in the content: please report it to {BUG_REPORTS}"
        f" with the traceback below\n{trace}"
    )


@contextmanager
def sigterm_interrupts() -> Iterator[None]:
    """Make SIGTERM stop the build as Ctrl-C does, so it can clean up after itself."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum, frame):
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def with_drafts(settings: dict) -> dict:
    """Write drafts and scheduled posts too, at the addresses they will have."""
    return {
        **settings,
        "DRAFT_SAVE_AS": settings["ARTICLE_SAVE_AS"],
        "DRAFT_LANG_SAVE_AS": settings["ARTICLE_LANG_SAVE_AS"],
        "DRAFT_PAGE_SAVE_AS": settings["PAGE_SAVE_AS"],
    }


def prepared(
    settings_file: Path, overrides: dict | None, drafts: bool, check: bool = True
) -> tuple[dict, str]:
    """Read the settings a build runs with, and its cache key (the cache `check`ed)."""
    settings = read_settings(str(settings_file), override=overrides or {})
    if drafts:
        settings = with_drafts(settings)
    key = cache_key(settings)
    if settings["CACHE_CONTENT"]:
        cache = cache_folder(settings, key)
        for damaged in drop_damaged(cache) if check else ():
            warn(DAMAGED_CACHE.format(display_path(damaged)))
        settings["CACHE_PATH"] = str(cache)
    return settings, key


def build(  # noqa: PLR0913 - the preview's and the command's own options
    settings_file: Path,
    overrides: dict | None = None,
    drafts: bool = False,
    progress: Progress | None = None,
    remembered: RememberedFields | None = None,
    *,
    saved: bool = False,
) -> list[str]:
    """Build the site; return the errors (empty when the new output is in place).

    `remembered` keeps what the render keys made of each post, for a later build
    in this process (the site model). `saved`: build text edits from the saved site.
    """
    settings, key = prepared(settings_file, overrides, drafts)
    output = Path(settings["OUTPUT_PATH"]).resolve()
    site = SavedSite(settings, build_base(settings, key), output, saved)
    if (written := site.quick_build()) is not None:
        (progress or Unshown()).from_saved_site(len(written))
        return []
    recorded = record_path(settings, output)
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        staging, trash = take_staging(output)
    except OSError as error:
        return [str(not_writable(output, error))]
    reuse = OutputReuse(output, WrittenRecord.load(recorded), key)
    reuse.remembered = remembered
    # Deleting the old output is slow file system work: it runs beside the build.
    emptying = threading.Thread(target=empty_trash, args=(trash,), daemon=True)
    emptying.start()
    with hold(staging), site.listening():
        errors = build_into(staging, settings, reuse, progress)
        emptying.join()
        if errors:
            shutil.rmtree(staging, ignore_errors=True)
            return errors
        share_unchanged(staging, output)
        staging.chmod(0o755)
        try:
            swap_in(staging, output, spare_of(output))
        except OutputNotWritable as error:
            shutil.rmtree(staging, ignore_errors=True)
            return [str(error)]
    WrittenRecord.of(output, reuse.keys).save(recorded)
    site.save()
    return []


def build_into(
    staging: Path,
    settings: dict,
    reuse: OutputReuse,
    progress: Progress | None = None,
    search: bool = True,
) -> list[str]:
    """Run Pelican (and the search index, if `search`) into `staging`; return errors."""
    settings.update(OUTPUT_PATH=str(staging), DEBUG=True, DELETE_OUTPUT_DIRECTORY=False)
    most = pages_per_index(settings)  # checked before the build it would fail
    if search and settings.get("SEARCH_INDEX") and isinstance(most, str):
        return [most]
    log = BuildLog()
    root = logging.getLogger()
    root.addHandler(log)
    try:
        reuse.errors = log.errors  # the writer's first pages wait for none
        pelican = IncrementalPelican(settings, reuse, progress)
        reuse.base = build_base(pelican.settings, reuse.base)
        pelican.run()
        if search and not log.errors and settings.get("SEARCH_INDEX"):
            index = index_site(staging, reuse.output, most)
            log.errors.extend(filter(None, [index]))
        elif search and settings.get("PREVIEW"):
            carry_index(staging, reuse.output)
        release(staging)
    except ContentErrors as errors:
        log.errors.extend(errors.lines())
    except ContentError as error:
        log.errors.append(str(error))
    except Exception as error:  # not the content: our code
        log.errors.append(bug_report(error))
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        root.removeHandler(log)
    return log.errors


def main(
    settings_file: str, overrides: dict | None = None, drafts: bool = False
) -> int:
    """Build, print a one-line result per problem, and return an exit status."""
    started = time.perf_counter()
    progress = Progress()
    try:
        with sigterm_interrupts():
            errors = build(Path(settings_file), overrides, drafts, progress, saved=True)
    except KeyboardInterrupt:
        progress.clear()
        print(
            "build interrupted: output/ holds the last complete build", file=sys.stderr
        )
        return INTERRUPTED
    if errors:
        progress.clear()
    else:
        progress.finish()
    for error in errors:
        print(f"error: {error}", file=sys.stderr)
    if errors:
        print("build failed: output/ was left as it was", file=sys.stderr)
        return 1
    print(f"built in {time.perf_counter() - started:.1f} s")
    return 0
