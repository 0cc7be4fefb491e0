"""Work that a build hands to a forked child, done in the test's own process instead, where it can be watched."""

from __future__ import annotations

from mkdocs_closer.quizcore import forked


class InProcess(forked.Forked[object]):
    """A `Forked` that says it has a child and does its work here when asked: what the child sends, in this process."""

    forked = True  # type: ignore[assignment]
