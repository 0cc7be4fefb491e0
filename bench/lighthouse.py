"""Lighthouse on the mobile preset, side by side with plain Material, both served as GitHub Pages does: gzip-compressed,
over HTTPS and HTTP/2.

Scores drift with the machine's speed from day to day, so every run of a course page is paired with a run of a lesson
of the course built by plain Material (the same pages, navigation and theme settings; none of the course's scripts,
styles, templates, plugin or hooks), in the same process and interleaved, and the table sets our medians against that
reference. A second table splits each page's main-thread work by kind (Lighthouse's `mainthread-work-breakdown`).
Three more rows take our lesson without one thing plain Material's lacks: our scripts, our navigation (plain
Material's in its place), or two of the files it asks for; their gap to our lesson is what that thing costs.
Performance is measured here, not asserted by a test. Usage: `python bench/lighthouse.py` (5 runs of the home page, a
lesson, a knowledge check, a self-assessment and the three variants), or `python bench/lighthouse.py --runs 3 --pages
lessons/listening/`. With `--devtools`, the browser's network and CPU are slowed for real instead of simulated, and a
column says when each page's scripts had run; with `--http1`, both sites are served over plain HTTP/1.1 instead.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import statistics
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from functools import partial
from pathlib import Path
from typing import TypeVar
from urllib.parse import urlsplit

from mkdocs.utils.yaml import yaml_load

from mkdocs_closer.compact_html import compacted

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from build_site import build_site  # noqa: E402
from checkers import LIGHTHOUSE, lighthouse  # noqa: E402
from serve import serve, serve_https  # noqa: E402

CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
METRICS = {"first-contentful-paint": "FCP ms", "largest-contentful-paint": "LCP ms", "total-blocking-time": "TBT ms",
           "cumulative-layout-shift": "CLS"}
PAGES = ["", "lessons/safe-harbour/", "quizzes/safe-harbour/", "quizzes/feeling-safe/"]
T = TypeVar("T")
REFERENCE = "lessons/safe-harbour.md"
"""The lesson whose plain Material page is the reference."""
WORK = {"scriptEvaluation": "script", "scriptParseCompile": "parse script", "styleLayout": "style & layout",
        "parseHTML": "parse HTML", "paintCompositeRender": "paint", "other": "other"}


def plain_material(folder: Path) -> Path:
    """Write the course as plain Material would build it: its pages and navigation, the course's theme settings, and
    none of its scripts, styles, templates, plugin or hooks; return its mkdocs.yml."""
    # MkDocs' own reader: it knows `!ENV`, and keeps `font: false` a boolean (as text, Material would load Roboto).
    course = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    theme = {key: value for key, value in course["theme"].items() if key != "custom_dir"}
    shutil.copytree(ROOT / "docs", folder / "docs")
    for page in (folder / "docs").rglob("*.md"):  # the course's own page templates are not there
        text = page.read_text(encoding="utf-8")
        page.write_text(re.sub(r"^template: .*\n", "", text, count=1, flags=re.M), encoding="utf-8")
    config = {"site_name": course["site_name"], "site_url": "http://127.0.0.1/plain/", "theme": theme,
              "markdown_extensions": course["markdown_extensions"], "plugins": ["search"], "nav": course["nav"],
              # The pages only the plugin makes (quizzes, My progress, …) are missing by design: links to them go
              # unreported instead of burying the benchmark's progress under some fifty lines.
              "validation": {"nav": {"not_found": "info"}, "links": {"not_found": "info", "anchors": "info"}}}
    (folder / "mkdocs.yml").write_text(json.dumps(config), encoding="utf-8")  # JSON is YAML
    return folder / "mkdocs.yml"


def fewer_requests(html: str, site: Path) -> str:
    """Our page asking for two files fewer: storage.js and closer.js joined in one script (written into `site`), and
    no print stylesheet. Over HTTP/1.1 (`--http1`), Lighthouse's simulation gives each file it waits for a connection
    of its own, six at most, and splits the bandwidth among the files in flight."""
    scripts = site / "assets" / "javascripts"
    joined = "\n".join((scripts / name).read_text(encoding="utf-8") for name in ("storage.js", "closer.js"))
    (scripts / "storage-closer.js").write_text(joined, encoding="utf-8")
    html = re.sub(r'<link rel="preload" href="[^"]*/storage\.js"[^>]*>|<script src="[^"]*/storage\.js"></script>'
                  r'|<link rel="stylesheet" href="[^"]*/print\.css" media="print">', "", html)
    return html.replace("assets/javascripts/closer.js", "assets/javascripts/storage-closer.js")


def variants(site: Path, plain_site: Path) -> dict[str, str]:
    """Write three copies of our reference lesson beside it, each without one thing plain Material's lacks (our
    scripts, our navigation, two of the files it asks for); return {row name: site path}. Their gap to our lesson is
    what that thing costs."""
    lesson = REFERENCE.replace(".md", "/index.html")
    ours = (site / lesson).read_text(encoding="utf-8")
    ours_js = r'"[^"]*/assets/(?:javascripts/(?:storage|closer|reader)|quiz/quiz)\.js"'
    no_scripts = re.sub(rf'<script src={ours_js}></script>\s*|<link rel="preload" href={ours_js}[^>]*>\s*'
                        r'|<script type="application/json" id="closer-config">.*?</script>\s*', "", ours, flags=re.S)
    sidebar = re.compile(r'<div class="md-sidebar md-sidebar--primary".*?'
                         r'(?=<div class="md-sidebar md-sidebar--secondary")', re.S)
    plain_nav = (plain_site / lesson).read_text(encoding="utf-8")
    their_nav = sidebar.search(plain_nav)
    # Sent as compact as the rest of our page, so the row measures the navigation, not its indentation.
    pages = {"lesson, without our scripts": no_scripts,
             "lesson, with plain navigation": sidebar.sub(lambda _: compacted(their_nav[0]), ours, count=1)
             if their_nav else ours,
             "lesson, in two requests fewer": fewer_requests(ours, site)}
    paths = {}
    for (name, html), folder in zip(pages.items(), ("no-scripts", "plain-nav", "fewer-requests"), strict=True):
        if html == ours:
            sys.exit(f"{lesson}: the page no longer has what the row `{name}` takes away; update bench/lighthouse.py.")
        path = REFERENCE.replace(".md", f"-{folder}/")  # beside the lesson, so its relative links still work
        (site / path).mkdir()
        (site / path / "index.html").write_text(html, encoding="utf-8")
        paths[name] = path
    return paths


def page_options(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """Add the options that choose the pages of ours to measure; return `parser`."""
    parser.add_argument("--pages", nargs="+", default=PAGES, help="site paths, e.g. lessons/listening/")
    parser.add_argument("--no-variants", dest="variants", action="store_false",
                        help="leave out the copies of our lesson (without our scripts, with plain Material's "
                             "navigation, in two requests fewer)")
    parser.add_argument("--http1", action="store_true",
                        help="serve both sites over plain HTTP/1.1, which Lighthouse's simulation models as one "
                             "connection per file, instead of HTTPS and HTTP/2")
    return parser


@contextmanager
def served_sites(args: argparse.Namespace) -> Iterator[tuple[str, str, dict[str, str]]]:
    """Build the course and its plain Material twin and serve both as GitHub Pages does (unless `--http1`).

    Yield the URL of our site's home page, the URL of plain Material's reference lesson, and {site path: row name} of
    the pages of ours that `page_options` chose (the variants of our lesson last, unless left out).
    """
    with tempfile.TemporaryDirectory() as tmp, ExitStack() as servers:
        site_url = build_site(ROOT / "mkdocs.yml", Path(tmp) / "site")[1]
        plain_site = build_site(plain_material(Path(tmp) / "plain"), Path(tmp) / "plain-site", strict=False)[0]
        without = variants(Path(tmp) / "site", plain_site) if args.variants else {}
        served = partial(serve, compress=True) if args.http1 else serve_https
        ours = servers.enter_context(served(Path(tmp) / "site", urlsplit(site_url).path or "/"))
        plain = servers.enter_context(served(plain_site, "/plain/")) + REFERENCE.replace(".md", "/")
        yield ours, plain, {page: "/" + page for page in args.pages} | {page: name for name, page in without.items()}


def interleaved(names: dict[str, str], ours: str, plain: str, rounds: int,
                measure: Callable[[str], T]) -> dict[str, list[T]]:
    """Measure each page of ours (`names`' site paths under `ours`), each followed by the plain page, `rounds` times.

    Return {site path or "plain": measurements}. A slow spell of the machine falls on both pages of a pair alike.
    """
    found: dict[str, list[T]] = {page: [] for page in [*names, "plain"]}
    for done in range(rounds):
        for page in names:
            found[page].append(measure(ours + page))
            found["plain"].append(measure(plain))
        print(f"  round {done + 1}/{rounds} done", file=sys.stderr)
    return found


def partners(found: dict[str, list[T]], names: dict[str, str], page: str) -> list[T]:
    """The plain Material measurements that `interleaved` took right after each of `page`'s, in the same order."""
    return found["plain"][list(names).index(page)::len(names)]


def metric(audit: str, report: dict) -> float:
    """One of a report's timings (ms), or its layout shift."""
    return report["audits"][audit]["numericValue"]


def load_blocking(report: dict) -> float:
    """Blocking time (ms) over the whole load: TBT's measure, but from the start instead of from the first paint.

    TBT leaves out every task before the first paint, so a page that paints before Material's bundle has run counts
    the bundle's work, where one that paints after it does not. Lighthouse lists the load's 20 longest tasks of 50 ms
    or more, timed as on the simulated phone (none on a load without them); none comes after TTI, which waits for a
    quiet window.
    """
    tasks = report["audits"]["long-tasks"].get("details", {}).get("items", [])
    return sum(task["duration"] - 50 for task in tasks)


def versus(reports: list[dict], plain: list[dict]) -> list[str]:
    """Our TBT, LCP and whole load's blocking time against plain Material's run right after each of ours: median
    paired differences, and in how many pairs ours was not behind on TBT and on LCP."""
    def differences(measure: Callable[[dict], float]) -> list[float]:
        return [measure(r) - measure(p) for r, p in zip(reports, plain, strict=True)]
    tbt = differences(partial(metric, "total-blocking-time"))
    lcp = differences(partial(metric, "largest-contentful-paint"))
    whole = differences(load_blocking)
    return [f"{statistics.median(tbt):+.0f} ms", f"{sum(d <= 0 for d in tbt)}/{len(tbt)}",
            f"{statistics.median(lcp):+.0f} ms", f"{sum(d <= 0 for d in lcp)}/{len(lcp)}",
            f"{statistics.median(whole):+.0f} ms"]


def scripts_ran(report: dict) -> float:
    """When the page's scripts had all run (ms): its DOMContentLoaded, which waits for the scripts of the body."""
    return report["audits"]["metrics"]["details"]["items"][0]["observedDomContentLoaded"]


def medians(reports: list[dict]) -> dict[str, float]:
    """Median category scores (0-100) and metrics of Lighthouse reports of one page."""
    row = {c: statistics.median(r["categories"][c]["score"] * 100 for r in reports) for c in CATEGORIES}
    for audit, label in METRICS.items():
        row[label] = statistics.median(metric(audit, r) for r in reports)
    return row


def html_kb(reports: list[dict]) -> float:
    """Median bytes (in kB) the page's own HTML took on the wire, headers included."""
    return statistics.median(
        next(i["transferSize"] for i in r["audits"]["network-requests"]["details"]["items"]
             if i["resourceType"] == "Document") for r in reports) / 1000


def main_thread(reports: list[dict], group: str) -> float:
    """Median main-thread time (ms) of one kind of work (Lighthouse's `mainthread-work-breakdown` group)."""
    return statistics.median(
        sum(i["duration"] for i in r["audits"]["mainthread-work-breakdown"]["details"]["items"] if i["group"] == group)
        for r in reports)


def cells(row: dict[str, float], reports: list[dict], devtools: bool) -> list[str]:
    """Format a row of medians for the table."""
    return ([f"{row[c]:.0f}" for c in CATEGORIES] + [f"{row[m]:.{3 if m == 'CLS' else 0}f}" for m in METRICS.values()]
            + [f"{html_kb(reports):.1f}"]
            + ([f"{statistics.median(scripts_ran(r) for r in reports):.0f}"] if devtools else []))


def main() -> None:
    """Print a table of median scores and metrics per page, each followed by plain Material's in the same runs."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--devtools", action="store_true",
                        help="slow the network and CPU for real instead of simulating them; say when the scripts ran")
    args = page_options(parser).parse_args()
    if not LIGHTHOUSE.exists():
        sys.exit(f"{LIGHTHOUSE} is missing: run `npm ci` first.")
    with served_sites(args) as (ours, plain, names):
        reports = interleaved(names, ours, plain, args.runs, partial(
            lighthouse, categories=CATEGORIES, throttling="devtools" if args.devtools else None,
            any_certificate=not args.http1))
    reference = medians(reports["plain"])
    slowed = "network and CPU slowed for real" if args.devtools else "slow phone simulated"
    served = "HTTP/1.1" if args.http1 else "HTTPS, HTTP/2"
    print(f"Lighthouse mobile preset ({slowed}), gzip-served over {served}, medians of {args.runs} runs; "
          f"plain Material: {REFERENCE} of the course built by Material alone, run after each of our pages")
    print(" | ".join(["page", *CATEGORIES, *METRICS.values(), "HTML kB", *(["scripts ran ms"] if args.devtools else []),
                      "TBT vs plain", "pairs not behind on TBT", "LCP vs plain", "pairs not behind on LCP",
                      "load blocking vs plain"]))
    for page in names:
        row = cells(medians(reports[page]), reports[page], args.devtools)
        print(" | ".join([names[page], *row, *versus(reports[page], partners(reports, names, page))]))
    print(" | ".join(["plain Material", *cells(reference, reports["plain"], args.devtools), *[""] * 5]))
    print("\nMain-thread work (ms, medians) by kind: where our pages spend what plain Material does not")
    print(" | ".join(["page", *WORK.values()]))
    for page in [*names, "plain"]:
        name = names.get(page, "plain Material")
        print(" | ".join([name, *(f"{main_thread(reports[page], group):.0f}" for group in WORK)]))


if __name__ == "__main__":
    main()
