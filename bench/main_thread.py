"""Main-thread work of our pages against plain Material's lesson, in Chromium slowed down as on a mid-range phone.

Lighthouse's TBT and LCP move by more from run to run than a page's own cost. Chromium's own counters of the time its
main thread spends on tasks, scripts, style and layout move less: this loads each page of ours, then plain Material's
reference lesson (see `lighthouse.py`), many times over, interleaved, with the CPU slowed down four times (as in
Lighthouse's mobile preset), and prints the medians and our difference to plain Material. Usage:
`python bench/main_thread.py` (8 rounds of the pages and variants `lighthouse.py` runs), or
`python bench/main_thread.py --rounds 12 --pages lessons/listening/`.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
from functools import partial
from pathlib import Path

from playwright.sync_api import Browser, sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

from checkers import CHROMIUM, CHROMIUM_ARGS
from lighthouse import REFERENCE, interleaved, page_options, served_sites

COUNTERS = {"TaskDuration": "all tasks", "ScriptDuration": "script", "RecalcStyleDuration": "style",
            "LayoutDuration": "layout"}
"""Chromium's `Performance.getMetrics` counters (seconds) and the columns they fill."""
SETTLE_MS = 2000
"""How long to let a page work after its `load` event (the search index, our scripts' idle work)."""


def main_thread_ms(browser: Browser, url: str) -> dict[str, float]:
    """Load `url` in a fresh phone-sized context, CPU slowed four times; return its main-thread time (ms) by kind."""
    context = browser.new_context(viewport={"width": 412, "height": 823}, device_scale_factor=1.75, is_mobile=True,
                                  has_touch=True)
    try:
        page = context.new_page()
        page.route(re.compile(r"^https?://(?!127\.0\.0\.1[:/])"), lambda route: route.abort())
        session = context.new_cdp_session(page)
        session.send("Performance.enable")
        session.send("Emulation.setCPUThrottlingRate", {"rate": 4})
        page.goto(url, wait_until="load")
        page.wait_for_timeout(SETTLE_MS)
        metrics = {m["name"]: m["value"] for m in session.send("Performance.getMetrics")["metrics"]}
    finally:
        context.close()
    return {column: metrics[counter] * 1000 for counter, column in COUNTERS.items()}


def main() -> None:
    """Print the median main-thread time of each page of ours and of plain Material's lesson, and the differences."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=8)
    args = page_options(parser).parse_args()
    if not CHROMIUM.exists():
        sys.exit(f"{CHROMIUM} is missing (apt-get install chromium).")
    with served_sites(args) as (ours, plain, names), sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        loads = interleaved(names, ours, plain, args.rounds, partial(main_thread_ms, browser))
        browser.close()
    reference = {column: statistics.median(load[column] for load in loads["plain"]) for column in COUNTERS.values()}
    print(f"Main-thread time (ms, medians of {args.rounds} loads, CPU slowed 4x, 412 px phone, gzip-served); "
          f"plain Material: {REFERENCE} of the course built by Material alone, loaded after each of our pages")
    print(" | ".join(["page", *COUNTERS.values(), *(f"{column} vs plain" for column in COUNTERS.values())]))
    for page, name in names.items():
        row = {column: statistics.median(load[column] for load in loads[page]) for column in COUNTERS.values()}
        print(" | ".join([name, *(f"{row[c]:.0f}" for c in COUNTERS.values()),
                          *(f"{row[c] - reference[c]:+.0f}" for c in COUNTERS.values())]))
    print(" | ".join(["plain Material", *(f"{reference[c]:.0f}" for c in COUNTERS.values()), *[""] * len(COUNTERS)]))


if __name__ == "__main__":
    main()
