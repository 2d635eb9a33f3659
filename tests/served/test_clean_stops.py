"""Ctrl-C or SIGTERM ends `invoke serve` in one line, leaving no folder or process.

Most stops come while a rebuild is caught half-written (the pause_mid_build
fixture plugin), so its staging folder exists; others while the search index
a page asked for is being written. `invoke serve` runs in a pseudo-terminal, as
an author runs it; Ctrl-C is SIGINT to its process group, as a terminal
sends it.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from site_checks.nginx import free_port
from tests.support.builds import edit
from tests.support.fixture_blog import JOB_HUNT
from tests.support.serving import answers

pytestmark = [pytest.mark.server, pytest.mark.slow]

TRIES = int(os.environ.get("STOP_TRIES", "10"))
INDEXING_TRIES = 3
WAIT_SECONDS = 60
POST = f"content/posts/{JOB_HUNT.slug}/index.md"


class Terminal:
    """`invoke serve` in a pseudo-terminal, what it prints collected."""

    def __init__(self, project, marker: Path):
        """Start serving the project; each build pauses while `marker` exists."""
        self.port = free_port()
        primary, secondary = os.openpty()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "invoke", "serve", "--port", str(self.port)],
            cwd=project.root,
            env=project.environment(PAUSE_MID_BUILD=str(marker)),
            stdin=secondary,
            stdout=secondary,
            stderr=secondary,
            start_new_session=True,
        )
        os.close(secondary)
        self.printed = bytearray()
        self.reader = threading.Thread(target=self.read, args=(primary,), daemon=True)
        self.reader.start()

    def read(self, primary: int) -> None:
        """Collect the output until the terminal closes."""
        try:
            while chunk := os.read(primary, 4096):
                self.printed += chunk
        except OSError:  # the last process holding the terminal ended
            pass
        finally:
            os.close(primary)

    def text(self) -> str:
        """What the preview printed so far."""
        return self.printed.decode(errors="replace").replace("\r\n", "\n")


def wait_for(check, what: str, process) -> None:
    deadline = time.monotonic() + WAIT_SECONDS
    while not check():
        assert process.poll() is None, f"serve ended before {what}"
        assert time.monotonic() < deadline, f"never {what}"
        time.sleep(0.05)


def in_session(session: int) -> list[str]:
    """List the processes still in a session, by their command lines."""
    left = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[3]) == session:
                left.append(stat.with_name("cmdline").read_bytes().decode())
        except (OSError, IndexError, ValueError):
            continue
    return left


def left_folders(project) -> list[str]:
    """Staging and index folders beside output/."""
    beside = [*project.root.glob(".output.*"), *project.root.glob(".output-index.*")]
    return sorted(path.name for path in beside if path.is_dir())


def index_folders(project) -> list[Path]:
    """The search index folders the preview is writing."""
    return [path for path in project.root.glob(".output-index.*") if path.is_dir()]


def during_a_rebuild(project, marker: Path, process, url: str) -> None:
    """Edit a post; return once its rebuild is half-written."""
    edit(project.root / POST, "divide and", "divide, and")
    wait_for(marker.exists, "paused the rebuild", process)
    assert list(project.root.glob(".output.*")), "the rebuild has no staging folder"


def during_indexing(project, marker: Path, process, url: str) -> None:
    """Open the search (its request waits); return once the index is being written."""
    index = url + "pagefind/pagefind-entry.json"
    threading.Thread(target=answers, args=(index,), daemon=True).start()
    wait_for(lambda: index_folders(project), "began indexing", process)


def stop_served(project, marker: Path, stop, moment) -> tuple[str, list[str]]:
    """Serve, stop at the `moment`; say what was printed after, and what is left.

    The first build pauses after its first page (the test lets it go on).
    """
    terminal = Terminal(project, marker)
    process = terminal.process
    try:
        wait_for(marker.exists, "began the first build", process)
        marker.unlink()
        url = f"http://127.0.0.1:{terminal.port}/"
        wait_for(lambda: answers(url), "answered", process)
        moment(project, marker, process, url)
        time.sleep(0.2)  # what was printed so far reaches the terminal
        before = len(terminal.text())
        stop(process)
        process.wait(timeout=WAIT_SECONDS)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        marker.unlink(missing_ok=True)
    deadline = time.monotonic() + 10
    while in_session(process.pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    terminal.reader.join(10)
    if "divide, and" in (project.root / POST).read_text(encoding="utf-8"):
        edit(project.root / POST, "divide, and", "divide and")
    return terminal.text()[before:], in_session(process.pid)


@pytest.fixture
def paused_project(project):
    """The project, whose every build pauses after its first page when told to."""
    project.add_plugin("pause_mid_build")
    return project


def ctrl_c(process) -> None:
    """Press Ctrl-C: the terminal sends SIGINT to the whole process group."""
    os.killpg(process.pid, signal.SIGINT)


def sigterm(process) -> None:
    """`kill -TERM` the preview's process, as a service manager would."""
    process.send_signal(signal.SIGTERM)


@pytest.mark.parametrize("stop", [ctrl_c, sigterm])
def test_a_stop_during_a_rebuild_ends_in_one_line_and_leaves_nothing(
    paused_project, tmp_path, stop
):
    marker = tmp_path / "paused"
    for attempt in range(TRIES):
        printed, processes = stop_served(paused_project, marker, stop, during_a_rebuild)
        assert "Traceback" not in printed, (attempt, printed)
        assert printed.strip() == "stopped", (attempt, printed)
        assert processes == [], (attempt, processes)
        assert left_folders(paused_project) == [], attempt


@pytest.mark.parametrize("stop", [ctrl_c, sigterm])
def test_a_stop_during_indexing_leaves_no_index_folder(paused_project, tmp_path, stop):
    marker = tmp_path / "paused"
    for attempt in range(INDEXING_TRIES):
        printed, processes = stop_served(paused_project, marker, stop, during_indexing)
        assert printed.strip() == "stopped", (attempt, printed)
        assert processes == [], (attempt, processes)
        assert left_folders(paused_project) == [], attempt
