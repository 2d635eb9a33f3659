"""Pelican's writer, rendering only the pages whose render key changed.

The writer holds each page until its flush, then computes its render key
(render_keys.py); when the record says output/ already holds that page, the
file is reused: hard-linked into the empty staging folder (reuse.py). The
others are rendered together, with the feeds (feeds.py), in parallel when
many (one whose bytes equal output/'s is linked too: it keeps its inode and
mtime). A page the site model shows first is rendered when claimed.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from pelican.paginator import Paginator
from pelican.plugins import signals
from pelican.utils import get_relative_path, path_to_url, sanitised_join
from pelican.writers import Writer

from press.progress import Progress, Unshown
from press.workers.render import render_all
from socratic_blog.api import claim_output

from .feeds import ReusingFeeds
from .render_keys import Digests, Unkeyable
from .reuse import OutputReuse
from .template_variables import ALL_VARIABLES, template_reads


class HeldPage(NamedTuple):
    """A page the writer holds until its flush: template, variables, place."""

    template: object
    own: dict
    context: dict
    name: str
    staged: Path


def page_variables(context: dict, name: str, kwargs: dict, relative: bool) -> dict:
    """Return what Pelican's writer sets for one page over the shared context."""
    own = {"localsiteurl": context.get("localsiteurl")}
    if relative:
        relative_url = path_to_url(get_relative_path(name))
        own["SITEURL"] = relative_url
        own["localsiteurl"] = relative_url
    own["output_file"] = name
    own.update(kwargs)
    return own


