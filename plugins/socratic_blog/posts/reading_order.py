"""Reading order: posts and pages are read in their paths' order, every build.

Pelican lists a generator's files as a set, whose order follows Python's
string hashes, which change with every process. Posts of the same date then
came out in another order from one build to the next: other neighbours,
another order on the lists, the pages rewritten for nothing. Reading in the
paths' order keeps ties in one order, the same on every machine.
"""

from __future__ import annotations

from pelican.generators import ArticlesGenerator, PagesGenerator


def read_in_path_order(generator) -> None:
    """List a post or page generator's files sorted (a generator_init handler)."""
    if not isinstance(generator, ArticlesGenerator | PagesGenerator):
        return  # the static files are merged as a set, in no order that shows
    listed = generator.get_files

    def get_files(paths, exclude=None, extensions=None) -> list[str]:
        """Pelican's list of files, in path order."""
        return sorted(listed(paths, exclude=exclude, extensions=extensions))

    generator.get_files = get_files
