"""Closer's quiz core: load, validate, model and render YAML quizzes, free of MkDocs imports."""

from __future__ import annotations

from quizcore.errors import Problem, QuizError
from quizcore.model import Quiz
from quizcore.pipeline import QUIZ_DIR, item_problems, latest_quizzes, load_quiz, load_quizzes, piece_problem

__all__ = [
    "QUIZ_DIR", "Problem", "Quiz", "QuizError", "item_problems", "latest_quizzes", "load_quiz", "load_quizzes",
    "piece_problem",
]
