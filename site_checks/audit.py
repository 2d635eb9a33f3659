"""`invoke audit`: build, serve with nginx, check every page type, write reports/."""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from pathlib import Path

from . import browser as chrome
from .lighthouse import lighthouse_scores, picture_figures
from .pages import PAGE_TYPES
from .photo_essay import SLUG, write_photo_essay
from .served import BuildFailed, served_build
from .tools import LIGHTHOUSE, ROOT
from .validator import nu_errors
from .weight import FIRST_PAINT_BUDGET, bytes_by_type, first_paint_bytes, page_requests

REPORTS = ROOT / "reports"
WIDTHS = (360, 768, 1440)
SCHEMES = ("light", "dark")
# Lighthouse targets on the pages readers land on from a shared link or a search.
LANDING_PAGES = ("home", "article", "tag")
PERFECT = ("accessibility", "best-practices", "seo")
MIN_PERFORMANCE = 98
# Lighthouse will not audit a page served with an error status: it reads the
# 404 page at its own address instead.
LIGHTHOUSE_PATHS = {"404": "/404.html"}
# The site is audited with a photo essay added (phone photos, a screenshot, a
# GIF, an SVG), the post a new user writes that weighs the most.
PICTURES = "article with pictures"
AUDITED_PAGES = {**PAGE_TYPES, PICTURES: f"/posts/{SLUG}/"}
MIN_PICTURES_PERFORMANCE = 95
PICTURES_BUDGET = 300_000


def built_file(site: Path, path: str) -> Path:
    """Return the file that answers `path` (the 404 page for a missing one)."""
    file = site / path.lstrip("/")
    if file.is_dir() or path.endswith("/"):
        file = file / "index.html"
    return file if file.is_file() else site / "404.html"


def slug(name: str) -> str:
    """Turn a page type's name into a file name."""
    return name.replace(" ", "-")


def check_page(browser, base: str, name: str, path: str, use_lighthouse: bool) -> dict:
    """Run the browser checks on one page type and take its screenshots."""
    url = base + path
    result = {"url": url, "axe": {}, "screenshots": []}
    for scheme in SCHEMES:
        with chrome.page_at(browser, url, scheme=scheme) as page:
            result["axe"][scheme] = chrome.axe_violations(page)
            if scheme == "light":
                result["overflow_360"] = chrome.horizontal_overflow(page)
        for width in WIDTHS:
            shot = REPORTS / "screenshots" / f"{slug(name)}-{width}-{scheme}.png"
            with chrome.page_at(browser, url, width=width, scheme=scheme) as page:
                page.screenshot(path=shot, full_page=True)
            result["screenshots"].append(shot.relative_to(REPORTS).as_posix())
    result["bytes"] = bytes_by_type(page_requests(browser, url))
    result["html_css_gzip"] = first_paint_bytes(result["bytes"])
    if use_lighthouse:
        report = REPORTS / "lighthouse" / f"{slug(name)}.json"
        audited = base + LIGHTHOUSE_PATHS.get(name, path)
        result["lighthouse"] = lighthouse_scores(audited, report)
        if result["lighthouse"] is not None:
            result["figures"] = picture_figures(report)
    return result


def targets(pages: dict) -> list[tuple[str, bool]]:
    """Judge the issue's targets; return (what, met) pairs."""
    verdicts = []
    for name in LANDING_PAGES:
        scores = pages[name].get("lighthouse")
        if scores is None:
            verdicts.append((f"{name}: Lighthouse scores (Lighthouse missing)", False))
            continue
        perfect = all(scores[category] == 100 for category in PERFECT)
        verdicts.append((f"{name}: accessibility, best practices, SEO 100", perfect))
        fast = scores["performance"] >= MIN_PERFORMANCE
        verdicts.append((f"{name}: performance ≥ {MIN_PERFORMANCE}", fast))
    verdicts.extend(picture_targets(pages[PICTURES]))
    article = pages["article"]
    first_paint = article["html_css_gzip"]
    verdicts.append(
        (
            f"article: HTML+CSS {first_paint} B gzip ≤ {FIRST_PAINT_BUDGET} B",
            first_paint <= FIRST_PAINT_BUDGET,
        )
    )
    script = article["bytes"].get("script", {"raw": 0})["raw"]
    verdicts.append((f"article: {script} B of JavaScript", script == 0))
    return verdicts


