"""Quiz pages in a MkDocs build: `quizzes/*.yml` become generated pages (thin glue around `quizcore`)."""

from __future__ import annotations

import logging
import os
import zlib
from collections.abc import Iterable
from functools import partial
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files, get_files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink

from mkdocs_closer.config import QuizzesConfig
from mkdocs_closer.quizcore import Problem, Quiz, QuizError, item_problems, load_quiz, placeholder_problems
from mkdocs_closer.quizcore.cache import PageCache, SchemaCache, TemplateCache
from mkdocs_closer.quizcore.finished import Finished, FinishedPages
from mkdocs_closer.quizcore.forked import Forked
from mkdocs_closer.quizcore.fragments import page_meta, page_source, question_labels
from mkdocs_closer.quizcore.nav import add_quizzes_to_nav
from mkdocs_closer.quizcore.pipeline import QuizLoading, quiz_files
from mkdocs_closer.quizcore.render import add_lesson_links, fill_links, lesson_links, render_salt, template_cache
from mkdocs_closer.quizcore.sanitize import html_text
from mkdocs_closer.templates import precompiled
from mkdocs_closer.templates_ahead import TemplatesAhead

log = get_plugin_logger("closer")
MADE_LATER = "<!-- closer: made with the other quiz pages -->"
"""The content of a quiz page not in the cache until its page is finished, in `prepare_render`."""


