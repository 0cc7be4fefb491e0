"""Render quizzes to page sources through the Jinja templates in `overrides/quiz/`."""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Mapping
from html import escape
from pathlib import Path

import jinja2
import yaml

from quizcore.model import Quiz

TEMPLATES = Path(__file__).resolve().parents[2] / "overrides"
JS_STRINGS = (
    "privacy", "clear_confirm", "cleared", "choose_first", "correct", "incorrect", "partly", "summary",
    "summary_done", "too_few", "overall", "score_of", "strongest", "explore",
    "results_announce", "safety_announce",
)
_PAGE_TITLE = re.compile(r'(<a\b[^>]*?)\sdata-page-title="([^"]+)"([^>]*>)[^<]*(</a>)')


def default_env(templates: Path = TEMPLATES) -> jinja2.Environment:
    """Return a Jinja environment over the templates, configured like a MkDocs theme's."""
    return jinja2.Environment(loader=jinja2.FileSystemLoader(templates), auto_reload=False)


def page_link(source: str, target: str) -> str:
    """Return the relative Markdown link from docs page `source` to docs page `target`."""
    return posixpath.relpath(target, posixpath.dirname(source) or ".")


def _render(env: jinja2.Environment, name: str, source: str, **context: object) -> str:
    env.filters["page_link"] = lambda target: page_link(source, target)
    return env.get_template(name).render(**context)


def quiz_page(quiz: Quiz, env: jinja2.Environment, strings: Mapping[str, str]) -> str:
    """Return the Markdown source (front matter and body) of the page for `quiz`."""
    meta = {"title": quiz.title, "quiz": {"id": quiz.id, "type": quiz.type}}
    if quiz.description:
        meta["description"] = quiz.description
    js_strings = json.dumps({k: strings[k] for k in JS_STRINGS}, ensure_ascii=False, separators=(",", ":"))
    body = _render(env, "quiz/page.html", quiz.src_uri, quiz=quiz, t=strings, strings_json=js_strings)
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    # An explicit h1 keeps the full title on the page when the navigation shows a shorter one.
    return f"---\n{front}---\n\n# {_escape_markdown(quiz.title)}\n\n{body}"


def lesson_links(lesson: str, quizzes: list[Quiz], env: jinja2.Environment, strings: Mapping[str, str]) -> str:
    """Return the Markdown block that a lesson page gets, linking to its quizzes."""
    return _render(env, "quiz/lesson-links.html", lesson, quizzes=quizzes, t=strings)


def _escape_markdown(text: str) -> str:
    """Escape characters that would turn a plain-text title into HTML or Markdown markup."""
    return re.sub(r"([\\`*_{}\[\]#|!])", r"\\\1", escape(text, quote=False))


def fill_page_titles(html: str, titles: Mapping[str, str]) -> str:
    """Replace the text of links marked `data-page-title="path.md"` with that page's title."""

    def title_of(match: re.Match[str]) -> str:
        start, path, rest, end = match.groups()
        return f"{start}{rest}{escape(titles.get(path, path))}{end}"

    return _PAGE_TITLE.sub(title_of, html)
