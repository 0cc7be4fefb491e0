"""Main-thread work of our pages against plain Material's lesson, in Chromium slowed down as on a mid-range phone.

Lighthouse's TBT and LCP move by more from run to run than a page's own cost. Chromium's own counters of the time its
main thread spends on tasks, scripts, style and layout move less: this loads each page of ours, then plain Material's
reference lesson (see `lighthouse.py`), many times over, interleaved, with the CPU slowed down four times (as in
Lighthouse's mobile preset), and prints the medians and our difference to plain Material. With `--work` it counts
the work instead of timing it (elements styled, layout objects laid out, paints, from a trace of each load), which
the machine's speed hardly moves. With `--scripts` it times the pages' scripts by whose code runs (V8's sampling
profiler): our files, Material's bundle, and the scripts written in the page. Usage: `python bench/main_thread.py`
(8 rounds of the pages and variants `lighthouse.py` runs), `python bench/main_thread.py --rounds 12 --pages
lessons/listening/`, `python bench/main_thread.py --work --rounds 3`, or `python bench/main_thread.py --scripts`.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Browser, CDPSession, Page, sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

from checkers import CHROMIUM, CHROMIUM_ARGS
from lighthouse import REFERENCE, interleaved, page_options, served_sites

COUNTERS = {"TaskDuration": "all tasks", "ScriptDuration": "script", "RecalcStyleDuration": "style",
            "LayoutDuration": "layout"}
"""Chromium's `Performance.getMetrics` counters (seconds) and the columns they fill."""
WORK = ("elements styled", "objects laid out", "paints")
"""The columns of `--work`: what the main thread did, counted from a trace (see `work_done`)."""
SCRIPTS = ("Material's bundle", "other script files", "scripts in the page")
"""The columns of `--scripts`: whose code the main thread was running (see `script_time`)."""
MATERIAL_BUNDLE = re.compile(r"/assets/javascripts/bundle\.[0-9a-f]+\.min\.js$")
SETTLE_MS = 2000
"""How long to let a page work after its `load` event (the search index, our scripts' idle work)."""


@contextmanager
def phone_page(browser: Browser) -> Iterator[tuple[Page, CDPSession]]:
    """Yield a page in a fresh phone-sized context (CPU slowed four times, no other site) and its CDP session."""
    context = browser.new_context(viewport={"width": 412, "height": 823}, device_scale_factor=1.75, is_mobile=True,
                                  has_touch=True, ignore_https_errors=True)  # see serve.serve_https
    try:
        page = context.new_page()
        page.route(re.compile(r"^https?://(?!127\.0\.0\.1[:/])"), lambda route: route.abort())
        session = context.new_cdp_session(page)
        session.send("Emulation.setCPUThrottlingRate", {"rate": 4})
        yield page, session
    finally:
        context.close()


def main_thread_ms(browser: Browser, url: str) -> dict[str, float]:
    """Load `url` on a phone (`phone_page`); return its main-thread time (ms) by kind."""
    with phone_page(browser) as (page, session):
        session.send("Performance.enable")
        page.goto(url, wait_until="load")
        page.wait_for_timeout(SETTLE_MS)
        metrics = {m["name"]: m["value"] for m in session.send("Performance.getMetrics")["metrics"]}
    return {column: metrics[counter] * 1000 for counter, column in COUNTERS.items()}


def work_done(events: list[dict]) -> dict[str, float]:
    """Count what the pages' main threads did in trace `events`: elements styled, objects laid out, paints."""
    main = {(e["pid"], e["tid"]) for e in events
            if e.get("name") == "thread_name" and e.get("args", {}).get("name") == "CrRendererMain"}
    found = dict.fromkeys(WORK, 0.0)
    for event in events:
        if event.get("ph") != "X" or (event.get("pid"), event.get("tid")) not in main:
            continue
        args = event.get("args", {})
        if event["name"] == "UpdateLayoutTree":
            found["elements styled"] += args.get("elementCount") or 0
        elif event["name"] == "Layout":
            found["objects laid out"] += (args.get("beginData") or {}).get("dirtyObjects", 0)
        elif event["name"] == "Paint":
            found["paints"] += 1
    return found


