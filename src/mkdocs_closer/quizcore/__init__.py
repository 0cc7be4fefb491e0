"""Closer's quiz core: load, validate, model and render YAML quizzes, free of MkDocs imports."""

from __future__ import annotations

from mkdocs_closer.quizcore.errors import Problem, QuizError
from mkdocs_closer.quizcore.model import Quiz
from mkdocs_closer.quizcore.pipeline import (
    QUIZ_DIR,
    item_problems,
    load_quiz,
    load_quizzes,
    piece_problem,
    placeholder_problems,
)

__all__ = [
    "QUIZ_DIR", "Problem", "Quiz", "QuizError", "item_problems", "load_quiz", "load_quizzes",
    "piece_problem", "placeholder_problems",
]
