"""Read the posts the content cache lacks in parallel, one process per core.

Pelican reads each file in turn. Before the article and page generators read,
this forks workers that read the files whose cached reading is missing or
stale and hands their results to Pelican's content cache, from which the
generators then take them. A file whose reading fails or logs an error is left
to Pelican, which reports it as it always does.
"""

from __future__ import annotations

import logging
import os

from pelican.generators import ArticlesGenerator, PagesGenerator
from pelican.utils import file_suffix

from socratic_blog.api import (
    cacheable_metadata,
    caches_readings,
    file_stamp,
    store_reading,
)

from .pool import cores, fork_map

# Fewer stale files than this are read faster in turn than by forked workers.
WORTH_FORKING = 24
CHUNKS_PER_WORKER = 4


class ErrorSeen(logging.Handler):
    """Notice that something logged an error while a worker read a file."""

    def __init__(self):
        """Start having seen nothing."""
        super().__init__(logging.ERROR)
        self.seen = False

    def emit(self, record: logging.LogRecord) -> None:
        """Remember the error; Pelican reports it when it reads the file itself."""
        self.seen = True


def sources(generator) -> list[str]:
    """List the absolute paths of the files a generator will read."""
    if isinstance(generator, ArticlesGenerator):
        paths, excludes = "ARTICLE_PATHS", "ARTICLE_EXCLUDES"
    else:
        paths, excludes = "PAGE_PATHS", "PAGE_EXCLUDES"
    files = generator.get_files(
        generator.settings[paths], exclude=generator.settings[excludes]
    )
    return [os.path.abspath(os.path.join(generator.path, name)) for name in files]


def read_chunk(readers, paths: list[str]) -> list[tuple]:
    """Read files in a worker: (path, stamp, (content, metadata)) for each good one."""
    watcher = ErrorSeen()
    logging.getLogger().addHandler(watcher)
    done = []
    for path in paths:
        watcher.seen = False
        try:
            stamp = file_stamp(readers, path)
            content, metadata = readers.readers[file_suffix(path)].read(path)
        except Exception:  # Pelican reads it again and says what is wrong
            continue
        if not watcher.seen:
            done.append((path, stamp, (content, cacheable_metadata(metadata))))
    return done


def read_ahead(generator) -> int:
    """Fill a generator's content cache in parallel; return how many files were read."""
    if not isinstance(generator, ArticlesGenerator | PagesGenerator):
        return 0
    readers = generator.readers
    if not caches_readings(readers) or cores() < 2:
        return 0
    stale = [
        path
        for path in sources(generator)
        if file_suffix(path) in readers.readers
        and readers.get_cached_data(path, None) is None
    ]
    if len(stale) < WORTH_FORKING:
        return 0
    workers = cores()
    size = max(1, len(stale) // (workers * CHUNKS_PER_WORKER))
    chunks = [stale[start : start + size] for start in range(0, len(stale), size)]
    read = 0
    for chunk in fork_map(read_chunk, chunks, readers):
        for path, stamp, reading in chunk:
            store_reading(readers, path, stamp, reading)
            read += 1
    return read