def picture_targets(page: dict) -> list[tuple[str, bool]]:
    """Judge the photo essay: fast, no layout shift, light pictures on first load."""
    scores, figures = page.get("lighthouse"), page.get("figures")
    if scores is None or figures is None:
        return [(f"{PICTURES}: Lighthouse figures (Lighthouse missing)", False)]
    performance, shift = scores["performance"], figures["cls"]
    kilobytes = figures["picture_bytes"] / 1000
    return [
        (
            f"{PICTURES}: performance {performance} ≥ {MIN_PICTURES_PERFORMANCE}",
            performance >= MIN_PICTURES_PERFORMANCE,
        ),
        (f"{PICTURES}: CLS {shift:g} = 0", shift == 0),
        (
            f"{PICTURES}: {kilobytes:.0f} KB of pictures on first load"
            f" ≤ {PICTURES_BUDGET // 1000} KB",
            figures["picture_bytes"] <= PICTURES_BUDGET,
        ),
    ]


def markdown_report(results: dict) -> str:
    """Render the results as a Markdown report."""
    lines = [
        "# Theme audit",
        "",
        f"Site built with publishconf.py and served by nginx at {results['base']}/.",
        "",
        "| page | axe light | axe dark | Nu errors | overflow 360 px "
        "| HTML+CSS gzip | JS bytes | perf | a11y | best pr. | SEO |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for name, page in results["pages"].items():
        scores = page.get("lighthouse") or {}
        cells = [
            name,
            len(page["axe"]["light"]),
            len(page["axe"]["dark"]),
            len(page["nu_errors"]),
            f"{page['overflow_360']} px",
            f"{page['html_css_gzip']} B",
            page["bytes"].get("script", {"raw": 0})["raw"],
            *(scores.get(category, "n/a") for category in ("performance", *PERFECT)),
        ]
        lines.append("| " + " | ".join(str(cell) for cell in cells) + " |")
    lines += ["", "## Targets", ""]
    lines += [f"- [{'x' if met else ' '}] {what}" for what, met in results["targets"]]
    for name, page in results["pages"].items():
        lines += ["", f"## {name}", "", f"<{page['url']}>", ""]
        lines += ["| resource | raw bytes | gzip bytes |", "| --- | --- | --- |"]
        lines += [
            f"| {kind} | {size['raw']} | {size['gzip']} |"
            for kind, size in page["bytes"].items()
        ]
        problems = [
            f"- axe ({scheme}): {v['rule']} ({v['impact']}): {', '.join(v['elements'])}"
            for scheme, violations in page["axe"].items()
            for v in violations
        ] + [f"- Nu: {error}" for error in page["nu_errors"]]
        lines += ["", *(problems or ["No axe violations, no Nu errors."]), ""]
        lines += [f"![{shot}]({shot})" for shot in page["screenshots"]]
    return "\n".join(lines) + "\n"


def run_checks(site: Path, base: str) -> dict:
    """Check every page type of the site served at `base`."""
    errors = nu_errors(sorted(site.rglob("*.html")))
    use_lighthouse = LIGHTHOUSE.exists()
    pages = {}
    with chrome.chromium() as browser:
        for name, path in AUDITED_PAGES.items():
            print(f"audit: {name} ({path})", flush=True)
            pages[name] = check_page(browser, base, name, path, use_lighthouse)
            pages[name]["nu_errors"] = errors[built_file(site, path).resolve()]
    return {"base": base, "pages": pages, "targets": targets(pages)}


def main() -> int:
    """Build the production site, audit it, write reports/, return an exit status."""
    shutil.rmtree(REPORTS, ignore_errors=True)
    for folder in ("screenshots", "lighthouse"):
        (REPORTS / folder).mkdir(parents=True)
    with tempfile.TemporaryDirectory(prefix="audit-") as scratch:
        content = Path(scratch) / "content"
        shutil.copytree(ROOT / "content", content)
        write_photo_essay(content)
        settings = {"PATH": str(content)}
        try:
            with served_build(
                ROOT / "publishconf.py", Path(scratch), settings=settings
            ) as host:
                results = run_checks(host.root, host.url.rstrip("/"))
        except BuildFailed as failure:
            print(failure, file=sys.stderr)
            return 1
    (REPORTS / "audit.json").write_text(json.dumps(results, indent=2) + "\n")
    report = markdown_report(results)
    (REPORTS / "audit.md").write_text(report, encoding="utf-8")
    print("\n## ".join(report.split("\n## ")[:2]))
    print(f"report: {REPORTS / 'audit.md'}")
    return 0 if all(met for _, met in results["targets"]) else 1