class QuizPages:
    """What one build learns about its quizzes in `add` and uses while the pages are made."""

    def __init__(self, options: QuizzesConfig, root: Path, strings: dict[str, str]) -> None:
        self.options = options
        self.root = root
        self.quiz_dir = root / options.dir
        self.cache_dir = root / ".cache" / "quizzes" if options.cache else None
        self.strings = strings
        self.quizzes: list[Quiz] = []
        self.by_lesson: dict[str, list[Quiz]] = {}
        self.by_page: dict[str, Quiz] = {}
        self.files: Files | None = None
        self.known: set[str] = set()
        """The site's own Markdown pages, which quizzes may link to."""
        self.env: Any = None
        self.templates: TemplateCache | None = None
        self.item_warnings: Forked[list[Problem]] | None = None
        self.finished: FinishedPages | None = None
        self.bodies: dict[str, Finished] = {}
        self.loading: QuizLoading | None = None
        self.ahead: TemplatesAhead | None = None

    def start_loading(self, config: MkDocsConfig) -> QuizLoading:
        """Start loading the quiz files and compiling the theme's templates in children while MkDocs gathers files."""
        cache = SchemaCache(self.cache_dir / "valid-files" if self.cache_dir else None)
        self.loading = QuizLoading(self.quiz_dir, root=self.root, pages=partial(_site_pages, config), cache=cache)
        self.templates = template_cache(self.cache_dir and self.cache_dir / "templates")
        if self.templates is not None:
            pages = ["main.html", *config.theme.static_templates]
            self.ahead = TemplatesAhead(lambda: precompiled(config.theme.get_env()), self.templates, pages)
        return self.loading

    def add(self, files: Files, config: MkDocsConfig) -> list[Quiz]:
        """Validate every quiz and add its page; stop the build with all problems of all files."""
        self.known = known = {f.src_uri for f in files.documentation_pages()}
        loading = self.loading or self.start_loading(config)
        try:
            self.quizzes = loading.finish(known)
        except QuizError as exc:
            raise PluginError(exc.report()) from None
        finally:
            self.loading = None
        for problem in placeholder_problems(self.quizzes, self.root):
            log.warning("%s", problem)
        self.env = self.theme_env(config)
        pages = PageCache(self.cache_dir and self.cache_dir / "pages", render_salt(self.env, self.strings))
        self.finished = FinishedPages(self.env, self.strings, pages, self.root)
        for quiz in self.quizzes:
            page = File.generated(config, quiz.src_uri, content=page_source(quiz, self.strings))
            if config.edit_uri:
                page.edit_uri = f"../{quiz.source}"
            files.append(page)
            self.by_lesson.setdefault(quiz.lesson, []).append(quiz)
            self.by_page[quiz.src_uri] = quiz
        add_quizzes_to_nav(config.nav, self.quizzes)
        self.files = files
        # They only warn: a child checks them while the pages are read (see `start_pages`).
        self.item_warnings = Forked(partial(item_problems, self.quizzes, self.options.checks, root=self.root,
                                            directory=self.quiz_dir))
        return self.quizzes

    def theme_env(self, config: MkDocsConfig) -> Any:
        """Return a new Jinja environment of the site's theme that keeps its compiled templates in the cache."""
        env = precompiled(config.theme.get_env())
        env.bytecode_cache = self.templates
        return env

    def keep_compiled(self, env: Any) -> None:
        """Have the site's environment keep its compiled templates in the cache, with those compiled ahead."""
        ahead, self.ahead = self.ahead, None
        if self.templates is None or env.bytecode_cache is not None:  # a cache of its own: the work ahead is lost
            if ahead is not None:
                ahead.cancel()
            return
        if ahead is not None:
            ahead.add_to(env, self.templates)
        env.bytecode_cache = self.templates

    def link_lesson(self, html: str, page: Page) -> str | None:
        """Link a lesson to its quizzes, at `<!-- quizzes -->` or at the end of its content."""
        quizzes, files = self.by_lesson.get(page.file.src_uri), self.files
        if not quizzes or files is None:
            return None
        links = [(quiz, file.url_relative_to(page.file)) for quiz in quizzes
                 if (file := files.get_file_from_path(quiz.src_uri)) is not None]
        return add_lesson_links(html, lesson_links(links, self.env, self.strings))

    def name_questions(self, page: Page) -> None:
        """Name each question in a quiz page's table of contents by its number: whole prompts made it a wall of text."""
        # Here rather than as `data-toc-label` in the page's Markdown: an attribute list cannot carry any text a site
        # may give the names (a quote ends it), and the toc extension would drop what looks like a tag.
        if quiz := self.by_page.get(page.file.src_uri):
            _shorten_contents(page.toc, question_labels(quiz, self.strings))

    def searchable_part(self, html: str, page: Page) -> str | None:
        """Return a quiz page's searchable part as its content, from the cache, or mark the page to be finished."""
        # Search gets only the searchable part; `complete` then puts the quiz back: answers stay unindexed.
        quiz = self.by_page.get(page.file.src_uri)
        if not quiz or self.finished is None:
            return None
        body = self.finished.ask(page.file.src_uri, quiz, html)
        if body is None:
            return MADE_LATER
        self.bodies[page.file.src_uri] = body
        return body[0]

    def start_pages(self) -> None:
        """Once every page is read: warn of the item-writing checks' findings; start finishing the quiz pages."""
        if self.item_warnings is not None:
            for problem in self.item_warnings.result():
                log.warning("%s", problem)
            self.item_warnings = None
        if self.finished is not None:
            self.finished.start()

    def prepare_render(self, page: Page) -> None:
        """Give a quiz page its finished searchable part, and metadata (title, description, the quiz assets' marker)."""
        # Material's nav reads every listed page's metadata on every page: `finish` removes it again, to stay fast.
        quiz = self.by_page.get(page.file.src_uri)
        if not quiz:
            return
        page.meta = page_meta(quiz)
        try:
            body = self.finished.get(page.file.src_uri) if self.finished else None
        except QuizError as exc:
            raise PluginError(str(exc)) from None
        if body is not None:
            self.bodies[page.file.src_uri] = body
            page.content = body[0]

    def ready_edits(self, config: MkDocsConfig, edited: set[Path]) -> None:
        """Read, check and finish edited quiz files into the cache, as the next build would (`mkdocs serve`)."""
        # After this build, with its settings and pages: a build whose other files changed finds less here.
        if self.cache_dir is None or self.finished is None or self.files is None:
            return
        # Both name files from the folder the settings give: the same names once made absolute.
        edited = {Path(os.path.abspath(path)) for path in edited}
        before = {Path(os.path.abspath(self.root / quiz.source)): quiz for quiz in self.quizzes}
        schema = SchemaCache(self.cache_dir / "valid-files")
        quizzes, changed = [], []
        for path in quiz_files(self.quiz_dir, self.root)[0]:
            quiz = before.get(path := Path(os.path.abspath(path)))
            if quiz is not None and path not in edited:
                schema.keep(path.read_bytes())
            else:
                # A file with problems stops the work here: the build reports them.
                quiz = load_quiz(path, root=self.root, known_pages=self.known, cache=schema)
                changed.append(quiz)
            quizzes.append(quiz)
        schema.save()
        quizzes.sort(key=lambda quiz: quiz.type != "knowledge-check")  # as the build orders them
        item_problems(quizzes, self.options.checks, root=self.root, directory=self.quiz_dir)  # kept by the checks
        for quiz in changed:
            self.finished.make_ahead(quiz, _rendered(quiz, self.strings, config, self.files))

    def cancel(self) -> None:
        """Stop the work begun for this build: it failed."""
        for work in (self.loading, self.item_warnings, self.finished, self.ahead):
            if work is not None:
                work.cancel()
        self.loading = self.item_warnings = self.ahead = None

    def complete(self, page: Page) -> None:
        """Give a quiz page, once search has its searchable part, the full quiz with lesson titles (known now)."""
        body = self.bodies.get(page.file.src_uri)
        if body is None:
            return
        searchable, full = body
        if page.content != searchable:  # what another plugin did to it would be lost
            log.warning("%s: the theme changed the page content, so the quiz could not be put in place.",
                        page.file.src_uri)
            return
        page.content = fill_links(zlib.decompress(full).decode(), page, self._page_of, self.by_page)

    def finish(self, page: Page) -> None:
        """Once a quiz page is written, give it back its searchable part and no metadata: pages stay in memory."""
        body = self.bodies.pop(page.file.src_uri, None)
        if body is not None:
            page.content = body[0]
        if page.file.src_uri in self.by_page:
            page.meta = {}

    def _page_of(self, path: str) -> Page | None:
        target = self.files.get_file_from_path(path) if self.files else None
        return target.page if target else None

    def forget_stale(self) -> None:
        """Write the compiled templates; forget finished pages of quizzes that changed or went away."""
        if self.templates is not None:
            self.templates.save()
        if self.finished is not None:
            self.finished.close()


def _shorten_contents(toc: Iterable[AnchorLink], labels: dict[str, str]) -> None:
    """Give each entry of `toc` whose anchor is in `labels` that label as its title, at any depth."""
    for link in toc:
        if link.id in labels:
            link.title = html_text(labels[link.id])
        _shorten_contents(link.children, labels)


def _rendered(quiz: Quiz, strings: dict[str, str], config: MkDocsConfig, files: Files) -> str:
    """Return the HTML that MkDocs makes of the page of `quiz`, as a build gives it to `searchable_part`."""
    page = Page(None, File.generated(config, quiz.src_uri, content=page_source(quiz, strings)), config)
    page.read_source(config)
    page.render(config, files)
    return page.content or ""


def _site_pages(config: MkDocsConfig) -> set[str]:
    """Return the site's Markdown pages as MkDocs will find them, in a forked child: the build logs what it finds."""
    logging.disable(logging.CRITICAL)
    return {file.src_uri for file in get_files(config).documentation_pages()}
