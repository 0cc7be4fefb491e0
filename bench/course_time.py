"""Time the whole course's build, part by part: every plugin and hook, and MkDocs and Material's own work.

Builds this repository's course as it is, then the same course with the closer plugin's pages switched off
(`enabled: false`: no quiz, progress, journal or facilitators' pages; its templates and its other options, such as
the Content-Security-Policy and compact pages, stay), each in a new process, alternating, and prints the medians: the
whole build, and the time spent in each plugin's and hook's events. What is left, MkDocs' and Material's own work
(reading, Markdown, templates, writing files), is the last row.

    python bench/course_time.py [--runs 5] [--cold]
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
MODES = ("course", "quizzes off")


def quizzes_off() -> str:
    """Return settings that inherit the course's, with the closer plugin's pages off and its other options kept."""
    from mkdocs.utils.yaml import yaml_load  # not at the top: each timed child build pays for all it imports

    plugins = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["plugins"]
    # Only the quiz features go: the policy, compact pages and stacked tables cost the same in both builds.
    plugins = [{"closer": {**plugin["closer"], "enabled": False}} if isinstance(plugin, dict) and "closer" in plugin
               else plugin for plugin in plugins]
    return f"INHERIT: mkdocs.yml\nplugins: {json.dumps(plugins)}\n"


def timed(method: Callable[..., Any], part: str, spent: dict[str, float]) -> Callable[..., Any]:
    """Return `method`, adding the time each call takes to `spent[part]`."""

    def run(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return method(*args, **kwargs)
        finally:
            spent[part] += time.perf_counter() - start

    return run


def child(config_file: Path, site_dir: Path) -> dict[str, float]:
    """Build once in this process; return the whole build's time and each plugin's and hook's share of it."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    logging.disable(logging.WARNING)  # a course without its quiz pages has links to them
    start = time.perf_counter()
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(config_file), site_dir=str(site_dir))
    spent: dict[str, float] = defaultdict(float)
    plugins = config.plugins
    for methods in plugins.events.values():
        for index, method in enumerate(methods):
            origin = plugins._event_origins.get(method, "<unknown>")
            part = origin.removeprefix("hooks/").removesuffix(".py") if origin.startswith("hooks/") else origin
            methods[index] = timed(method, part, spent)
            plugins._event_origins[methods[index]] = origin
    plugins.on_startup(command="build", dirty=False)
    build(config)
    total = time.perf_counter() - start
    return {"total": total, **spent, "MkDocs and Material": total - sum(spent.values())}


def measure(runs: int, *, cold: bool) -> dict[str, dict[str, list[float]]]:
    """Build each mode `runs` times (after one untimed build each), alternating; return every part's times."""
    results: dict[str, dict[str, list[float]]] = {mode: defaultdict(list) for mode in MODES}
    with tempfile.TemporaryDirectory() as tmp:
        off = ROOT / "mkdocs.bench-off.yml"
        off.write_text(quizzes_off(), encoding="utf-8")
        try:
            configs = {"course": ROOT / "mkdocs.yml", "quizzes off": off}
            for run in range(runs + 1):
                for mode in MODES:
                    if cold:
                        shutil.rmtree(ROOT / ".cache" / "quizzes", ignore_errors=True)
                    output = subprocess.run(
                        [sys.executable, __file__, "--child", str(configs[mode]), str(Path(tmp) / "site")],
                        capture_output=True, text=True, check=True, cwd=ROOT,
                    ).stdout
                    if run:  # the first build of each only warms the disk and the cache
                        for part, seconds in json.loads(output).items():
                            results[mode][part].append(seconds)
                    print(f"  run {run}/{runs} {mode:12} {json.loads(output)['total']:6.2f} s", file=sys.stderr)
        finally:
            off.unlink(missing_ok=True)
    return results


def table(results: dict[str, dict[str, list[float]]]) -> str:
    """Return the medians as a table: the whole build first, then each part, the largest first."""
    median = {mode: {part: statistics.median(times) for part, times in parts.items()}
              for mode, parts in results.items()}
    course, off = median["course"], median["quizzes off"]
    parts = sorted((p for p in set(course) | set(off) if p != "total"), key=lambda p: -course.get(p, 0.0))
    lines = [f"{'part':28} {'course s':>9} {'quizzes off s':>14}", f"{'whole build':28} {course['total']:9.3f} "
             f"{off['total']:14.3f}   ratio {course['total'] / off['total']:.3f}"]
    lines += [f"{part:28} {course.get(part, 0.0):9.3f} {off.get(part, 0.0):14.3f}" for part in parts]
    return "\n".join(lines)


def main() -> None:
    """Run the benchmark, or one timed build when called as its own child."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="timed builds per mode")
    parser.add_argument("--cold", action="store_true", help="clear the plugin's cache before every build")
    parser.add_argument("--child", nargs=2, metavar=("CONFIG", "SITE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(Path(args.child[0]), Path(args.child[1]))))
        return
    results = measure(args.runs, cold=args.cold)
    print(f"The course, {'cold: cache cleared before every build' if args.cold else 'warm: cache kept'}; "
          f"medians of {args.runs} builds, each in a new process (seconds)")
    print(table(results))


if __name__ == "__main__":
    main()
