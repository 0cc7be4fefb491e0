"""Compare `mkdocs build` time and peak memory with the quiz hook against plain Markdown pages.

For each size N this writes two MkDocs projects to `bench/work/n<N>/`, with the same theme settings,
the same lesson pages and the same quiz text:

* `hook/`: N YAML quizzes (10 questions each) turned into pages by the closer plugin;
* `plain/`: the same quizzes written by hand as plain Markdown pages, no hook.

Both use this repository's `overrides/` as `custom_dir`, so the theme costs the same. After one untimed
warm-up build of each, the two are built `--runs` times in alternation; `os.wait4` gives each build's
own peak RSS, and the CPU time of the build with the copies of itself it forked. Only one benchmark runs
at a time (`bench/work/.lock`): two would slow each other down.

    python bench/build_time.py [--sizes 10 100 1000] [--runs 5] [--cold] [--no-serve] [--keep]
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / "bench" / "work"
QUESTIONS = 10
TIME_TARGETS = {10: 1.10, 100: 1.10, 1000: 1.05}
SERVE_TARGET = 1.0
"""`mkdocs serve`: a rebuild after editing one quiz is no slower than after editing one page (median ratio)."""
MEMORY_TARGET = 1.2

CONFIG = """\
site_name: Build benchmark
site_url: https://bench.example/
theme:
  name: material
  custom_dir: {root}/overrides
  font: false
  features: [navigation.instant, navigation.footer]
markdown_extensions:
  - attr_list
  - md_in_html
  - admonition
  - pymdownx.details
  - pymdownx.superfences
  - toc:
      permalink: true
plugins: [search]
"""
# The closer plugin as a course uses it, without the facilitators' pages, which no plain project has either.
HOOK_CONFIG = "plugins:\n  - search\n  - closer:\n      facilitators: {{enabled: false}}\n"
# The plugin off: only its templates, which the course's own `main.html` extends.
PLAIN_CONFIG = "plugins:\n  - search\n  - closer:\n      enabled: false\n"



def lesson(i: int) -> str:
    """Return the Markdown of lesson `i` (identical in both projects)."""
    return (
        f"# Lesson {i}: small steps\n\n"
        f"Closeness grows when partners share *small* things often. Lesson {i} looks at everyday moments.\n\n"
        "## Try this\n\n"
        "!!! tip \"This week\"\n\n"
        "    Tell your partner one thing that surprised you today, and ask about theirs.\n\n"
        "Responding with interest matters as much as opening up.\n"
    )


def name(n: int) -> str:
    """Return a made-up name for number `n`: each question is about different people, as in a real course."""
    syllables = [c + v for c in "bdfklmnprt" for v in "aeiou"]
    return "".join(syllables[(n // 50**k) % 50] for k in range(3)).capitalize()


def quiz(i: int) -> dict:
    """Return quiz `i` as schema-valid data that the item-writing checks find fair: single, multiple and true-false
    questions in turn, right answers in every position, every wrong choice explained."""
    questions: list[dict] = []
    for q in range(1, QUESTIONS + 1):
        qid = f"q{q}"
        first, second, third = (name(3 * (i * QUESTIONS + q) + k) for k in range(3))
        explanation = f"Small, **repeated** disclosures build trust (Reis & Shaver, 1988); see *lesson {i}*, point {q}."
        kind = ("single", "multiple", "true-false")[(q - 1) % 3]
        if kind == "true-false":
            answer = (i + q) % 2 == 0
            questions.append({
                "id": qid, "type": kind, "prompt": f"Statement: {first} and {second} share {third}.",
                "answer": answer, f"feedback_{str(not answer).lower()}": "Everyday moments count too.",
                "explanation": explanation,
            })
            continue
        choices: list[dict] = [
            {"text": f"Sharing a **small** feeling with {first}", "correct": True},
            {"text": f"Listening with interest to {second}", "correct": kind == "multiple",
             "feedback": "Listening is half of the process."},
            {"text": f"Winning the argument with {third}", "feedback": "Intimacy is not a *contest*."},
            {"text": f"Keeping score with {second}", "feedback": "Score-keeping breeds resentment."},
        ]
        turn = (i + q) % 4
        choices = choices[turn:] + choices[:turn]  # right answers move through every position
        prompt = f"{first} and {second}: which of these {'builds' if kind == 'single' else 'build'} closeness?"
        questions.append({"id": qid, "type": kind, "prompt": prompt, "choices": choices, "explanation": explanation})
    return {
        "title": f"Check your understanding: lesson {i}",
        "type": "knowledge-check",
        "lesson": f"lessons/lesson-{i}.md",
        "description": f"Ten questions on lesson {i}.",
        "intro": "Answer each question, then press **Check**.",
        "questions": questions,
    }


def plain_page(data: dict) -> str:
    """Return `data` written as a plain Markdown page with the same text."""
    parts = [f"# {data['title']}", data["intro"]]
    for q in data["questions"]:
        parts.append(f"## {q['prompt']}")
        choices = q.get("choices") or [{"text": "True", "feedback": q.get("feedback_true")},
                                       {"text": "False", "feedback": q.get("feedback_false")}]
        parts.append("\n".join(f"- {c['text']}" for c in choices))
        parts.extend(f"{c['text']}: {c['feedback']}" for c in choices if c.get("feedback"))
        parts.append(q["explanation"])
    return "\n\n".join(parts) + "\n"


def write_project(path: Path, n: int, *, hook: bool) -> Path:
    """Write one project of `n` lessons and quizzes to `path` and return its mkdocs.yml."""
    shutil.rmtree(path, ignore_errors=True)
    (path / "docs" / "lessons").mkdir(parents=True)
    (path / "docs" / "index.md").write_text("# Home\n\nA benchmark site.\n", encoding="utf-8")
    quiz_dir = path / ("quizzes" if hook else "docs/quizzes")
    quiz_dir.mkdir(parents=True)
    for i in range(1, n + 1):
        (path / "docs" / "lessons" / f"lesson-{i}.md").write_text(lesson(i), encoding="utf-8")
        if hook:
            text = yaml.safe_dump(quiz(i), allow_unicode=True, sort_keys=False)
            (quiz_dir / f"quiz-{i}.yml").write_text(text, encoding="utf-8")
        else:
            (quiz_dir / f"quiz-{i}.md").write_text(plain_page(quiz(i)), encoding="utf-8")
    config = path / "mkdocs.yml"
    root = ROOT.as_posix()
    config.write_text(CONFIG.format(root=root) + (HOOK_CONFIG if hook else PLAIN_CONFIG).format(root=root),
                      encoding="utf-8")
    return config


def build_env() -> dict[str, str]:
    """Return the environment of a timed build: this one, with Python's default bytecode caching."""
    # As on a user's machine: MkDocs and Material come precompiled by pip, and without caching the hook's modules
    # alone would be compiled again on every build.
    return {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"} | {"NO_MKDOCS_2_WARNING": "1"}


def build(config: Path) -> tuple[float, float, float]:
    """Build the project at `config` once; return wall seconds, peak RSS in MiB and CPU seconds of that build."""
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config)]
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors, env=build_env())
        try:
            # The rusage of this one child, with the children it reaped (the plugin's forked copies): ru_maxrss in KiB.
            _, status, usage = os.wait4(process.pid, 0)
        except BaseException:
            process.kill()
            raise
        elapsed = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode:
            errors.seek(0)
            sys.exit(f"build of {config} failed:\n{errors.read().decode(errors='replace')}")
    return elapsed, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def check_pages(config: Path, n: int) -> None:
    """Stop unless the build at `config` produced all `n` quiz pages."""
    site = config.parent / "site"
    missing = [i for i in range(1, n + 1) if not (site / "quizzes" / f"quiz-{i}" / "index.html").is_file()]
    if missing:
        sys.exit(f"{config.parent.name}: {len(missing)} of {n} quiz pages missing, e.g. quiz-{missing[0]}")


