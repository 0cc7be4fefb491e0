"""MkDocs hook: turn `quizzes/*.yml` into generated quiz pages (thin glue around `quizcore`)."""

from __future__ import annotations

import zlib
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from quizcore import QUIZ_DIR, QuizError, load_quizzes, piece_problem
from quizcore.cache import PageCache, SchemaCache
from quizcore.fragments import PieceError, page_meta, page_source
from quizcore.nav import add_quizzes_to_nav
from quizcore.render import LESSON_MARKER, cache_templates, fill_links, finished_page, lesson_links, render_salt
from quizcore.strings import merge_strings

log = get_plugin_logger("quizzes")


class QuizSettings(base.Config):
    """Settings under `extra.quizzes` in mkdocs.yml."""

    dir = c.Type(str, default=QUIZ_DIR)
    """Folder of the quiz files, relative to mkdocs.yml."""
    strings = c.Type(dict, default={})
    """Replacements for the interface text (keys of `quizcore.strings.DEFAULT_STRINGS`)."""
    cache = c.Type(bool, default=True)
    """Keep valid quiz files and compiled templates in `.cache/quizzes/`, so unchanged ones are not redone."""


class _State:
    """What one build learns in `on_files` and uses in later events; reset by `on_config` for `mkdocs serve`."""

    def __init__(self) -> None:
        self.root = self.quiz_dir = Path()
        self.cache_dir: Path | None = None
        self.strings: dict[str, str] = {}
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
    settings = QuizSettings()
    settings.load_dict(dict(config.extra.get("quizzes") or {}))
    errors, warnings = settings.validate()
    for name, warning in warnings:
        log.warning("extra.quizzes.%s: %s", name, warning)
    if errors:
        raise PluginError("\n".join(f"extra.quizzes.{name}: {error}" for name, error in errors))
    try:
        state.strings = merge_strings(settings.strings, config.theme.get("language") or "en")
    except KeyError as exc:
        raise PluginError(f"extra.quizzes.strings: unknown keys {exc.args[0]}") from None
    state.root = Path(config.config_file_path).parent
    state.quiz_dir = state.root / settings.dir
    state.cache_dir = state.root / ".cache" / "quizzes" if settings.cache else None
    if str(state.quiz_dir) not in config.watch:
        config.watch.append(str(state.quiz_dir))
    config.markdown_extensions += [e for e in ("attr_list", "md_in_html") if e not in config.markdown_extensions]


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Validate every quiz and add its page; stop the build with all problems of all files."""
    known = {f.src_uri for f in files.documentation_pages()}
    try:
        cache = SchemaCache(state.cache_dir / "valid-files.json" if state.cache_dir else None)
        quizzes = load_quizzes(state.quiz_dir, root=state.root, known_pages=known, cache=cache)
    except QuizError as exc:
        raise PluginError(exc.report()) from None
    state.env = cache_templates(config.theme.get_env(), state.cache_dir and state.cache_dir / "templates")
    state.pages = PageCache(state.cache_dir and state.cache_dir / "pages", render_salt(state.env, state.strings))
    for quiz in quizzes:
        page = File.generated(config, quiz.src_uri, content=page_source(quiz, state.strings))
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
    block = lesson_links(page.file.src_uri, quizzes, state.env, state.strings)
    return markdown.replace(LESSON_MARKER, block, 1) if LESSON_MARKER in markdown else f"{markdown.rstrip()}\n\n{block}"


def on_page_content(html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    """Build a quiz page from its sanitised author text; keep only its searchable part as the page content."""
    # Search and the theme get only the searchable part; `on_post_page` puts the quiz back: answers stay unindexed.
    quiz = state.quiz_pages.get(page.file.src_uri)
    if not quiz:
        return None
    try:
        state.bodies[page.file.src_uri] = body = finished_page(quiz, html, state.env, state.strings, state.pages)
    except PieceError as exc:
        raise PluginError(str(piece_problem(quiz, exc, state.root))) from None
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
