"""`invoke publish` pushes the production build to a gh-pages branch (local remote)."""

from __future__ import annotations

import hashlib
import subprocess

import pytest

from tests.support.builds import snapshot
from tests.support.fixture_blog import JOB_HUNT

SITEURL = "https://example.org/blog"
IDENTITY = {
    "GIT_AUTHOR_NAME": "socraticDev",
    "GIT_AUTHOR_EMAIL": "author@example.org",
    "GIT_COMMITTER_NAME": "socraticDev",
    "GIT_COMMITTER_EMAIL": "author@example.org",
}


def git(*args: str, cwd) -> str:
    result = subprocess.run(
        ["git", *args], cwd=cwd, capture_output=True, text=True, check=True
    )
    return result.stdout


@pytest.fixture
def repository(project, tmp_path, monkeypatch):
    """The project as a git clone whose origin is a bare repository on disk."""
    for name, value in IDENTITY.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("SITEURL", SITEURL)
    remote = tmp_path / "remote.git"
    git("init", "--quiet", "--bare", "--initial-branch=main", str(remote), cwd=tmp_path)
    root = project.root
    git("init", "--quiet", "--initial-branch=main", cwd=root)
    git("config", "user.name", IDENTITY["GIT_AUTHOR_NAME"], cwd=root)
    git("config", "user.email", IDENTITY["GIT_AUTHOR_EMAIL"], cwd=root)
    (root / ".gitignore").write_text("output/\n__pycache__/\n", encoding="utf-8")
    git("add", "-A", cwd=root)
    git("commit", "--quiet", "-m", "The blog", cwd=root)
    git("remote", "add", "origin", str(remote), cwd=root)
    git("push", "--quiet", "origin", "main", cwd=root)
    return project, remote


def published(remote) -> dict[str, bytes]:
    """Map every file on the remote's gh-pages branch to its bytes."""
    names = git("ls-tree", "-r", "--name-only", "gh-pages", cwd=remote).split()
    return {
        name: subprocess.run(
            ["git", "show", f"gh-pages:{name}"],
            cwd=remote,
            capture_output=True,
            check=True,
        ).stdout
        for name in names
    }


def hashes(files: dict[str, bytes]) -> dict[str, str]:
    return {name: hashlib.sha256(data).hexdigest() for name, data in files.items()}


def test_publish_pushes_the_production_build(repository):
    project, remote = repository
    result = project.invoke("publish")
    assert result.returncode == 0, result.stdout + result.stderr

    files = published(remote)
    assert hashes(files) == snapshot(project.output)
    assert files[".nojekyll"] == b""
    home = files["index.html"].decode()
    assert f'href="{SITEURL}{JOB_HUNT.url}"' in home
    source = git("rev-parse", "--short", "main", cwd=project.root).strip()
    message = git("log", "-1", "--format=%s", "gh-pages", cwd=remote).strip()
    assert message == f"Publish the site built from {source}"


def test_publishing_again_adds_a_commit_on_top(repository):
    project, remote = repository
    assert project.invoke("publish").returncode == 0
    project.add(
        "posts/second-guide/index.md",
        "---\ntitle: A second guide\ndate: 2024-06-01\n---\n\nMore.\n",
    )
    git("add", "-A", cwd=project.root)
    git("commit", "--quiet", "-m", "A second guide", cwd=project.root)
    # As from a fresh clone: gh-pages must be fetched before it is extended.
    git("branch", "--quiet", "-D", "gh-pages", cwd=project.root)
    git("update-ref", "-d", "refs/remotes/origin/gh-pages", cwd=project.root)
    result = project.invoke("publish")
    assert result.returncode == 0, result.stdout + result.stderr

    assert "posts/second-guide/index.html" in published(remote)
    assert git("rev-list", "--count", "gh-pages", cwd=remote).strip() == "2"
