"""The reader's own pages: course-wide progress and the journal of reflections, in course order."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from quizcore.model import Question, Quiz


@dataclass(frozen=True)
class Step:
    """One lesson or quiz of the course, as the progress page lists it."""

    title: str
    src_uri: str
    quiz: Quiz | None = None

    @property
    def kind(self) -> str:
        """`lesson`, `knowledge-check` or `self-assessment`."""
        return self.quiz.type if self.quiz else "lesson"


def course_steps(pages: Iterable[tuple[str, str]], quizzes: Iterable[Quiz], lessons: str = "lessons/") -> list[Step]:
    """Return the lessons (pages under `lessons`) and quizzes among `pages` ((title, src_uri), in nav order)."""
    by_page = {quiz.src_uri: quiz for quiz in quizzes}
    return [
        Step(by_page[src].title if src in by_page else title, src, by_page.get(src))
        for title, src in pages
        if src in by_page or src.startswith(lessons)
    ]


def reflections(steps: Iterable[Step]) -> list[tuple[Quiz, Question]]:
    """Return every reflection question of the course's quizzes, in course order."""
    return [(s.quiz, q) for s in steps if s.quiz for q in s.quiz.questions if q.type == "reflection"]
