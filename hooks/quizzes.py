"""MkDocs hook: turn `quizzes/*.yml` into generated quiz pages (thin glue around `quizcore`)."""

from __future__ import annotations

import zlib
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from quiz_settings import QuizSettings, read_settings
from quizcore import QuizError, item_problems, load_quizzes, piece_problem
from quizcore.cache import PageCache, SchemaCache
from quizcore.fragments import PieceError, page_meta, page_source
from quizcore.itemrules import RuleSettings
from quizcore.nav import add_quizzes_to_nav
from quizcore.render import LESSON_MARKER, cache_templates, fill_links, finished_page, lesson_links, render_salt

log = get_plugin_logger("quizzes")


class _State:
    """What one build learns in `on_files` and uses in later events; reset by `on_config` for `mkdocs serve`."""

    def __init__(self) -> None:
        self.settings = QuizSettings(Path(), Path(), None, {}, RuleSettings())
        self.by_lesson: dict[str, list[Any]] = {}
        self.quiz_pages: dict[str, Any] = {}
        self.files: Files | None = None
        self.env: Any = None
        self.pages: Any = None
        self.bodies: dict[str, tuple[str, bytes]] = {}


state = _State()


def on_config(config: MkDocsConfig) -> None:
    """Read the settings, watch the quiz folder and enable the Markdown extensions the templates use."""
    state.__init__()  # `mkdocs serve` keeps this module between builds
    state.settings = read_settings(config)
    if str(state.settings.quiz_dir) not in config.watch:
        config.watch.append(str(state.settings.quiz_dir))
    config.markdown_extensions += [e for e in ("attr_list", "md_in_html") if e not in config.markdown_extensions]


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Validate every quiz and add its page; stop the build with all problems of all files."""
    known = {f.src_uri for f in files.documentation_pages()}
    settings = state.settings
    try:
        cache = SchemaCache(settings.cache_dir / "valid-files.json" if settings.cache_dir else None)
        quizzes = load_quizzes(settings.quiz_dir, root=settings.root, known_pages=known, cache=cache)
    except QuizError as exc:
        raise PluginError(exc.report()) from None
    for problem in item_problems(quizzes, settings.rules, root=settings.root, directory=settings.quiz_dir):
        log.warning("%s", problem)
    state.env = cache_templates(config.theme.get_env(), settings.cache_dir and settings.cache_dir / "templates")
    pages_dir = settings.cache_dir and settings.cache_dir / "pages"
    state.pages = PageCache(pages_dir, render_salt(state.env, settings.strings))
    for quiz in quizzes:
        page = File.generated(config, quiz.src_uri, content=page_source(quiz, settings.strings))
        if config.edit_uri:
            page.edit_uri = f"../{quiz.source}"
        files.append(page)
        state.by_lesson.setdefault(quiz.lesson, []).append(quiz)
        state.quiz_pages[quiz.src_uri] = quiz
    add_quizzes_to_nav(config.nav, quizzes)
    state.files = files
    return files


def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    """Link a lesson to its quizzes, at `<!-- quizzes -->` or at the end."""
    quizzes = state.by_lesson.get(page.file.src_uri)
    if not quizzes:
        return None
    block = lesson_links(page.file.src_uri, quizzes, state.env, state.settings.strings)
    return markdown.replace(LESSON_MARKER, block, 1) if LESSON_MARKER in markdown else f"{markdown.rstrip()}\n\n{block}"


def on_page_content(html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    """Build a quiz page from its sanitised author text; keep only its searchable part as the page content."""
    # Search and the theme get only the searchable part; `on_post_page` puts the quiz back: answers stay unindexed.
    quiz = state.quiz_pages.get(page.file.src_uri)
    if not quiz:
        return None
    try:
        body = finished_page(quiz, html, state.env, state.settings.strings, state.pages)
        state.bodies[page.file.src_uri] = body
    except PieceError as exc:
        raise PluginError(str(piece_problem(quiz, exc, state.settings.root))) from None
    return body[0]


def on_page_context(context: dict, /, *, page: Page, config: MkDocsConfig, nav: Any) -> None:
    """Give a quiz page its metadata (title, description, the marker that loads quiz assets) for its render."""
    # Material's nav reads every listed page's metadata on every page: `on_post_page` removes it again, to stay fast.
    quiz = state.quiz_pages.get(page.file.src_uri)
    if quiz:
        page.meta = page_meta(quiz)


def on_post_page(output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
    """Put the full quiz in place of its searchable part, with lesson titles (known once every page is read)."""
    body = state.bodies.pop(page.file.src_uri, None)
    if body is None:
        return None
    page.meta = {}
    searchable, full = body
    if searchable not in output:
        log.warning("%s: the theme changed the page content, so the quiz could not be put in place.", page.file.src_uri)
        return None
    return output.replace(searchable, fill_links(zlib.decompress(full).decode(), page, _page_of, state.quiz_pages), 1)


def _page_of(path: str) -> Page | None:
    target = state.files.get_file_from_path(path) if state.files else None
    return target.page if target else None


def on_post_build(*, config: MkDocsConfig) -> None:
    """Forget finished pages of quizzes that changed or went away."""
    state.pages.prune()
