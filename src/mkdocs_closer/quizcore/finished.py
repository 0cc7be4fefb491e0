"""The finished quiz pages of one build: from the cache, or made together on another core while the build goes on."""

from __future__ import annotations

import os
import shutil
import tempfile
import weakref
import zlib
from collections.abc import Mapping
from pathlib import Path

import jinja2

from mkdocs_closer.quizcore.cache import PageCache, read_page, write_page
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

    Sanitising and templating a quiz costs more than rendering its Markdown: a forked child makes every page not in
    the cache, on another core, while the build renders the other pages and the theme. It writes each page to a file
    as soon as it is made (to the cache, or to a scratch folder without one), so that it holds no page in memory.
    """

    def __init__(self, env: jinja2.Environment, strings: Mapping[str, str], cache: PageCache, root: Path) -> None:
        self.env = env
        self.strings = strings
        self.cache = cache
        self.root = root
        self.keys: dict[str, str] = {}
        """The cache key of every page asked for and not in the cache."""
        self.waiting: dict[str, tuple[Quiz, str]] = {}
        """The pages of `keys` not handed out yet: their quiz and rendered author text."""
        self.making: Forked[None] | None = None
        self.made = False
        """Whether the pages of `waiting` are made (and written), by a child or here."""
        self.scratch: Path | None = None
        self._forget_scratch: weakref.finalize[[int, Path], FinishedPages] | None = None

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
        if self.waiting and self.making is None and not self.made:
            waiting = {self.keys[page]: entry for page, entry in self.waiting.items()}
            folder = self._folder()
            self.making = Forked(lambda: self._make(waiting, folder))

    def get(self, page: str) -> Finished | None:
        """Return the finished page asked for as `page` and not in the cache; raise QuizError if its text breaks it."""
        if page not in self.waiting:
            return None
        self.start()
        if self.making is not None:
            making, self.making = self.making, None
            making.result()
            self.made = True
        key = self.keys[page]
        quiz, html = self.waiting.pop(page)
        self.cache.used.add(key)
        # A page the folder would not take (a read-only checkout) is made again here.
        return read_page(self._folder() / key) or self._finish(quiz, html)

    def make_ahead(self, quiz: Quiz, html: str) -> None:
        """Make the page of `quiz` into the cache, for the next build to find there (`mkdocs serve`, between builds)."""
        key = self.cache.key(repr(quiz), html)
        if self.cache.directory is not None and not (self.cache.directory / key).is_file():
            write_page(self.cache.directory / key, *self._finish(quiz, html))

    def close(self) -> None:
        """Forget the cached pages this build did not use, and the scratch folder."""
        self.cache.prune()
        self._remove_scratch()

    def cancel(self) -> None:
        """Stop making pages: the build failed before it needed them. The cache keeps every page it had."""
        if self.making is not None:
            self.making.cancel()
            self.making = None
        self._remove_scratch()

    def _remove_scratch(self) -> None:
        if self._forget_scratch is not None:
            self._forget_scratch()
        self.scratch = self._forget_scratch = None

    def _folder(self) -> Path:
        """Return where made pages are written: the cache's folder, or a scratch folder when the cache is off."""
        if self.cache.directory is not None:
            return self.cache.directory
        if self.scratch is None:
            self.scratch = Path(tempfile.mkdtemp(prefix="closer-pages-"))
            # Also when nothing closes this: an interrupted build (Ctrl+C skips `on_build_error`) or a dropped object.
            self._forget_scratch = weakref.finalize(self, _remove_folder, os.getpid(), self.scratch)
        return self.scratch

    def _make(self, waiting: Mapping[str, tuple[Quiz, str]], folder: Path) -> None:
        """Make every page of `waiting` (by cache key) and write it to `folder`; raise QuizError at a broken one."""
        for key, (quiz, html) in waiting.items():
            write_page(folder / key, *self._finish(quiz, html))

    def _finish(self, quiz: Quiz, html: str) -> Finished:
        """Return the finished page of `quiz`; raise QuizError, located in its file, if its text breaks the page."""
        try:
            full, searchable = quiz_html(quiz, html, self.env, self.strings)
        except PieceError as exc:
            raise QuizError([piece_problem(quiz, exc, self.root)]) from None
        return searchable, zlib.compress(full.encode(), 1)


def _remove_folder(owner: int, folder: Path) -> None:
    """Remove `folder` in the process that made it: a forked copy's objects go with it, not the build's folder."""
    if os.getpid() == owner:
        shutil.rmtree(folder, ignore_errors=True)
