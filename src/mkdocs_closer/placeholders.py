"""Find `[TODO: …]` placeholders: the spots a course's author still has to write."""

from __future__ import annotations

import re
from dataclasses import dataclass

# `[TODO:`, then what to write (no `]` and no line break), then `]`.
PLACEHOLDER = re.compile(r"\[TODO:([^\]\n]*)\]")


@dataclass(frozen=True)
class Placeholder:
    """One placeholder: where it starts (1-based line and column) and what it asks for."""

    line: int
    column: int
    what: str


def find_placeholders(text: str) -> list[Placeholder]:
    """Return every placeholder in `text`, in the order they appear."""
    found = []
    for match in PLACEHOLDER.finditer(text):
        start = match.start()
        line_start = text.rfind("\n", 0, start) + 1
        found.append(Placeholder(text.count("\n", 0, start) + 1, start - line_start + 1, match.group(1).strip()))
    return found


def has_placeholder(text: str) -> bool:
    """Say whether `text` holds at least one placeholder."""
    return PLACEHOLDER.search(text) is not None