@dataclass
class Result:
    """Timings (s), peak memory (MiB) and CPU time (s) of the builds of one project."""

    times: list[float] = field(default_factory=list)
    peaks: list[float] = field(default_factory=list)
    cpu_times: list[float] = field(default_factory=list)

    @property
    def time(self) -> float:
        """The median wall time."""
        return statistics.median(self.times)

    @property
    def peak(self) -> float:
        """The median peak RSS."""
        return statistics.median(self.peaks)

    @property
    def cpu(self) -> float:
        """The median CPU time."""
        return statistics.median(self.cpu_times)


def measure(n: int, runs: int, *, cold: bool) -> tuple[Result, Result]:
    """Write both projects of size `n`, warm up, then build them `runs` times in alternation.

    With `cold`, the hook's cache of valid quiz files is deleted before every build, as on a fresh clone.
    """
    projects = {kind: write_project(WORK / f"n{n}" / kind, n, hook=kind == "hook") for kind in ("hook", "plain")}
    results = {kind: Result() for kind in projects}
    for config in projects.values():
        build(config)
        check_pages(config, n)
    for run in range(runs):
        # The order alternates, so neither project always builds right after the other.
        for kind in ("hook", "plain") if run % 2 == 0 else ("plain", "hook"):
            config = projects[kind]
            if cold:
                shutil.rmtree(config.parent / ".cache", ignore_errors=True)
            elapsed, peak, cpu = build(config)
            results[kind].times.append(elapsed)
            results[kind].peaks.append(peak)
            results[kind].cpu_times.append(cpu)
            print(f"  N={n} run {run + 1}/{runs} {kind:5} {elapsed:7.2f} s {peak:7.1f} MiB {cpu:7.2f} s CPU",
                  file=sys.stderr)
    return results["hook"], results["plain"]


def serve_rebuilds(config: Path, runs: int) -> dict[str, list[float]]:
    """Time `mkdocs serve`'s rebuilds of the project at `config` after a quiz edit and after a page edit."""
    command = [sys.executable, str(Path(__file__).with_name("serve_rebuild.py")), str(config), "--runs", str(runs)]
    times: dict[str, list[float]] = json.loads(subprocess.run(command, capture_output=True, text=True,
                                                              check=True).stdout)
    return times


