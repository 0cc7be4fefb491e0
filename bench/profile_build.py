"""Profile the benchmark's two projects and set the time each part of the code takes in one against the other.

Writes the projects of `build_time.py` for one size N (to `bench/work/profile-n<N>/`), builds each once untimed, then
builds them `--runs` times in alternation, each `mkdocs build -q` in a new process under cProfile, the plugin's cache
cleared before each build unless `--warm`. It sums each function's own time by where its code lives (a package, a
part of the closer engine, Python's library, the compiled templates) and prints the medians of the sums, the largest
differences first. cProfile sees the build's own process only: work the build hands to forked copies of itself shows
only as the time it waits for them (in `_pickle.load` and `posix.waitpid`), and profiling slows Python code more than
C code, so compare the rows with each other rather than with `build_time.py`'s times.

    python bench/profile_build.py [--size 10] [--runs 3] [--warm] [--rows 25] [--keep]
"""

from __future__ import annotations

import argparse
import pstats
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
from collections import defaultdict
from pathlib import Path

from build_time import WORK, build_env, check_pages, hold_lock, write_project

KINDS = ("hook", "plain")
STDLIB = Path(sysconfig.get_paths()["stdlib"]).resolve().as_posix() + "/"


def place(filename: str) -> str:
    """Return where the code of a profiled function lives, as a row of the table."""
    if filename == "~":
        return "built-in functions"
    if filename.endswith((".html", ".xml", ".js")) or filename == "<template>":
        return "templates (their compiled code)"  # whichever theme or package the template comes from
    if "/mkdocs_closer/" in filename:  # installed or editable, by its parts
        part = filename.rsplit("/mkdocs_closer/", 1)[1].split("/")[0].removesuffix(".py")
        return f"mkdocs_closer.{part}"
    if "/site-packages/" in filename:
        return filename.rsplit("/site-packages/", 1)[1].split("/")[0].removesuffix(".py")
    if filename.startswith("<frozen ") or filename.startswith(STDLIB):
        return "Python's library"
    return Path(filename).name


def own_times(profile: Path) -> dict[str, float]:
    """Return the seconds spent in each place's own code in one profiled build."""
    spent: dict[str, float] = defaultdict(float)
    for (filename, _, _), (_, _, own, _, _) in pstats.Stats(str(profile)).stats.items():
        spent[place(filename)] += own
    return spent


def profiled_build(config: Path, output: Path) -> None:
    """Build the project at `config` once under cProfile, in a new process, writing the profile to `output`."""
    command = [sys.executable, "-m", "cProfile", "-o", str(output), "-m", "mkdocs", "build", "-q", "-f", str(config)]
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=build_env(), check=False)
    if done.returncode:
        sys.exit(f"build of {config} failed:\n{done.stderr.decode(errors='replace')}")


def measure(n: int, runs: int, *, cold: bool) -> dict[str, list[dict[str, float]]]:
    """Write both projects of size `n`, build each once, then profile `runs` builds of each in alternation."""
    projects = {kind: write_project(WORK / f"profile-n{n}" / kind, n, hook=kind == "hook") for kind in KINDS}
    found: dict[str, list[dict[str, float]]] = {kind: [] for kind in KINDS}
    with tempfile.TemporaryDirectory() as tmp:
        for config in projects.values():
            profiled_build(config, Path(tmp) / "warm-up.prof")
            check_pages(config, n)
        for run in range(runs):
            for kind, config in projects.items():
                if cold:
                    shutil.rmtree(config.parent / ".cache", ignore_errors=True)
                profile = Path(tmp) / f"{kind}-{run}.prof"
                profiled_build(config, profile)
                found[kind].append(own_times(profile))
                print(f"  N={n} run {run + 1}/{runs} {kind}", file=sys.stderr)
    return found


def table(found: dict[str, list[dict[str, float]]], rows: int) -> str:
    """Return the median own time of each place in both projects, the largest differences first."""
    places = set().union(*found["hook"], *found["plain"])
    median = {kind: {p: statistics.median(run.get(p, 0.0) for run in runs) for p in places}
              for kind, runs in found.items()}
    totals = {kind: statistics.median(sum(run.values()) for run in runs) for kind, runs in found.items()}
    ordered = sorted(places, key=lambda p: -abs(median["hook"][p] - median["plain"][p]))

    def row(name: str, hook: float, plain: float) -> str:
        return f"{name:32} {hook * 1000:9.1f} {plain * 1000:9.1f} {(hook - plain) * 1000:+13.1f}"

    lines = [f"{'own time in':32} {'hook ms':>9} {'plain ms':>9} {'hook - plain':>13}",
             row("all code", totals["hook"], totals["plain"])]
    lines += [row(p, median["hook"][p], median["plain"][p]) for p in ordered[:rows]]
    return "\n".join(lines)


def main() -> None:
    """Profile the builds and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10, help="number of quizzes (and lessons)")
    parser.add_argument("--runs", type=int, default=3, help="profiled builds per project")
    parser.add_argument("--warm", action="store_true", help="keep the plugin's cache between builds")
    parser.add_argument("--rows", type=int, default=25, help="places to show, the largest differences first")
    parser.add_argument("--keep", action="store_true", help="keep the projects in bench/work/")
    args = parser.parse_args()
    with hold_lock():
        found = measure(args.size, args.runs, cold=not args.warm)
        if not args.keep:
            shutil.rmtree(WORK / f"profile-n{args.size}")
    print(f"N={args.size}, {'warm: cache kept' if args.warm else 'cold: cache cleared before every build'}; "
          f"medians of {args.runs} profiled builds of each project (the build's own process only)")
    print(table(found, args.rows))


if __name__ == "__main__":
    main()
