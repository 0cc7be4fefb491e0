"""Time `mkdocs serve`'s rebuilds of a project: after editing one quiz file, and after editing one Markdown page.

Like `mkdocs serve`, one process builds again and again, reading the settings afresh each time (new plugin objects but
for those MkDocs keeps for the whole session, the closer plugin among them; modules already loaded, the build cache
warm), with other threads running after the first build, and one untimed rebuild with them before the timed ones.
Each edit is new text, so nothing it changes is in the cache.

    python bench/serve_rebuild.py PROJECT/mkdocs.yml [--runs 5]

prints the times as JSON: {"quiz": [...], "page": [...]}. `build_time.py` runs it for every size.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import threading
import time
from pathlib import Path


def rebuild(config_file: Path) -> float:
    """Build as `mkdocs serve` rebuilds, in this process, with fresh settings; return the seconds."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    start = time.perf_counter()
    config = load_config(str(config_file))
    config.plugins.on_startup(command="serve", dirty=False)
    build(config)
    return time.perf_counter() - start


def rebuild_times(config_file: Path, runs: int) -> dict[str, list[float]]:
    """Rebuild after each kind of edit `runs` times, alternating; leave the edited files as they were.

    Return the times in run order: the quiz edit and the page edit of one run are a pair.
    """
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    logging.disable(logging.WARNING)
    root = config_file.parent
    edited = {"quiz": root / "quizzes" / "quiz-1.yml", "page": root / "docs" / "lessons" / "lesson-1.md"}
    originals = {kind: path.read_text(encoding="utf-8") for kind, path in edited.items()}
    times: dict[str, list[float]] = {kind: [] for kind in edited}
    try:
        rebuild(config_file)  # the server's first build, before its threads start
        # `mkdocs serve` rebuilds beside its server's and its watcher's threads, and a build with other threads does
        # all its work itself (it never forks a copy): so do these.
        threading.Thread(target=threading.Event().wait, daemon=True).start()
        # The first build left in forked copies what this process now keeps between builds (the checks on how
        # questions are written, for one), so the next rebuild redoes it: untimed, lest one kind of edit pay for it.
        rebuild(config_file)
        for run in range(runs):
            # Each kind of edit goes first in every other run, so that neither always follows the other's rebuild.
            for kind in sorted(edited, reverse=run % 2 == 1):
                path = edited[kind]
                if kind == "quiz":
                    text = originals[kind].replace("\ndescription: ", f"\ndescription: Edit {run}. ", 1)
                else:
                    text = f"{originals[kind]}\nEdit {run}.\n"
                if text == originals[kind]:
                    raise SystemExit(f"{path}: no `description:` line to edit")
                path.write_text(text, encoding="utf-8")
                times[kind].append(rebuild(config_file))
    finally:
        for kind, path in edited.items():
            path.write_text(originals[kind], encoding="utf-8")
    return times


def main() -> None:
    """Print the rebuild times of the project given."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("config", type=Path, help="the project's mkdocs.yml")
    parser.add_argument("--runs", type=int, default=5, help="rebuilds after each kind of edit")
    args = parser.parse_args()
    print(json.dumps(rebuild_times(args.config, args.runs)))


if __name__ == "__main__":
    main()
