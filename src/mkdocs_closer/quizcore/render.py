"""Render quiz pages and lesson boxes through the Jinja templates in the package's `theme/quiz/`."""

from __future__ import annotations

import hashlib
import json
import posixpath
import re
import shutil
from collections.abc import Callable, Container, Mapping
from html import escape
from pathlib import Path
from typing import Any

import jinja2

from mkdocs_closer.data import THEME
from mkdocs_closer.quizcore.cache import TemplateCache, versions_digest
from mkdocs_closer.quizcore.fragments import split
from mkdocs_closer.quizcore.model import Quiz
from mkdocs_closer.quizcore.sanitize import html_text, plain_text, sanitize, text_filters

TEMPLATES = THEME
JS_STRINGS = (
    "clear_confirm", "cleared", "choose_first", "correct", "incorrect", "partly", "summary",
    "summary_done", "too_few", "overall", "score_of", "strongest", "explore",
    "results_announce", "safety_announce", "copied", "copy_failed", "downloaded", "your_answer", "no_answer",
    "summary_date", "storage_locked", "storage_unavailable", "choice_right", "choice_wrong", "try_or_show", "end_all",
    "update_results", "scale_alt",
)
ENGINE_PIECES = frozenset({"statements", "results"})
"""Pieces the engine writes from its own interface text: headings with ids that author text may not use."""
_LESSON_MARKER = re.compile(r"^<!-- quizzes -->$", re.MULTILINE)
"""Where a lesson wants its box of quiz links: a line of its own in the lesson's HTML (else the box goes at the end)."""
_PAGE_TITLE = re.compile(r'(<a\b[^>]*?)\sdata-page-title="([^"]+)"([^>]*>)[^<]*(</a>)')
_NEXT_LESSON = re.compile(
    r'(<p class="quiz-end__actions"><a\b[^>]*?\shref=")("[^>]*?)\sdata-next-lesson(>[^<]*<span\b[^>]*>)'
    r"(</span></a></p>)"
)


def default_env(templates: Path = TEMPLATES) -> jinja2.Environment:
    """Return a Jinja environment over the templates, configured like a MkDocs theme's."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(templates), auto_reload=False)
    env.filters.update(text_filters())
    return env


def template_cache(directory: Path | None) -> TemplateCache | None:
    """Return where Jinja keeps compiled templates between builds (compiling takes longer than a small quiz), or None.

    Set it as the `bytecode_cache` of every environment that renders the theme's or the plugin's templates.
    """
    if directory is None:
        return None
    # Jinja checks a compiled template against its source and Python's version, not Jinja's own: code compiled by
    # another release goes in another folder, and the folders of earlier releases go.
    current = directory / versions_digest()[:16]
    try:
        current.mkdir(parents=True, exist_ok=True)
        for stale in directory.iterdir():
            if stale.is_dir() and stale != current:
                shutil.rmtree(stale, ignore_errors=True)
            elif stale.is_file():
                stale.unlink()
    except OSError:
        return None  # A read-only checkout still builds, compiling the templates each time.
    return TemplateCache(current / "compiled")


def quiz_html(quiz: Quiz, rendered: str, env: jinja2.Environment, strings: Mapping[str, str]) -> tuple[str, str]:
    """Return the page HTML for `quiz` and the part of it to index for search.

    `rendered` is the quiz's `fragments.page_source`, rendered by the site's Markdown. Each piece of author
    text is sanitised on its own; the templates add only their own markup and escaped values to them.
    """
    title, pieces = split(rendered, quiz, strings)
    title = sanitize(title)
    pieces = {key: html if key in ENGINE_PIECES else sanitize(html) for key, html in pieces.items()}
    js_strings = json.dumps({k: strings[k] for k in JS_STRINGS}, ensure_ascii=False, separators=(",", ":"))
    context = {"quiz": quiz, "title": title, "f": pieces, "t": strings}
    page = env.get_template("quiz/page.html").render(context, strings_json=js_strings)
    searchable = env.get_template("quiz/search.html").render(context)
    return page, searchable


def render_salt(env: jinja2.Environment, strings: Mapping[str, str]) -> bytes:
    """Return what every finished quiz page depends on besides its own quiz: templates, text table, code, packages."""
    digest = hashlib.sha256(json.dumps(strings, sort_keys=True).encode() + versions_digest().encode())
    code = Path(__file__).parent
    for path in (code / "render.py", code / "fragments.py", code / "sanitize.py", code / "model.py"):
        digest.update(path.read_bytes())
    for folder in getattr(env.loader, "searchpath", []):
        for path in sorted(Path(folder).glob("quiz/**/*.html")):
            digest.update(path.as_posix().encode() + path.read_bytes())
    return digest.digest()


def lesson_links(links: list[tuple[Quiz, str]], env: jinja2.Environment, strings: Mapping[str, str]) -> str:
    """Return the HTML box that a lesson page gets, linking to its quizzes: each quiz with its page's URL."""
    return env.get_template("quiz/lesson-links.html").render(links=links, t=strings)


def add_lesson_links(html: str, box: str) -> str:
    """Put a lesson's box of quiz links at its first `<!-- quizzes -->` line, or else at its end."""
    # A line of its own: a marker within a paragraph would put the box inside it, which HTML does not allow.
    html, found = _LESSON_MARKER.subn(lambda _: box, html, 1)
    return html if found else f"{html.rstrip()}\n{box}"


def fill_page_titles(html: str, title_of: Callable[[str], str | None]) -> str:
    """Replace the text of links marked `data-page-title="path.md"` with `title_of(path)`, if it has one.

    Titles are as MkDocs holds them: HTML, whose entities are kept and whose tags are dropped.
    """

    def replace(match: re.Match[str]) -> str:
        start, path, rest, end = match.groups()
        title = title_of(path)
        return f"{start}{rest}{html_text(plain_text(title)) if title else escape(path)}{end}"

    return _PAGE_TITLE.sub(replace, html)


def next_lesson(lesson: Any, quiz_pages: Container[str]) -> Any | None:
    """Return the page that follows the MkDocs page `lesson` in the navigation among pages of its folder, if any.

    Quiz pages in between are skipped, wherever the navigation places them.
    """
    folder = posixpath.dirname(lesson.file.src_uri)
    page = lesson.next_page
    while page is not None and (page.file.src_uri in quiz_pages or posixpath.dirname(page.file.src_uri) != folder):
        page = page.next_page
    return page


def fill_links(html: str, page: Any, page_of: Callable[[str], Any], quiz_pages: Mapping[str, Quiz]) -> str:
    """Fill in, on the quiz page `page`, what is known once every page is read.

    That is the titles of linked pages (`page_of` finds a page by its path) and the "Next lesson" button: it goes
    to the lesson after the quiz's own, and goes away after the last lesson.
    """
    html = fill_page_titles(html, lambda path: getattr(page_of(path), "title", None))
    lesson = page_of(quiz_pages[page.file.src_uri].lesson)
    after = next_lesson(lesson, quiz_pages) if lesson is not None else None
    if after is None:
        return _NEXT_LESSON.sub("", html, 1)
    url, title = escape(after.file.url_relative_to(page.file)), html_text(plain_text(after.title or ""))
    return _NEXT_LESSON.sub(lambda match: f"{match[1]}{url}{match[2]}{match[3]}{title}{match[4]}", html, 1)
