"""The reader's own pages: course-wide progress and the journal of reflections, in course order, by lesson."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from mkdocs_closer.quizcore.model import Question, Quiz


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


@dataclass
class LessonGroup:
    """A lesson and the quizzes that belong to it; `lesson` is None for quizzes whose lesson is not in the course."""

    lesson: Step | None = None
    quizzes: list[Step] = field(default_factory=list)

    @property
    def title(self) -> str:
        """The lesson's title, or the first quiz's name for quizzes without their lesson."""
        return (self.lesson or self.quizzes[0]).title

    @property
    def entries(self) -> list[tuple[Quiz, Question]]:
        """The reflection questions of the group's quizzes, in order."""
        return reflections(self.quizzes)

    @property
    def count(self) -> int:
        """How many reflection questions the group holds."""
        return len(self.entries)


def course_steps(pages: Iterable[tuple[str, str]], quizzes: Iterable[Quiz], lessons: str = "lessons/") -> list[Step]:
    """Return the lessons (pages under `lessons`) and quizzes among `pages` ((title, src_uri), in nav order)."""
    by_page = {quiz.src_uri: quiz for quiz in quizzes}
    return [
        Step(by_page[src].title if src in by_page else title, src, by_page.get(src))
        for title, src in pages
        if src in by_page or src.startswith(lessons)
    ]


def by_lesson(steps: Iterable[Step]) -> list[LessonGroup]:
    """Group `steps` by lesson, in order of first appearance: a quiz under its lesson, or alone if that is missing."""
    steps = list(steps)
    lessons = {s.src_uri for s in steps if not s.quiz}
    groups: dict[str, LessonGroup] = {}
    for step in steps:
        key = step.quiz.lesson if step.quiz and step.quiz.lesson in lessons else step.src_uri
        group = groups.setdefault(key, LessonGroup())
        if step.quiz:
            group.quizzes.append(step)
        else:
            group.lesson = step
    return list(groups.values())


def reflections(steps: Iterable[Step]) -> list[tuple[Quiz, Question]]:
    """Return every reflection question of the course's quizzes, in course order."""
    return [(s.quiz, q) for s in steps if s.quiz for q in s.quiz.questions if q.type == "reflection"]
