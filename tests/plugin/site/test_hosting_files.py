"""Files static hosts read (.nojekyll, _headers, 404.html) and hashed stylesheets."""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import pytest

from press import build
from tests.support.builds import ROOT, SETTINGS, edit, parse_html, settings_for
from tests.support.fixture_blog import JOB_HUNT, write_content

SHORT = 600  # seconds: the most a page may be cached before a browser asks again
YEAR = 31536000
HASHED_CSS = re.compile(r"^(?P<stem>.+)\.(?P<hash>[0-9a-f]{10})\.css$")


def read_rules(text: str) -> list[tuple[str, dict[str, str]]]:
    """Parse a _headers file: a path line, then indented `Name: value` lines."""
    rules: list[tuple[str, dict[str, str]]] = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            rules.append((line.strip(), {}))
            continue
        name, _, value = line.strip().partition(":")
        assert rules and value, f"header line outside a rule: {line!r}"
        assert name not in rules[-1][1], f"{name} twice for {rules[-1][0]}"
        rules[-1][1][name] = value.strip()
    return rules


def matches(pattern: str, path: str) -> bool:
    """Match as Netlify and Cloudflare do: `*` is anything, `:name` one segment."""
    regex = "".join(
        ".*" if part == "*" else "[^/]+" if part.startswith(":") else re.escape(part)
        for part in re.split(r"(\*|:[A-Za-z]\w*)", pattern)
    )
    return re.fullmatch(regex, path) is not None


def url_path(output: Path, file: Path) -> str:
    """The path a browser asks for to get `file` (a folder URL for index.html)."""
    return "/" + file.relative_to(output).as_posix().removesuffix("index.html")


@pytest.fixture(scope="module")
def rules(dev_build) -> list[tuple[str, dict[str, str]]]:
    return read_rules((dev_build / "_headers").read_text(encoding="utf-8"))


def cache_rules(rules, path: str) -> list[str]:
    return [
        headers["Cache-Control"]
        for pattern, headers in rules
        if "Cache-Control" in headers and matches(pattern, path)
    ]


def max_age(cache_control: str) -> int:
    found = re.search(r"max-age=(\d+)", cache_control)
    assert found, cache_control
    return int(found.group(1))


def test_the_matcher_follows_the_hosts_rules():
    assert matches("/*", "/posts/a/")
    assert matches("/theme/css/*", "/theme/css/style.0123456789.css")
    assert matches("/posts/:slug/", "/posts/job-offer-tips/")
    assert not matches("/posts/:slug/", "/posts/a/b/")
    assert not matches("/:page/", "/theme/css/style.css")


def test_github_pages_gets_nojekyll_and_a_root_404(dev_build):
    assert (dev_build / ".nojekyll").read_bytes() == b""
    page = parse_html(dev_build / "404.html")
    assert page.h1.get_text(strip=True) == "This page is not here"


