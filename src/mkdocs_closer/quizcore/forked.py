"""Work done on another core by a forked copy of the build, while the build goes on."""

from __future__ import annotations

import gc
import os
import pickle
import signal
import sys
import threading
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


def can_fork() -> bool:
    """Tell whether a forked copy of this process can safely work beside it: on Linux, with one thread, two cores."""
    # A fork copies only the calling thread: a lock another thread holds (a server's, a logger's) stays locked in the
    # copy. macOS's system libraries are not safe to fork at all, and on one core the copy would only take turns.
    return (sys.platform == "linux" and threading.active_count() == 1
            and len(os.sched_getaffinity(0)) > 1)


class Forked(Generic[T]):
    """The result of `work`, computed by a forked child where that is safe, else here when it is asked for.

    A child that fails sends nothing: the work is then done here, so that its errors are raised as they would be
    without a child, with their traceback and their place in the build.
    """

    def __init__(self, work: Callable[[], T]) -> None:
        self.work = work
        self.child: tuple[int, int] | None = _start(work) if can_fork() else None
        """The child's process id and the end of the pipe its result comes through, until the result is read."""

    @property
    def forked(self) -> bool:
        """Tell whether a child is doing the work."""
        return self.child is not None

    def result(self) -> T:
        """Return the work's result: the child's, once it has sent it all, or else computed here. Ask once."""
        if self.child is not None:
            pid, pipe = self.child
            self.child = None
            with os.fdopen(pipe, "rb") as source:
                data = source.read()
            _, status = os.waitpid(pid, 0)
            if os.waitstatus_to_exitcode(status) == 0:
                result: T = pickle.loads(data)  # our own child's output, through our own pipe
                return result
        return self.work()

    def cancel(self) -> None:
        """Stop the child, if any, and reap it: for a build that failed before it needed the result."""
        if self.child is not None:
            pid, pipe = self.child
            self.child = None
            os.close(pipe)
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)


def _start(work: Callable[[], object]) -> tuple[int, int]:
    """Fork a child that sends `work()`, pickled, through a pipe and exits; return its process id and the pipe."""
    read, write = os.pipe()
    pid = os.fork()
    if pid:
        os.close(write)
        return pid, read
    status = 1
    try:
        os.close(read)
        # The collector would touch every object the parent made, copying the pages they sit on: only new ones count.
        gc.freeze()
        data = pickle.dumps(work(), pickle.HIGHEST_PROTOCOL)
        with os.fdopen(write, "wb") as sink:
            sink.write(data)
        status = 0
    finally:
        # Without the parent's exit handlers and buffered output, which are the parent's to run and to write.
        os._exit(status)