class ReusingWriter(ReusingFeeds, Writer):
    """Pelican's writer, rendering only pages whose render key changed."""

    def __init__(
        self,
        output_path,
        settings=None,
        reuse: OutputReuse | None = None,
        progress: Progress | None = None,
    ):
        """Write into the staging folder; `reuse` knows the live output."""
        super().__init__(output_path, settings=settings)
        self.reuse = reuse
        self.progress = progress or Unshown()
        self.digests = Digests(reuse.remembered if reuse is not None else None)
        # Each template's variables and the fields it reads of other posts.
        self.variables: dict[str, tuple] = {}
        # The pages claimed and the feeds' jobs, held until the flush (in order).
        self.pending: list[HeldPage | Callable[[], None]] = []
        self.shown_first: set[int] = set()  # held pages already rendered
        self.queue: list[Callable[[], None]] = []
        self.shared: dict[tuple, tuple] = {}
        # Relative URLs change what a post's links say on every page.
        self.keying = reuse is not None and not self.settings.get("RELATIVE_URLS")

    def claim(self, path: str, override: bool) -> bool:
        """Apply Pelican's rule on writing a file twice; False: skip this write."""
        return claim_output(self, path, override)

    def page_key(self, template, local: dict, context: dict, name: str) -> str | None:
        """Hash the base and every variable the template reads; None if unkeyable."""
        if not self.keying:
            return None
        if template.name not in self.variables:
            self.variables[template.name] = template_reads(
                template.environment, template.name
            )
        names, shown = self.variables[template.name]
        if names is ALL_VARIABLES:
            names = frozenset(local)
        # What every page shares (settings, the site's lists) is hashed once.
        shared = tuple(n for n in sorted(names) if n in local and n in context)
        shared = tuple(n for n in shared if local[n] is context[n])
        own = [n for n in sorted(names) if n not in shared]
        try:
            parts = [self.shared_key(template.name, shared, context, shown)]
            parts += [
                f"{n}={self.digests.page_variable(n, local.get(n, Ellipsis), shown)}"
                for n in own
            ]
        except Unkeyable:
            return None
        text = "\n".join([self.reuse.base, name, template.name, *parts])
        return hashlib.sha256(text.encode()).hexdigest()

    def shared_key(self, template_name: str, names: tuple, context: dict, shown) -> str:
        """Hash the shared variables a template reads, once per build."""
        values = tuple(context[n] for n in names)
        cached = self.shared.get((template_name, names))
        if cached is not None and all(
            a is b for a, b in zip(cached[0], values, strict=True)
        ):
            return cached[1]
        text = "\n".join(
            f"{n}={self.digests.page_variable(n, v, shown)}"
            for n, v in zip(names, values, strict=True)
        )
        digest = hashlib.sha256(text.encode()).hexdigest()
        self.shared[(template_name, names)] = (values, digest)
        return digest

    def write_file(  # noqa: PLR0913, PLR0917 - Pelican's signature
        self,
        name,
        template,
        context,
        relative_urls=False,
        paginated=None,
        template_name=None,
        override_output=False,
        url=None,
        **kwargs,
    ):
        """Write one page, or each page of a paginated list, as Pelican would."""
        if not name:
            return
        if paginated is None:
            paginated = {k: v for k, v in kwargs.items() if k in {"articles", "dates"}}
        if not (paginated and template_name in self.settings["PAGINATED_TEMPLATES"]):
            own = page_variables(context, name, kwargs, relative_urls)
            self.write_page(template, own, context, name, override_output)
            return
        per_page = (
            self.settings["PAGINATED_TEMPLATES"][template_name]
            or self.settings["DEFAULT_PAGINATION"]
        )
        paginators = {
            key: Paginator(name, url, value, self.settings, per_page)
            for key, value in paginated.items()
        }
        for number in range(next(iter(paginators.values())).num_pages):
            paged = kwargs.copy()
            for key, paginator in paginators.items():
                page = paginator.page(number + 1)
                last = number + 1 == paginator.num_pages
                paged[f"{key}_paginator"], paged[f"{key}_page"] = paginator, page
                paged[f"{key}_previous_page"] = (
                    paginator.page(number) if number else None
                )
                paged[f"{key}_next_page"] = None if last else paginator.page(number + 2)
            own = page_variables(context, page.save_as, paged, relative_urls)
            self.write_page(template, own, context, page.save_as, override_output)

    def write_page(self, template, own: dict, context: dict, name: str, override):
        """Claim a page's file; hold the page (its own variables), or show it first.

        Not a copy of the whole context: thousands would double the build's memory.
        """
        path = sanitised_join(self.output_path, name)
        if self.claim(path, override):
            page = HeldPage(template, own, context, name, Path(path))
            self.pending.append(page)
            first = self.reuse.first if self.reuse is not None else None
            if first and first.wanted(own):
                self.show_first(page, first)

    def settle(self, page: HeldPage, rendered: bool = False) -> None:
        """Reuse output/'s copy of a held page, or queue it (`rendered`: key only)."""
        template, own, context, name, staged = page
        key = self.page_key(template, {**context, **own}, context, name)
        reused = not rendered and key is not None
        reused = reused and self.reuse.keep_page_if_recorded(staged, name, key)
        self.progress.page_written(queued=not reused)
        if reused:
            self.reuse.reused += 1
            return
        if key is not None:
            self.reuse.keys[name] = key
        if not rendered:
            job = functools.partial(self.render, template, own, context, staged, name)
            self.queue.append(job)

    def render(self, template, own: dict, context: dict, staged: Path, name: str):
        """Render one page and put it in staging."""
        # Posts resolve their links against the page's URL, as Pelican does.
        if own["localsiteurl"]:
            context["localsiteurl"] = own["localsiteurl"]
        local = {**context, **own}
        self.place(staged, name, template.render(local).encode())

    def show_first(self, page: HeldPage, first) -> None:
        """Render a page the site model shows first, as soon as it is claimed."""
        template, own, context, name, staged = page
        address = context.get("localsiteurl")  # the shared context's, kept
        self.render(template, own, context, staged, name)
        context["localsiteurl"] = address
        self.shown_first.add(id(page))
        if not self.reuse.errors:
            first.placed([name])

    def flush(self) -> None:
        """Reuse or render the held pages, and render the held feeds; announce.

        The pages the site model showed first were rendered when claimed,
        before any key (a list's shared key walks every post): keys come now.
        """
        held, self.pending = self.pending, []
        pages = [page for page in held if isinstance(page, HeldPage)]
        done, self.shown_first = self.shown_first, set()
        for page in held:  # feeds' jobs held too: rendered in the order written
            if isinstance(page, HeldPage):
                self.settle(page, rendered=id(page) in done)
            else:
                self.queue.append(page)
        jobs, self.queue = self.queue, []
        render_all(jobs, self.progress.pages_rendered)
        if not signals.content_written.receivers:
            return
        for _, own, context, _, staged in pages:
            signals.content_written.send(str(staged), context={**context, **own})

    def place(self, staged: Path, name: str, data: bytes) -> None:
        """Put freshly made bytes in staging (linked when output/ has them)."""
        if self.reuse is None:
            staged.parent.mkdir(parents=True, exist_ok=True)
            staged.write_bytes(data)
            return
        self.reuse.rendered += 1
        if self.reuse.share_if_holds(staged, name, data):
            return
        staged.parent.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(FileNotFoundError):
            staged.unlink()
        staged.write_bytes(data)