def test_security_headers_apply_to_every_path(rules):
    everything = dict(rules)["/*"]
    assert everything["X-Content-Type-Options"] == "nosniff"
    assert everything["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in everything["Permissions-Policy"]
    policy = dict(
        directive.strip().split(" ", 1)
        for directive in everything["Content-Security-Policy"].split(";")
        if " " in directive.strip()
    )
    assert policy["default-src"] == "'self'"
    assert "'unsafe-inline'" not in policy["script-src"]
    assert "'unsafe-eval'" not in policy["script-src"].split()
    assert policy["object-src"] == "'none'"
    assert policy["frame-ancestors"] == "'none'"


def test_pages_follow_the_policy(dev_build, rules):
    """No inline script, handler or style that the policy would block."""
    policy = dict(rules)["/*"]["Content-Security-Policy"]
    assert "'unsafe-inline'" not in policy
    pages = sorted(dev_build.rglob("*.html"))
    assert len(pages) > 10
    for file in pages:
        page = parse_html(file)
        for script in page.find_all("script"):
            assert script.get("src") or script.get("type") == "application/ld+json"
        assert not page.find_all("style"), file
        for tag in page.find_all(True):
            assert "style" not in tag.attrs, (file, tag.name)
            assert not any(name.startswith("on") for name in tag.attrs), file
            assert not tag.get("href", "").startswith("javascript:"), file


def test_each_path_gets_one_cache_rule_long_only_for_hashed_stylesheets(
    dev_build, rules
):
    files = [file for file in sorted(dev_build.rglob("*")) if file.is_file()]
    stylesheets = sorted((dev_build / "theme").rglob("*.css"))
    pages = [file for file in files if file.suffix == ".html"]
    assert stylesheets
    assert len(pages) > 10
    for file in files:
        found = cache_rules(rules, url_path(dev_build, file))
        assert len(found) <= 1, (file, found)
        if file in stylesheets:
            assert found == ["public, max-age=31536000, immutable"], file
        elif file in pages:
            assert len(found) == 1, (
                f"{url_path(dev_build, file)} has no Cache-Control rule"
            )
            assert max_age(found[0]) <= SHORT, file
        for value in found:
            assert ("immutable" in value) == (file in stylesheets), file


def test_stylesheets_are_named_by_their_content(dev_build):
    stylesheets = sorted((dev_build / "theme").rglob("*.css"))
    assert stylesheets
    for file in stylesheets:
        named = HASHED_CSS.match(file.name)
        assert named, f"{file.name} has no content hash in its name"
        digest = hashlib.sha256(file.read_bytes()).hexdigest()
        assert named["hash"] == digest[:10]


def test_every_page_links_the_hashed_stylesheet(dev_build):
    (stylesheet,) = (dev_build / "theme" / "css").glob("style.*.css")
    href = f"/theme/css/{stylesheet.name}"
    # The search page adds the stylesheet of Pagefind's search box.
    search = dev_build / "search" / "index.html"
    for file in dev_build.rglob("*.html"):
        links = parse_html(file).find_all("link", rel="stylesheet")
        extra = ["/pagefind/pagefind-ui.css"] if file == search else []
        assert [link["href"] for link in links] == [href, *extra], file


@pytest.fixture
def own_theme(tmp_path) -> dict:
    """Build settings for a one-post blog with its own copy of the theme."""
    shutil.copytree(ROOT / "theme", tmp_path / "theme")
    content = write_content(tmp_path / "content", posts=(JOB_HUNT,))
    return settings_for(tmp_path, content, THEME=str(tmp_path / "theme"))


def test_a_changed_stylesheet_gets_a_new_name(own_theme, tmp_path):
    assert build.build(SETTINGS[False], own_theme) == []
    output = Path(own_theme["OUTPUT_PATH"])
    (before,) = (output / "theme" / "css").glob("style.*.css")
    css = tmp_path / "theme" / "static" / "css" / "style.css"
    css.write_text(css.read_text(encoding="utf-8") + "\n/* changed */\n")
    assert build.build(SETTINGS[False], own_theme) == []
    (after,) = (output / "theme" / "css").glob("style.*.css")
    assert after.name != before.name
    page = parse_html(output / "index.html")
    assert page.find("link", rel="stylesheet")["href"] == f"/theme/css/{after.name}"


def test_an_unknown_stylesheet_in_a_template_stops_the_build(own_theme, capsys):
    edit(
        Path(own_theme["THEME"]) / "templates" / "partials" / "head.html",
        "'css/style.css'|fingerprint",
        "'css/styles.css'|fingerprint",
    )
    assert build.main(str(SETTINGS[False]), own_theme) != 0
    stderr = capsys.readouterr().err
    assert "Traceback" not in stderr
    assert "'css/styles.css' is not a stylesheet of the theme" in stderr
    assert not Path(own_theme["OUTPUT_PATH"]).exists()
