"""Work done on another core by a forked copy of the build, while the build goes on."""

from __future__ import annotations

import gc
import os
import pickle
import signal
import sys
import threading
import weakref
from collections.abc import Callable
from typing import Generic, TypeVar, cast

T = TypeVar("T")


def can_fork() -> bool:
    """Tell whether a forked copy of this process can safely work beside it: on Linux, with one thread, two cores."""
    # A fork copies only the calling thread: a lock another thread holds (a server's, a logger's) stays locked in the
    # copy. macOS's system libraries are not safe to fork at all, and on one core the copy would only take turns.
    return (sys.platform == "linux" and threading.active_count() == 1
            and len(os.sched_getaffinity(0)) > 1)


class _ChildWork:
    """Work a forked child does for this process: the child is stopped and reaped if the work is no longer wanted."""

    child: tuple[int, ...] | None = None
    """The child's process id, then the ends of the pipes this process keeps, until the result is read."""

    def __init__(self) -> None:
        self._stop_child: weakref.finalize[[int, int, tuple[int, ...]], _ChildWork] | None = None

    @property
    def forked(self) -> bool:
        """Tell whether a child is doing the work."""
        return self.child is not None

    def _watch(self, pid: int, ends: tuple[int, ...]) -> None:
        """Stop and reap child `pid` and close `ends` if this work is let go of before its result is read."""
        # A build that ends without asking (its settings read, then no build) leaves no child behind, waiting on a
        # full pipe for as long as the process runs.
        self._stop_child = weakref.finalize(self, _kill, os.getpid(), pid, ends)

    def _take_child(self) -> None:
        """Forget the child: its result is about to be read."""
        self.child = None
        if self._stop_child is not None:
            self._stop_child.detach()

    def cancel(self) -> None:
        """Stop the child, if any, and reap it: for a build that failed before it needed the result."""
        self.child = None
        if self._stop_child is not None:
            self._stop_child()


class Forked(_ChildWork, Generic[T]):
    """The result of `work`, computed by a forked child where that is safe, else here when it is asked for.

    A child that fails sends nothing: the work is then done here, so that its errors are raised as they would be
    without a child, with their traceback and their place in the build.
    """

    child: tuple[int, int] | None
    """The child's process id and the end of the pipe its result comes through, until the result is read."""

    def __init__(self, work: Callable[[], T]) -> None:
        super().__init__()
        self.work = work
        self.child = _start(work) if can_fork() else None
        if self.child is not None:
            pid, pipe = self.child
            self._watch(pid, (pipe,))

    def result(self) -> T:
        """Return the work's result: the child's, once it has sent it all, or else computed here. Ask once."""
        if self.child is not None:
            pid, pipe = self.child
            self._take_child()
            sent, result = _receive(pid, pipe)
            if sent:
                return cast(T, result)
        return self.work()


class Steps:
    """A child's side of work in steps (see `Stepped`): it says when each step is done and learns when to stop."""

    def __init__(self, done: int, stop: int) -> None:
        self.done = done
        self.stop = stop

    def go_on(self) -> bool:
        """Say that one more step is done; tell whether the parent wants the next one."""
        try:
            os.write(self.done, b".")
        except BlockingIOError:
            pass  # a full pipe: the parent counts fewer steps than were done, and does more of them itself
        try:
            os.read(self.stop, 1)
        except BlockingIOError:
            return True  # nothing from the parent yet
        return False  # asked to stop, or the parent is gone


class Stepped(_ChildWork, Generic[T]):
    """Work in steps done by a forked child, where that is safe, until this process asks it to stop.

    This process follows the child's steps as they are done (`steps_done`), and asks for its result when it has no
    more use for its next steps (`stop`): a list of items can so be done from both ends at once, until they meet.
    """

    child: tuple[int, int, int, int] | None
    """The child's process id, and the ends of the pipes its result and its steps come through and its stop goes."""

    def __init__(self, work: Callable[[Steps], T]) -> None:
        super().__init__()
        self.steps = 0
        if can_fork():
            done_read, done_write = os.pipe()
            stop_read, stop_write = os.pipe()
            for end in (done_read, done_write, stop_read):
                os.set_blocking(end, False)
            pid, result = _start(lambda: work(Steps(done_write, stop_read)), (done_read, stop_write))
            os.close(done_write)
            os.close(stop_read)
            self.child = (pid, result, done_read, stop_write)
            self._watch(pid, (result, done_read, stop_write))

    def steps_done(self) -> int:
        """Return how many steps the child has said are done so far (none without a child)."""
        if self.child is not None:
            try:
                while chunk := os.read(self.child[2], 65536):
                    self.steps += len(chunk)
            except BlockingIOError:
                pass
        return self.steps

    def stop(self) -> T | None:
        """Ask the child to stop after its current step; return its result, or None without a child or if it failed."""
        if self.child is None:
            return None
        pid, result, done, stop = self.child
        self._take_child()
        try:
            os.write(stop, b"!")
        except BrokenPipeError:
            pass  # it has done every step and gone
        sent, value = _receive(pid, result)
        os.close(done)
        os.close(stop)
        return cast(T, value) if sent else None


def _receive(pid: int, pipe: int) -> tuple[bool, object]:
    """Read what child `pid` sends through `pipe` and reap it; return whether it sent all of its result, and that."""
    with os.fdopen(pipe, "rb") as source:
        try:
            # Our own child's output, through our own pipe; read as it comes, not held whole beside what it makes.
            value: object = pickle.load(source)
        except (EOFError, pickle.UnpicklingError):
            value = None  # a child that failed sends nothing, or only part
        source.read()  # whatever is left, so that the child can end
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status) == 0, value


def _kill(parent: int, pid: int, ends: tuple[int, ...]) -> None:
    """Kill and reap the child `pid` of `parent`; close the parent's ends of its pipes."""
    if os.getpid() != parent:
        return  # a copy of the parent, forked later, that lets go of the same objects
    for end in ends:
        os.close(end)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)


def _start(work: Callable[[], object], parents: tuple[int, ...] = ()) -> tuple[int, int]:
    """Fork a child that sends `work()`, pickled, through a pipe and exits; return its process id and the pipe.

    `parents` are the parent's ends of other pipes between the two, which the child closes.
    """
    read, write = os.pipe()
    pid = os.fork()
    if pid:
        os.close(write)
        return pid, read
    status = 1
    try:
        for end in (read, *parents):
            os.close(end)
        # The collector would touch every object the parent made, copying the pages they sit on: only new ones count.
        gc.freeze()
        data = pickle.dumps(work(), pickle.HIGHEST_PROTOCOL)
        with os.fdopen(write, "wb") as sink:
            sink.write(data)
        status = 0
    finally:
        # Without the parent's exit handlers and buffered output, which are the parent's to run and to write.
        os._exit(status)
