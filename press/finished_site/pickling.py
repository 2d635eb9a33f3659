"""The saved site's pickle: values the next build makes named, posts and tags numbered.

A post is saved as a number, its fields in a later part of the pickle, a
tag, category or author as its place in a table saved first; each part
starts with an empty memo. So pickling never follows neighbour links down
the whole site, and the memo never holds more than a few hundred posts'
values (one memo for the whole site took 26 MB over the build's own peak at
5,000 posts).
"""

from __future__ import annotations

import pickle

from pelican.contents import Content
from pelican.urlwrappers import URLWrapper

# Values never named: saved as they are.
PLAIN = (str, int, float, bool, type(None), bytes)
# Posts whose fields one part of the pickle holds; how deep tags are looked for.
BATCH = 256
WRAPPER_DEPTH = 2


class Unsaved(Exception):
    """The saved site cannot stand for this build: a full build runs."""


class SitePickler(pickle.Pickler):
    """Pickle a site: named values by name, posts and tags by number, in batches.

    A post is saved as a number (its fields in a later batch), a tag, category
    or author as its place in a table saved first: each batch then starts with
    an empty memo, which holds no more than a few hundred posts' values.
    """

    def __init__(self, file, named: dict[int, tuple]):
        """Pickle into `file`, naming the values `named` holds by identity."""
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        # What each named value, numbered post and tag is saved as, by identity.
        self.known = dict(named)
        self.posts: list[Content] = []
        self.kinds: dict[type, bool] = {}  # whether a type is a post's

    def persistent_id(self, obj):
        """Name a value the next build makes again; number a post or a tag."""
        found = self.known.get(id(obj))
        if found is not None:
            return found
        kind = type(obj)
        post = self.kinds.get(kind)
        if post is None:
            post = self.kinds[kind] = issubclass(kind, Content)
        if not post:
            return None
        found = self.known[id(obj)] = ("post", len(self.posts), kind)
        self.posts.append(obj)
        return found

    def part(self, value) -> None:
        """Pickle one part of the site, then forget it (each part is read afresh)."""
        self.dump(value)
        self.clear_memo()

    def dump_site(self, header: dict, wrappers: list, state: dict) -> None:
        """Pickle the header, the tags' table, the state, then the posts' fields."""
        self.part(header)
        self.part(wrappers)
        self.known.update(
            (id(wrapper), ("wrapper", number))
            for number, wrapper in enumerate(wrappers)
        )
        self.part(state)
        done = 0
        while done < len(self.posts):
            batch = self.posts[done : done + BATCH]
            self.part((done, [vars(post) for post in batch]))
            done += len(batch)
        self.part(None)


class PartUnpickler(pickle.Unpickler):
    """Read one part of a saved site, with an empty memo, as it was pickled."""

    def __init__(self, file, site: SiteUnpickler):
        """Read from `file`; `site` knows the names, posts and tags."""
        super().__init__(file)
        self.site = site

    def persistent_load(self, pid):
        """Return what the site's reader finds for this name."""
        return self.site.found(pid)


class SiteUnpickler:
    """Read a saved site part by part, its named values taken from this build."""

    def __init__(self, file, named: dict[tuple, object]):
        """Read from `file`, the values named by `named`."""
        self.file = file
        self.named = named
        self.posts: dict[int, Content] = {}
        self.wrappers: list = []

    def part(self):
        """Read the next part of the site."""
        return PartUnpickler(self.file, self).load()

    def found(self, pid):
        """Return this build's value for a name, or the numbered post or tag."""
        if (
            pid[0] == "post"
            and isinstance(pid[2], type)
            and issubclass(pid[2], Content)
        ):
            number, kind = pid[1], pid[2]
            if number not in self.posts:
                self.posts[number] = kind.__new__(kind)  # its fields come later
            return self.posts[number]
        if pid[0] == "wrapper":
            return self.wrappers[pid[1]]
        try:
            return self.named[tuple(pid)]
        except KeyError:
            raise Unsaved(f"no value named {pid!r}") from None

    def load_site(self) -> dict:
        """Read the tags' table, the state and the posts' fields (the header read)."""
        self.wrappers = self.part()
        state = self.part()
        while (batch := self.part()) is not None:
            first, fields = batch
            for number, found in enumerate(fields, first):
                self.posts[number].__dict__.update(found)
        return state


def wrappers_in(values, posts: list) -> list[URLWrapper]:
    """Find the tags, categories and authors in values and posts' fields, nearby."""
    found: dict[int, URLWrapper] = {}
    seen: set[int] = set()  # containers walked (posts share the context's lists)
    waiting = [(value, 0) for value in values]
    waiting += [
        (value, 1)
        for post in posts
        for value in vars(post).values()
        if type(value) is list or isinstance(value, URLWrapper)  # tags, an author
    ]
    while waiting:
        value, depth = waiting.pop()
        if isinstance(value, URLWrapper):
            found.setdefault(id(value), value)
        elif depth < WRAPPER_DEPTH and isinstance(value, list | tuple | dict):
            if id(value) in seen:
                continue
            seen.add(id(value))
            items = value.items() if isinstance(value, dict) else [value]
            waiting.extend((item, depth + 1) for pair in items for item in pair)
    return list(found.values())
