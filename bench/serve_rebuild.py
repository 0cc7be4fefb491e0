"""Time `mkdocs serve`'s rebuilds of a project: after editing one quiz file, and after editing one Markdown page.

MkDocs's own server runs in this process, watching the files as it always does; each edit is written to disk, and
the server notices it (its watcher looks every half second), waits for edits to settle (a tenth of a second) and
rebuilds. What is timed is each rebuild: from reading the settings afresh to the end of the build, as the server calls
it. After the server's first build, one untimed rebuild; each edit is new text, so nothing it changes is in the cache.

    python bench/serve_rebuild.py PROJECT/mkdocs.yml [--runs 5] [--events]

prints the times as JSON: {"quiz": [...], "page": [...]}. `build_time.py` runs it for every size. With `--events`, it
then prints how long the closer plugin's handlers of each event took, the median after each kind of edit: where a
difference lies, without the noise of everything else a rebuild does.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import statistics
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

WAIT = 300
"""Seconds to wait for the server to rebuild after an edit before giving up."""
POLL = 0.5
"""How often the server's watcher looks at the files, in seconds (MkDocs's default)."""


class Serving:
    """MkDocs's development server for one project, run in a thread of this process, which times its builds."""

    def __init__(self, config_file: Path) -> None:
        self.config_file = config_file
        self.times: list[float] = []
        self.seen = 0
        self.changed = threading.Condition()
        self.server: Any = None
        self.failure = ""
        """Why the server stopped, if it failed."""
        self.thread = threading.Thread(target=self._serve, daemon=True)

    def __enter__(self) -> Serving:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.server is not None:
            self.server.shutdown()
        self.thread.join(WAIT)

    def _serve(self) -> None:
        from mkdocs.commands import serve as command
        from mkdocs.livereload import LiveReloadServer

        serving = self

        class TimedServer(LiveReloadServer):
            """The server `mkdocs serve` runs, with each of its builds timed."""

            def __init__(self, builder: Callable[..., None], *args: Any, **kwargs: Any) -> None:
                super().__init__(serving.timed(builder), *args, **kwargs)
                serving.server = self

        command.LiveReloadServer = TimedServer  # type: ignore[misc]
        try:
            # A port of the system's choosing. `serve` makes the first build itself (untimed), the server the others.
            command.serve(str(self.config_file), dev_addr="127.0.0.1:0")
        except Exception as exc:  # told by whoever waits, in this thread's stead
            self.failure = f" ({exc})"
        finally:
            with self.changed:
                self.times.append(float("nan"))  # a server that stopped wakes whoever waits
                self.changed.notify_all()

    def timed(self, builder: Callable[..., None]) -> Callable[..., None]:
        """Return `builder`, which records how long each of its builds takes."""
        def build(*args: Any) -> None:
            start = time.perf_counter()
            builder(*args)
            with self.changed:
                self.times.append(time.perf_counter() - start)
                self.changed.notify_all()
        return build

    def watching(self) -> None:
        """Wait until the server's watcher has taken its first look at the files: an edit before it goes unseen."""
        deadline = time.monotonic() + WAIT
        while not (self.server is not None and self.server.observer.is_alive()):
            if not self.thread.is_alive():
                raise SystemExit(f"{self.config_file}: the server stopped before it watched the files{self.failure}")
            if time.monotonic() > deadline:
                raise SystemExit(f"{self.config_file}: the server did not start watching within {WAIT} s")
            time.sleep(0.05)
        time.sleep(2 * POLL)

    def next_build(self) -> float:
        """Wait for the server's next build; return its seconds."""
        with self.changed:
            if not self.changed.wait_for(lambda: len(self.times) > self.seen, timeout=WAIT):
                raise SystemExit(f"{self.config_file}: the server did not rebuild within {WAIT} s")
            seconds = self.times[self.seen]
            self.seen += 1
        if seconds != seconds:  # NaN: the server stopped
            raise SystemExit(f"{self.config_file}: the server stopped{self.failure}")
        return seconds


class EventTimes:
    """The seconds each build spends in one plugin's handlers of each event: MkDocs's `run_event`, timed."""

    def __init__(self, plugin: str) -> None:
        self.plugin = plugin
        self.builds: list[dict[str, float]] = []
        self.current: dict[str, float] = {}

    def install(self) -> None:
        """Time the plugin's handlers in every build from now on, in this process."""
        from mkdocs.plugins import PluginCollection

        run_event, times = PluginCollection.run_event, self

        def timed_run_event(collection: Any, name: str, *args: Any, **kwargs: Any) -> Any:
            handlers = collection.events[name]
            origins = collection._event_origins
            # The plugin's handlers timed, in their place among the others; MkDocs's own loop runs them.
            collection.events[name] = [times.timed(name, handler, origins) if origins.get(handler) == times.plugin
                                       else handler for handler in handlers]
            try:
                return run_event(collection, name, *args, **kwargs)
            finally:
                collection.events[name] = handlers
                if name == "post_build":
                    times.builds.append(times.current)
                    times.current = {}

        PluginCollection.run_event = timed_run_event  # type: ignore[method-assign]

    def timed(self, event: str, handler: Callable[..., Any], origins: dict[Any, str]) -> Callable[..., Any]:
        """Return `handler`, adding the time each call takes to this build's time for `event`."""
        def call(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return handler(*args, **kwargs)
            finally:
                self.current[event] = self.current.get(event, 0.0) + time.perf_counter() - start
        origins[call] = self.plugin
        return call


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
        with Serving(config_file) as server:
            server.watching()  # after the server's first build, made before its threads start
            # The first build left in forked copies what the server's process keeps between builds from then on (the
            # checks on how questions are written, for one), so the next rebuild redoes it: untimed, lest one kind of
            # edit pay for it.
            edited["page"].write_text(f"{originals['page']}\nWarm-up.\n", encoding="utf-8")
            server.next_build()
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
                    times[kind].append(server.next_build())
    finally:
        for kind, path in edited.items():
            path.write_text(originals[kind], encoding="utf-8")
    return times


def main() -> None:
    """Print the rebuild times of the project given."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("config", type=Path, help="the project's mkdocs.yml")
    parser.add_argument("--runs", type=int, default=5, help="rebuilds after each kind of edit")
    parser.add_argument("--events", action="store_true",
                        help="also print the closer plugin's time in each event, median by kind of edit")
    args = parser.parse_args()
    events = EventTimes("closer")
    if args.events:
        events.install()
    times = rebuild_times(args.config, args.runs)
    print(json.dumps(times))
    if args.events:
        print_events(events.builds[-2 * args.runs:], args.runs)


def print_events(builds: list[dict[str, float]], runs: int) -> None:
    """Print the median time of the plugin's handlers of each event after each kind of edit, in milliseconds."""
    kinds = [kind for run in range(runs) for kind in sorted(("quiz", "page"), reverse=run % 2 == 1)]
    names = sorted({name for build in builds for name in build})
    print(f"{'event (ms)':<16}{'quiz edit':>10}{'page edit':>10}")
    for name in [*names, "all"]:
        medians = [statistics.median(sum(build.values()) if name == "all" else build.get(name, 0.0)
                                     for build, of in zip(builds, kinds, strict=True) if of == kind)
                   for kind in ("quiz", "page")]
        print(f"{name:<16}{medians[0] * 1000:>10.2f}{medians[1] * 1000:>10.2f}")


if __name__ == "__main__":
    main()
