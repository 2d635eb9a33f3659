"""The content cache's folder, named by a hash of everything that shapes a post.

Pelican's content cache keeps what the reader made of each file and reuses it
while the file is unchanged. It does not notice when the plugin's code, the
settings or a library change, and would serve the old HTML. So each build uses
the folder named by its cache key, a hash of those inputs: change any of them
and the build starts from an empty cache. The theme is not an input: the cache holds
what the reader made, and every page is rendered from the templates anew.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
import sys
from importlib import metadata
from pathlib import Path

from socratic_blog.api import (
    PLUGIN_CODE_DIGEST,
    file_digest,
    folder_digest,
    write_text_whole,
)

# Cache folders left besides the current one: switching between the development
# and production settings should not empty the cache each time.
SPARE_FOLDERS = 3
# What each cache file held when the last good build ended.
SEAL = ".sealed.json"
# The output records (output_record.py) and the saved sites (press/finished_site)
# share the folder; they are not sealed.
RECORD_PREFIX = "written-"
SAVED_SITE_PREFIX = "saved-site-"
# The installed libraries, as last listed, beside the cache folders.
LIBRARIES = "libraries.json"
# What the metadata of an installed distribution is named.
METADATA = (".dist-info", ".egg-info", ".egg", ".egg-link")
# A wheel's metadata folder: `name-version.dist-info` (a version starts with a digit).
WHEEL_FOLDER = re.compile(r"^(.+?)-(\d[^-]*)\.dist-info$")
# Settings that say where files go, not what a post becomes.
PLACES = ("CACHE_PATH", "OUTPUT_PATH")


def cache_key(settings: dict) -> str:
    """Hash the plugin's code, the settings, the libraries and the covers."""
    digest = hashlib.sha256()
    installed = known_libraries(Path(settings["CACHE_PATH"]))
    texts = [settings_text(settings), installed, assets_digest(settings)]
    for part in [*(text.encode() for text in texts), loaded_plugin().encode()]:
        digest.update(part)
        digest.update(b"\0")
    return digest.hexdigest()[:16]


def settings_text(settings: dict) -> str:
    """Serialise the settings stably (objects by their repr)."""
    shaping = {key: value for key, value in settings.items() if key not in PLACES}
    return json.dumps(shaping, sort_keys=True, default=repr)


def libraries() -> str:
    """Name the Python version and every installed distribution's version.

    A wheel's metadata folder is named `name-version.dist-info`, which says
    both; other metadata (an egg's, a zip's) is read, twenty times as slow.
    """
    # A set: a distribution is listed once per sys.path entry that holds it.
    names = set()
    for entry in sys.path:
        try:
            found = os.listdir(entry or ".")
        except NotADirectoryError:
            names |= {named(dist) for dist in metadata.distributions(path=[entry])}
            continue
        except OSError:
            continue
        for name in found:
            if wheel := WHEEL_FOLDER.match(name):
                names.add(f"{wheel[1].lower().replace('-', '_')}=={wheel[2]}")
            elif name.endswith(METADATA):
                path = Path(entry or ".") / name
                names.add(named(metadata.Distribution.at(path)))
    return "\n".join([sys.version, *sorted(names)])


def named(dist: metadata.Distribution) -> str:
    """Read `name==version` from a distribution's metadata."""
    name = (dist.metadata["Name"] or "").lower().replace("-", "_")
    return f"{name}=={dist.version}"


def library_folders() -> list:
    """Stamp the distributions' metadata in each folder Python finds them in.

    Installing, upgrading or removing a distribution adds, renames or removes
    its metadata, or rewrites its metadata file: any of these changes a stamp.
    """
    stamps: list = [sys.version]
    for entry in sys.path:
        folder = Path(entry or ".")
        try:
            names = sorted(n for n in os.listdir(folder) if n.endswith(METADATA))
        except NotADirectoryError:
            status = folder.stat()
            stamps.append([entry, status.st_size, status.st_mtime_ns])
            continue
        except OSError:
            stamps.append([entry, None])
            continue
        stamps.append([entry, [[n, metadata_stamp(folder / n)] for n in names]])
    return stamps


