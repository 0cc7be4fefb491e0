"""Work on edited files done while `mkdocs serve` waits for the edits to settle, before it rebuilds."""

from __future__ import annotations

import contextlib
import logging
import os
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

Prepare = Callable[[set[Path]], None]
"""Work that readies the next build for files edited since the last one: it puts what it makes in the build cache."""


class WorkAhead:
    """A thread that readies the next build of `mkdocs serve` for the files edited in a folder.

    The server rebuilds only once the edits have stopped for a tenth of a second: in that pause the thread reads
    the edited files and puts their work in the build cache, where the rebuild finds it. Nothing it does is needed:
    the rebuild does whatever it finds missing, and it alone speaks of problems (the thread's log records are dropped).
    A build never overlaps the thread's work: `building` waits for it, and it waits for `built`.
    """

    def __init__(self) -> None:
        self._state = threading.Condition()
        self._edited: set[Path] = set()
        self._prepare: Prepare | None = None
        self._building = False
        self._busy = False
        self._closed = False
        self._thread: threading.Thread | None = None
        self.rounds = 0
        """How many rounds of work have ended, done or failed."""

    def watch(self, server: Any, folder: Path) -> bool:
        """Follow the files of `folder` with the server's own watcher and start the thread; False if it has none."""
        observer: Any = getattr(server, "observer", None)
        if not callable(getattr(observer, "schedule", None)):
            return False  # a server of another make: its rebuilds do all the work, as builds do
        # Only a server needs the watcher's library: builds never import it.
        from watchdog.events import (
            EVENT_TYPE_CREATED,
            EVENT_TYPE_MODIFIED,
            EVENT_TYPE_MOVED,
            FileSystemEvent,
            FileSystemEventHandler,
        )

        # Not a file read (some watchers report those): the thread's own reads would wake it again and again.
        changes = {EVENT_TYPE_CREATED, EVENT_TYPE_MODIFIED, EVENT_TYPE_MOVED}

        def noticed(event: FileSystemEvent) -> None:
            if not event.is_directory and event.event_type in changes:
                self.edited(Path(str(getattr(event, "dest_path", "") or event.src_path)))

        handler = FileSystemEventHandler()
        handler.on_any_event = noticed  # type: ignore[method-assign]
        # As the server watches it: the same look at the folder tells both, so the work starts as the wait does.
        observer.schedule(handler, os.path.abspath(folder), recursive=True)
        self.start()
        return True

    def start(self) -> None:
        """Start the thread, unless it runs."""
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="closer-work-ahead", daemon=True)
            self._thread.start()

    def edited(self, path: Path) -> None:
        """Note that `path` changed: the thread readies the next build for it."""
        with self._state:
            self._edited.add(path)
            self._state.notify_all()

    def building(self) -> None:
        """Wait until the thread's work is done, and keep it from starting until `built`: a build begins."""
        with self._state:
            self._building = True
            self._state.wait_for(lambda: not self._busy)

    def built(self, prepare: Prepare | None) -> None:
        """Let the thread ready the next build, with `prepare` from this one (or none): a build has ended."""
        with self._state:
            self._building = False
            self._prepare = prepare
            self._state.notify_all()

    def close(self) -> None:
        """Stop the thread: the server is shutting down."""
        with self._state:
            self._closed = True
            self._state.notify_all()

    def _run(self) -> None:
        with _silenced():
            while self._next():
                pass

    def _next(self) -> bool:
        """Do the next round of work once there is one; return False once closed."""
        with self._state:
            self._state.wait_for(lambda: self._closed or bool(self._edited and self._prepare and not self._building))
            if self._closed:
                return False
            edited, self._edited = self._edited, set()
            prepare, self._busy = self._prepare, True
        try:
            if prepare is not None:
                prepare(edited)
        except Exception:  # the rebuild does the same work, and reports what went wrong
            pass
        finally:
            with self._state:
                self._busy = False
                self.rounds += 1
                self._state.notify_all()
        return True


@contextlib.contextmanager
def _silenced() -> Iterator[None]:
    """Drop the log records of this thread wherever they are written, while in the block: the rebuild says it all."""
    thread = threading.current_thread()

    def other_thread(record: logging.LogRecord) -> bool:
        return threading.current_thread() is not thread

    handlers = {*logging.getLogger().handlers, *logging.getLogger("mkdocs").handlers}
    for handler in handlers:
        handler.addFilter(other_thread)
    try:
        yield
    finally:
        for handler in handlers:
            handler.removeFilter(other_thread)
