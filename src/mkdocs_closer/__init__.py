"""Closer: a MkDocs plugin that makes a course of a site, with private quizzes and self-assessments."""

__version__ = "0.2.0"
