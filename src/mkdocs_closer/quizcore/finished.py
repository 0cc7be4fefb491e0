"""The finished quiz pages of one build: from the cache, or made together on another core while the build goes on."""

from __future__ import annotations

import zlib
from collections.abc import Mapping
from pathlib import Path

import jinja2

from mkdocs_closer.quizcore.cache import PageCache
from mkdocs_closer.quizcore.errors import QuizError
from mkdocs_closer.quizcore.forked import Forked
from mkdocs_closer.quizcore.fragments import PieceError
from mkdocs_closer.quizcore.model import Quiz
from mkdocs_closer.quizcore.pipeline import piece_problem
from mkdocs_closer.quizcore.render import quiz_html

Finished = tuple[str, bytes]
"""A quiz page's searchable part, and the whole page compressed."""


class FinishedPages:
    """Quiz pages finished from their author text, rendered by the site's Markdown: asked for one by one, made together.

    Sanitising and templating a quiz costs more than rendering its Markdown: a forked child does it for every page not
    in the cache, on another core, while the build renders the other pages and the theme.
    """

    def __init__(self, env: jinja2.Environment, strings: Mapping[str, str], cache: PageCache, root: Path) -> None:
        self.env = env
        self.strings = strings
        self.cache = cache
        self.root = root
        self.keys: dict[str, str] = {}
        """The cache key of every page asked for and not in the cache."""
        self.waiting: dict[str, tuple[Quiz, str]] = {}
        """The pages of `keys` not made yet: their quiz and rendered author text."""
        self.making: Forked[dict[str, Finished]] | None = None
        self.made: dict[str, Finished] = {}

    def ask(self, page: str, quiz: Quiz, html: str) -> Finished | None:
        """Return the finished page of `quiz` from the cache; or None, and make it with the others (`start`)."""
        key = self.cache.key(repr(quiz), html)
        stored = self.cache.get(key)
        if stored is None:
            self.keys[page] = key
            self.waiting[page] = quiz, html
        return stored

    def start(self) -> None:
        """Start making the pages asked for that the cache did not have."""
        if self.waiting and self.making is None:
            waiting, self.waiting = self.waiting, {}
            self.making = Forked(lambda: self._make(waiting))

    def get(self, page: str) -> Finished | None:
        """Return the finished page asked for as `page` and not in the cache; raise QuizError if its text breaks it."""
        if page not in self.keys:
            return None
        if page not in self.made:
            self.start()
            making, self.making = self.making, None
            made = making.result() if making else {}
            for name, finished in made.items():
                self.cache.put(self.keys[name], *finished)
            self.made.update(made)
        return self.made[page]

    def cancel(self) -> None:
        """Stop making pages: the build failed before it needed them."""
        if self.making is not None:
            self.making.cancel()
            self.making = None

    def _make(self, waiting: Mapping[str, tuple[Quiz, str]]) -> dict[str, Finished]:
        """Finish every page of `waiting`; raise QuizError, located in its quiz file, for the first one that breaks."""
        made = {}
        for page, (quiz, html) in waiting.items():
            try:
                full, searchable = quiz_html(quiz, html, self.env, self.strings)
            except PieceError as exc:
                raise QuizError([piece_problem(quiz, exc, self.root)]) from None
            made[page] = searchable, zlib.compress(full.encode(), 1)
        return made
