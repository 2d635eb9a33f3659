"""A build stopped half-way (Ctrl-C, SIGTERM, SIGKILL) leaves output/ as it was."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from press.output.staging import LOCK, hold
from tests.support.builds import build_blog, snapshot
from tests.support.fixture_blog import write_content

NEW_POST = "---\ntitle: Written during the build\ndate: 2024-05-01\n---\n\nNew.\n"
WAIT_SECONDS = 60


@pytest.fixture
def paused_build(project, tmp_path):
    """A good build in output/, then a second one stopped after its first page."""
    project.add_plugin("pause_mid_build")
    assert project.invoke("build").returncode == 0
    before = snapshot(project.output)
    project.add("posts/written-during-the-build/index.md", NEW_POST)

    marker = tmp_path / "paused"
    process = subprocess.Popen(
        [sys.executable, "-m", "invoke", "build"],
        cwd=project.root,
        env=project.environment(PAUSE_MID_BUILD=str(marker)),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    deadline = time.monotonic() + WAIT_SECONDS
    while not marker.exists() and process.poll() is None:
        assert time.monotonic() < deadline, "the build never reached its first page"
        time.sleep(0.05)
    try:
        yield project, process, before
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        process.communicate(timeout=WAIT_SECONDS)


def staging_folders(project):
    return list(project.root.glob(".output.*"))


def test_the_build_is_caught_half_written(paused_build):
    project, process, before = paused_build
    assert process.poll() is None
    (staging,) = staging_folders(project)
    assert any(path.suffix == ".html" for path in staging.rglob("*"))
    assert snapshot(project.output) == before


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM])
def test_a_stopped_build_cleans_up_and_keeps_output(paused_build, stop):
    project, process, before = paused_build
    process.send_signal(stop)
    _, stderr = process.communicate(timeout=WAIT_SECONDS)

    assert process.returncode == 130
    assert "build interrupted: output/ holds the last complete build" in stderr
    assert "Traceback" not in stderr
    assert snapshot(project.output) == before
    assert staging_folders(project) == []


def test_a_killed_build_keeps_output_and_the_next_build_works(paused_build):
    project, process, before = paused_build
    process.kill()
    process.communicate(timeout=WAIT_SECONDS)

    assert process.returncode == -signal.SIGKILL
    assert snapshot(project.output) == before
    assert project.invoke("build").returncode == 0
    assert (project.output / "posts/written-during-the-build/index.html").exists()
    # The killed build's folder is gone; only the next build's spare remains.
    assert [path.name for path in staging_folders(project)] == [".output.spare"]
    assert project.invoke("clean").returncode == 0
    assert staging_folders(project) == []


def test_the_next_build_removes_what_stopped_builds_and_indexes_left(tmp_path):
    content = write_content(tmp_path / "content")
    build_blog(content, tmp_path)
    left = [tmp_path / ".output.k1ll3d", tmp_path / ".output-index.k1ll3d"]
    for folder in [*left, tmp_path / ".output-index.running"]:
        (folder / "pagefind").mkdir(parents=True)
        (folder / "pagefind/half.pf_index").write_bytes(b"half written")
        (folder / LOCK).touch()  # its process is gone: nobody holds the lock

    with hold(tmp_path / ".output-index.running"):  # the preview indexing now
        build_blog(content, tmp_path)

    assert [folder for folder in left if folder.exists()] == []
    assert (tmp_path / ".output-index.running/pagefind/half.pf_index").exists()
