"""Problems found in quiz files, reported as `file:line:col: field: message`."""

from __future__ import annotations

import dataclasses
import json
import re
from dataclasses import dataclass

Path = tuple[str | int, ...]

_PLAIN_KEY = re.compile(r"^[\w-]+$")


def format_path(path: Path) -> str:
    """Render a data path like `questions[2].choices[0].text`; odd keys are quoted, like `intro["my key"]`."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        elif not _PLAIN_KEY.match(part):
            # An empty key, or one with spaces, dots or line breaks, would make the path unreadable or ambiguous.
            out += f"[{json.dumps(part, ensure_ascii=False)}]"
        else:
            out += f".{part}" if out else part
    return out or "(top level)"


def one_line(text: str) -> str:
    """Escape line breaks and other invisible characters so that a report stays one readable line."""
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text)


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one quiz file, with where it is and how to fix it; line 0 is about a whole folder."""

    file: str
    line: int
    column: int
    field: str
    message: str

    def __str__(self) -> str:
        # Messages quote what the author wrote, which may hold line breaks; one problem must stay one line.
        where = f"{self.file}:{self.line}:{self.column}" if self.line else self.file
        return f"{where}: {one_line(self.field)}: {one_line(self.message)}"


MAX_PROBLEMS_PER_FILE = 20
"""More problems than this in one file are counted rather than listed: fixing the first ones often fixes many."""


def cap_problems(problems: list[Problem], limit: int = MAX_PROBLEMS_PER_FILE) -> list[Problem]:
    """Return one file's distinct problems in order, the first `limit` of them and a last one counting the rest."""
    distinct = sorted(set(problems))
    if len(distinct) <= limit:
        return distinct
    rest = len(distinct) - limit
    # Placed where the first problem left out is, so that it sorts after the ones listed.
    first_left_out = distinct[limit]
    message = f"… and {rest:,} more problem{'s' * (rest > 1)} in this file, from here on; fix the ones above first."
    return [*distinct[:limit], dataclasses.replace(first_left_out, message=message)]


class QuizError(Exception):
    """Raised with every problem found in one or more quiz files."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    def report(self) -> str:
        """Return the problems under a line that counts them, as the build prints them."""
        count = len(self.problems)
        return f"{count} problem{'s' * (count > 1)} in quiz files:\n{self}"