@contextlib.contextmanager
def hold_lock() -> Iterator[None]:
    """Run one benchmark at a time (`bench/work/.lock`), or stop: two would slow each other down."""
    WORK.mkdir(parents=True, exist_ok=True)
    with (WORK / ".lock").open("w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            sys.exit("another benchmark is running (bench/work/.lock); wait for it to finish.")
        yield


def revision() -> str:
    """Return the last commit of the engine and the course's templates, marked `+dirty` if they have local changes."""

    def git(*args: str) -> str:
        result = subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True, check=False)
        return result.stdout.strip()

    paths = ("src", "hooks", "overrides")
    dirty = git("status", "--porcelain", *paths)
    return git("log", "-1", "--format=%h", "--", *paths) + ("+dirty" if dirty else "")


def main() -> None:
    """Run the benchmark and print the table and the targets."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000], help="numbers of quizzes")
    parser.add_argument("--runs", type=int, default=5, help="timed builds per project and size")
    parser.add_argument("--keep", action="store_true", help="keep the generated projects in bench/work/")
    parser.add_argument("--cold", action="store_true", help="clear the hook's cache before every build")
    parser.add_argument("--no-serve", dest="serve", action="store_false",
                        help="leave out `mkdocs serve`'s rebuilds (at N = 1000, a run of them takes minutes)")
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # Unwind, so the running build is stopped too.
    start = revision()
    rows: list[tuple[int, Result, Result]] = []
    serve: dict[int, dict[str, list[float]]] = {}
    with hold_lock():
        for n in args.sizes:
            hook, plain = measure(n, args.runs, cold=args.cold)
            rows.append((n, hook, plain))
            if args.serve:
                serve[n] = serve_rebuilds(WORK / f"n{n}" / "hook" / "mkdocs.yml", args.runs)
            if not args.keep:
                shutil.rmtree(WORK / f"n{n}")

    end = revision()
    print(f"hook code: {start}" + ("" if end == start else f" -> {end} (changed during the run!)")
          + (", cold: cache cleared before every build" if args.cold else ", warm: cache kept between builds"))
    print(f"{'N':>5} {'plain s':>8} {'hook s':>8} {'ratio':>6} {'pairs: median (range)':>22} "
          f"{'plain MiB':>10} {'hook MiB':>9} {'mem ratio':>9} {'CPU ratio':>9}")
    for n, hook, plain in rows:
        # Each hook build is paired with the plain build next to it: a slow spell of the machine falls on both.
        pairs = [h / p for h, p in zip(hook.times, plain.times, strict=True)]
        spread = f"{statistics.median(pairs):.3f} ({min(pairs):.3f}-{max(pairs):.3f})"
        print(f"{n:>5} {plain.time:>8.2f} {hook.time:>8.2f} {hook.time / plain.time:>6.3f} {spread:>22} "
              f"{plain.peak:>10.1f} {hook.peak:>9.1f} {hook.peak / plain.peak:>9.3f} "
              f"{hook.cpu / plain.cpu:>9.3f}")
    print(f"(medians of {args.runs} builds each; pairs: each hook build over the plain build next to it, "
          "the order alternating; peak = median of the builds' max RSS; "
          "CPU = the builds' CPU time with their forked copies'; quiz pages verified)")
    for n, hook, plain in rows:
        checks = []
        if n in TIME_TARGETS:
            ok = hook.time / plain.time <= TIME_TARGETS[n]
            checks.append(f"time ratio <= {TIME_TARGETS[n]:.2f}: {'PASS' if ok else 'FAIL'}")
        ok = hook.peak / plain.peak <= MEMORY_TARGET
        checks.append(f"memory ratio <= {MEMORY_TARGET}: {'PASS' if ok else 'FAIL'}")
        print(f"N={n}: " + "; ".join(checks))
    if not serve:
        return
    print("mkdocs serve, hook project: median rebuild after editing one quiz file and after editing one lesson page,")
    print("the median ratio of each quiz rebuild to the page rebuild of the same run (each goes first in every other")
    print("run), its range, and in how many runs the quiz rebuild was no slower")
    print(f"{'N':>5} {'quiz s':>8} {'page s':>8} {'ratio':>6} {'pairs: range':>14} {'no slower':>9}")
    for n, times in serve.items():
        # Each quiz edit is paired with the page edit of the same run: the ratio of each pair, then their median.
        pairs = [q / p for q, p in zip(times["quiz"], times["page"], strict=True)]
        ratio = statistics.median(pairs)
        spread = f"{min(pairs):.3f}-{max(pairs):.3f}"
        won = f"{sum(r <= 1 for r in pairs)}/{len(pairs)}"
        quiz, page = statistics.median(times["quiz"]), statistics.median(times["page"])
        print(f"{n:>5} {quiz:>8.2f} {page:>8.2f} {ratio:>6.3f} {spread:>14} {won:>9}  "
              f"ratio <= {SERVE_TARGET:.2f}: {'PASS' if ratio <= SERVE_TARGET else 'FAIL'}")


if __name__ == "__main__":
    main()
