"""MkDocs hook: the reader's "My progress" and "My journal" pages, and the settings the site-wide script reads."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url
from quizcore import QUIZ_DIR, latest_quizzes
from quizcore.fragments import page_link
from quizcore.reader import Step, by_lesson, course_steps
from quizcore.sanitize import MarkedText, plain_text, text_filters
from quizcore.strings import merge_strings

SCRIPT_STRINGS = (
    "nav_done", "mark_read", "mark_unread", "lesson_read", "state_not_started", "state_in_progress", "state_done",
    "state_read", "state_unread", "score_correct", "band_result", "progress_count", "next_step", "all_done",
    "journal_title", "journal_count", "imported",
    "import_bad", "clear_everything_confirm", "cleared_everything", "clear_everything_link", "link_copied",
    "copy_failed", "storage_locked", "storage_unavailable", "import_bad_item", "import_failed", "imported_merged",
)


class ReaderSettings(base.Config):
    """Settings under `extra.reader` in mkdocs.yml."""

    progress = c.Type(str, default="progress.md")
    journal = c.Type(str, default="journal/index.md")
    """Reflection prompts link relative to the quiz pages (`quizzes/<id>.md`): the journal sits at their depth."""
    lessons = c.Type(str, default="lessons/")
    """Pages under this folder are the course's lessons."""
    quick_exit = c.Type(str, default="https://weather.com/")
    """Where "Leave this site" goes: a neutral page on another site; empty for no quick exit."""


class _State:
    def __init__(self) -> None:
        self.settings = ReaderSettings()
        self.strings: dict[str, str] = {}
        self.quizzes: list[Any] = []
        self.steps: list[Step] = []
        self.env: Any = None
        self.marked = MarkedText()


state = _State()


def on_config(config: MkDocsConfig) -> None:
    """Read the settings and the interface text (shared with the quiz pages)."""
    state.__init__()
    state.settings.load_dict(dict(config.extra.get("reader") or {}))
    errors, _ = state.settings.validate()
    if errors:
        raise PluginError("\n".join(f"extra.reader.{name}: {error}" for name, error in errors))
    journal = state.settings.journal
    if journal.count("/") != 1:
        raise PluginError(f"extra.reader.journal: `{journal}` must sit one folder deep, like the quiz pages "
                          "(`quizzes/<id>.md`), so that links in reflection prompts work there too: "
                          "use `journal/index.md`.")
    if state.settings.quick_exit and not re.match(r"https?://[^/\s]+\.[^/\s]+(/\S*)?$", state.settings.quick_exit):
        raise PluginError(f"extra.reader.quick_exit: `{state.settings.quick_exit}` is not the web address of another "
                          "site; give one like `https://weather.com/`, or leave it empty for no quick exit.")
    # The quiz hook, listed first, has already stopped the build if these strings have unknown keys.
    overrides = (config.extra.get("quizzes") or {}).get("strings")
    state.strings = merge_strings(overrides, config.theme.get("language") or "en")


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Add the two pages, with the quizzes the quiz hook (listed before this one) has just loaded."""
    quiz_dir = Path(config.config_file_path).parent / ((config.extra.get("quizzes") or {}).get("dir") or QUIZ_DIR)
    try:
        state.quizzes = latest_quizzes(quiz_dir)
    except KeyError:
        raise PluginError("The reader's pages need the quizzes: list hooks/quizzes.py before this hook.") from None
    state.env = config.theme.get_env()
    state.env.filters.update(text_filters(), author_markdown=state.marked.mark)
    for key in ("progress", "journal"):
        files.append(File.generated(config, state.settings[key], content=f"# {state.strings[key + '_title']}\n"))
    return files


def on_nav(nav: Any, *, config: MkDocsConfig, files: Files) -> None:
    """Learn the course order from the navigation."""
    pages = [(plain_text(page.title or page.file.src_uri), page.file.src_uri) for page in nav.pages]
    state.steps = course_steps(pages, state.quizzes, state.settings.lessons)


def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    """Write the progress page and the journal from the course order."""
    for key in ("progress", "journal"):
        if page.file.src_uri == state.settings[key]:
            page.meta["description"] = state.strings[key + "_description"]
            page.meta["reader"] = key  # loads the reader pages' own script and styles
            template = state.env.get_template(f"reader/{key}.html")
            groups = by_lesson(state.steps)
            return template.render(
                steps=state.steps, groups=groups if key == "progress" else [g for g in groups if g.count],
                t=state.strings, link=lambda target: page_link(page.file.src_uri, target),
                href=lambda target: get_relative_url(files.src_uris[target].url, page.url),
            )
    return None


def on_page_content(html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    """Sanitise the quiz text the journal shows, as quiz pages do."""
    if page.file.src_uri != state.settings.journal:
        return None
    try:
        return state.marked.clean(html)
    except ValueError as exc:
        raise PluginError(f"{page.file.src_uri}: {exc}; check reflection prompts for stray HTML.") from None


def on_env(env: Any, /, *, config: MkDocsConfig, files: Files) -> None:
    """Give every page the settings and text the site-wide script needs."""
    progress = files.get_file_from_path(state.settings.progress)
    env.globals["closer_config"] = json.dumps(
        {"progress": progress.url if progress else "", "strings": {k: state.strings[k] for k in SCRIPT_STRINGS}},
        ensure_ascii=False, separators=(",", ":"),
    )
    env.globals["closer_strings"] = state.strings
    env.globals["closer_lessons"] = state.settings.lessons
    env.globals["closer_exit"] = state.settings.quick_exit
    # The home page's "where you left off": the course's steps, in order, with their addresses.
    env.globals["closer_steps"] = [
        {"step": step, "url": file.url} for step in state.steps if (file := files.get_file_from_path(step.src_uri))
    ]
    env.globals["closer_reader_pages"] = {key: files.get_file_from_path(state.settings[key])
                                          for key in ("progress", "journal")}
