"""Put a finished build in place of output/: one rename, or a sync into a mount.

A rename swaps the whole tree at once. A folder that is a mount point (a
Docker bind mount, say) cannot be renamed, so the build is synced into it
instead: changed files are replaced one by one, stale ones deleted.
"""

from __future__ import annotations

import errno
import filecmp
import os
import shutil
import signal
from pathlib import Path

from socratic_blog.api import display_path

STOP_SIGNALS = {signal.SIGINT, signal.SIGTERM}
# What rename says of a folder it cannot move but whose files can be written.
NOT_MOVABLE = {errno.EBUSY, errno.EXDEV, errno.EPERM, errno.EACCES}


class OutputNotWritable(Exception):
    """The output folder cannot take the new build; the message says how to fix it."""


def swap_in(staging: Path, output: Path, spare: Path) -> None:
    """Replace `output` with `staging`; the old tree becomes the next build's spare."""
    shutil.rmtree(spare, ignore_errors=True)
    # Ctrl-C or SIGTERM between the two renames would leave no output/ at all.
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
    try:
        try:
            if output.exists():
                output.rename(spare)
        except OSError as error:
            if error.errno not in NOT_MOVABLE:
                raise not_writable(output, error) from None
            sync_into(staging, output)
            return
        staging.rename(output)
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)


def sync_into(staging: Path, output: Path) -> None:
    """Make `output` hold exactly what `staging` holds, then delete `staging`."""
    try:
        for folder, _, files in os.walk(staging):
            target = output / Path(folder).relative_to(staging)
            target.mkdir(exist_ok=True)
            for name in files:
                source, copy = Path(folder, name), target / name
                if not (copy.is_file() and filecmp.cmp(source, copy, shallow=False)):
                    shutil.copyfile(source, copy)
        delete_stale(staging, output)
    except OSError as error:
        raise not_writable(output, error) from None
    shutil.rmtree(staging, ignore_errors=True)


def delete_stale(staging: Path, output: Path) -> None:
    """Delete what `output` holds that `staging` does not."""
    for folder, folders, files in os.walk(output, topdown=False):
        wanted = staging / Path(folder).relative_to(output)
        for name in files:
            if not (wanted / name).is_file():
                Path(folder, name).unlink()
        for name in folders:
            if not (wanted / name).is_dir():
                shutil.rmtree(Path(folder, name))


def not_writable(output: Path, error: OSError) -> OutputNotWritable:
    """Say in one line that `output` cannot be written, and what to do."""
    reason = os.strerror(error.errno) if error.errno else str(error)
    return OutputNotWritable(
        f"{display_path(output)}/ cannot be replaced ({reason}); make it writable,"
        " or build into another folder with OUTPUT_PATH in pelicanconf.py"
    )