def metadata_stamp(path: Path) -> list | None:
    """Stamp a distribution's metadata folder (its metadata file) or file."""
    for file in (path / "METADATA", path / "PKG-INFO", path):
        with contextlib.suppress(OSError):
            status = file.stat()
            return [status.st_size, status.st_mtime_ns, status.st_ctime_ns]
    return None


def known_libraries(root: Path) -> str:
    """Return `libraries()`, remembered in `root` while no library folder changed."""
    record = root / LIBRARIES
    folders = library_folders()
    with contextlib.suppress(OSError, ValueError, TypeError, KeyError):
        known = json.loads(record.read_text(encoding="utf-8"))
        if known["folders"] == folders and isinstance(known["libraries"], str):
            return known["libraries"]
    found = libraries()
    with contextlib.suppress(OSError):
        root.mkdir(parents=True, exist_ok=True)
        write_text_whole(record, json.dumps({"folders": folders, "libraries": found}))
    return found


def loaded_plugin() -> str:
    """Return the hash of the plugin's code as this build loaded it.

    Only the plugin shapes what the reader makes of a post: the tooling around
    it (this package, the checks) never does, so editing it keeps the cache.
    """
    return PLUGIN_CODE_DIGEST


def assets_digest(settings: dict) -> str:
    """Hash the content's non-Markdown files by their bytes: posts measure covers.

    The bytes, not the modification time: a fresh checkout (a deploy) gives
    every file a new time, and would never find the cache it restored.
    """
    return folder_digest(Path(settings["PATH"]), is_asset)


def is_asset(path: Path) -> bool:
    """Tell whether a file of content/ counts: not a post's text, nor an editor's."""
    # Editor swap and backup files come and go while the author types.
    name = path.name
    return not (name.endswith((".md", ".markdown", "~")) or name.startswith("."))


def cache_folder(settings: dict, key: str) -> Path:
    """Return the cache folder for cache key `key`, dropping all but the latest."""
    root = Path(settings["CACHE_PATH"])
    folder = root / key
    folder.mkdir(parents=True, exist_ok=True)
    os.utime(folder)
    others = sorted(
        (path for path in root.iterdir() if path.is_dir() and path != folder),
        key=lambda path: path.stat().st_mtime,
        reverse=True,
    )
    for stale in others[SPARE_FOLDERS:]:
        shutil.rmtree(stale, ignore_errors=True)
    return folder


def cache_files(folder: Path) -> dict[str, str]:
    """Map each of Pelican's cache files in `folder` to the hash of its bytes.

    The output record beside them is written whole after the seal, by the
    build that ends: taking it for a damaged cache file would drop it each
    time, and every page would be rendered again.
    """
    return {
        path.name: file_digest(path)
        for path in sorted(folder.iterdir())
        if path.is_file()
        and not path.name.startswith((SEAL, RECORD_PREFIX, SAVED_SITE_PREFIX))
    }


def seal(folder: Path) -> None:
    """Record the cache files a finished build left, to know them again next time."""
    write_text_whole(folder / SEAL, json.dumps(cache_files(folder)))


def drop_damaged(folder: Path) -> list[Path]:
    """Delete cache files that changed since the last good build; return them.

    Pelican stops on a cache file it cannot unpickle (a disk error, a build
    killed while writing it, a stray edit); a fresh read costs one cold build.
    """
    try:
        sealed = json.loads((folder / SEAL).read_text(encoding="utf-8"))
    except FileNotFoundError:  # a cache from before seals: start afresh, quietly
        for path in cache_files(folder):
            (folder / path).unlink()
        return []
    except (OSError, ValueError):
        sealed = {}
    if not isinstance(sealed, dict):
        sealed = {}
    damaged = [
        folder / name
        for name, digest in cache_files(folder).items()
        if sealed.get(name) != digest
    ]
    for path in damaged:
        path.unlink()
    return damaged