def main_thread_work(browser: Browser, url: str) -> dict[str, float]:
    """Load `url` on a phone (`phone_page`), tracing it; return the work its main thread did (`work_done`)."""
    with phone_page(browser) as (page, _):
        browser.start_tracing(page=page, categories=["devtools.timeline", "disabled-by-default-devtools.timeline"])
        page.goto(url, wait_until="load")
        page.wait_for_timeout(SETTLE_MS)
        trace = json.loads(browser.stop_tracing())
    return work_done(trace["traceEvents"] if isinstance(trace, dict) else trace)


def script_time(profile: dict, page: str) -> dict[str, float]:
    """Sum the time (ms) of V8 CPU profile `profile` of `page` by the script whose code was running (`SCRIPTS`).

    What a script makes the browser do at once (styles it reads, say) counts as the script's; the browser's own work
    (parsing, layout between scripts, idle) is left out. Scripts from elsewhere (a browser extension) count as none.
    """
    address = page.split("#")[0]
    origin = urlsplit(page)._replace(path="", query="", fragment="").geturl()

    def column(url: str) -> str | None:
        url = url.split("#")[0]
        if url == address:
            return "scripts in the page"
        if MATERIAL_BUNDLE.search(urlsplit(url).path):
            return "Material's bundle"
        return "other script files" if url.startswith(origin + "/") else None

    columns = {node["id"]: column(node["callFrame"]["url"]) for node in profile["nodes"]}
    found = dict.fromkeys(SCRIPTS, 0.0)
    for node, delta in zip(profile["samples"], profile["timeDeltas"], strict=True):
        if (kind := columns[node]) is not None:
            found[kind] += delta / 1000
    return found


def main_thread_scripts(browser: Browser, url: str) -> dict[str, float]:
    """Load `url` on a phone (`phone_page`) under V8's sampling profiler; return its scripts' time (`script_time`)."""
    with phone_page(browser) as (page, session):
        session.send("Profiler.enable")
        session.send("Profiler.setSamplingInterval", {"interval": 200})  # microseconds: a fine grain for short runs
        session.send("Profiler.start")
        page.goto(url, wait_until="load")
        page.wait_for_timeout(SETTLE_MS)
        profile = session.send("Profiler.stop")["profile"]
        address = page.url
    return script_time(profile, address)


def main() -> None:
    """Print the median main-thread time of each page of ours and of plain Material's lesson, and the differences."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=8)
    kind = parser.add_mutually_exclusive_group()
    kind.add_argument("--work", action="store_true", help="count the work done instead of timing it")
    kind.add_argument("--scripts", action="store_true", help="time the scripts by whose code runs")
    args = page_options(parser).parse_args()
    if not CHROMIUM.exists():
        sys.exit(f"{CHROMIUM} is missing (apt-get install chromium).")
    measure, columns, what = (main_thread_ms, tuple(COUNTERS.values()), "Main-thread time (ms")
    if args.work:
        measure, columns, what = main_thread_work, WORK, "Main-thread work (counted from traces"
    elif args.scripts:
        measure, columns, what = main_thread_scripts, SCRIPTS, "Scripts' time on the main thread (ms, V8's profiler"
    with served_sites(args) as (ours, plain, names), sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        loads = interleaved(names, ours, plain, args.rounds, partial(measure, browser))
        browser.close()
    reference = {column: statistics.median(load[column] for load in loads["plain"]) for column in columns}
    print(f"{what}, medians of {args.rounds} loads, CPU slowed 4x, 412 px phone, gzip-served); "
          f"plain Material: {REFERENCE} of the course built by Material alone, loaded after each of our pages")
    print(" | ".join(["page", *columns, *(f"{column} vs plain" for column in columns)]))
    for page, name in names.items():
        row = {column: statistics.median(load[column] for load in loads[page]) for column in columns}
        differences = (f"{row[c] - reference[c]:+.0f}" for c in columns)
        print(" | ".join([name, *(f"{row[c]:.0f}" for c in columns), *differences]))
    print(" | ".join(["plain Material", *(f"{reference[c]:.0f}" for c in columns), *[""] * len(columns)]))


if __name__ == "__main__":
    main()
