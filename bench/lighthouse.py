"""Lighthouse on the mobile preset, several runs per page, with the site served gzip-compressed as GitHub Pages does.

Performance varies from run to run, so it is measured here and not asserted by a test. Usage:
`python bench/lighthouse.py` (5 runs of the home page, a lesson, a knowledge check and a self-assessment), or
`python bench/lighthouse.py --runs 3 --pages lessons/listening/`.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from build_site import build_site  # noqa: E402
from checkers import LIGHTHOUSE, lighthouse  # noqa: E402
from serve import serve  # noqa: E402

CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
METRICS = {"largest-contentful-paint": "LCP ms", "total-blocking-time": "TBT ms", "cumulative-layout-shift": "CLS"}
PAGES = ["", "lessons/safe-harbour/", "quizzes/safe-harbour/", "quizzes/feeling-safe/"]


def measure(url: str, runs: int) -> dict[str, float]:
    """Median category scores (0-100) and metrics of `runs` Lighthouse runs of one page."""
    reports = [lighthouse(url, CATEGORIES) for _ in range(runs)]
    medians = {c: statistics.median(r["categories"][c]["score"] * 100 for r in reports) for c in CATEGORIES}
    for audit, label in METRICS.items():
        medians[label] = statistics.median(r["audits"][audit]["numericValue"] for r in reports)
    return medians


def main() -> None:
    """Print a table of median scores and metrics per page."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--pages", nargs="+", default=PAGES, help="site paths, e.g. lessons/listening/")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        sys.exit(f"{LIGHTHOUSE} is missing: run `npm ci` first.")
    with tempfile.TemporaryDirectory() as tmp:
        site_url = build_site(ROOT / "mkdocs.yml", Path(tmp) / "site")[1]
        prefix = urlsplit(site_url).path or "/"
        with serve(Path(tmp) / "site", prefix, compress=True) as url:
            header = ["page", *CATEGORIES, *METRICS.values()]
            print(f"Lighthouse mobile preset, gzip-served, medians of {args.runs} runs")
            print(" | ".join(header))
            for page in args.pages:
                row = measure(url + page, args.runs)
                values = [f"{row[c]:.0f}" for c in CATEGORIES] + [f"{row[m]:.{3 if m == 'CLS' else 0}f}" for m in
                                                                   METRICS.values()]
                print(" | ".join(["/" + page, *values]))


if __name__ == "__main__":
    main()
