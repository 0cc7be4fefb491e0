"""The reader's "My progress" and "My journal" pages in a MkDocs build, and the settings the site-wide script reads."""

from __future__ import annotations

import json
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from mkdocs_closer.config import ReaderConfig
from mkdocs_closer.quizcore import Quiz
from mkdocs_closer.quizcore.fragments import page_link
from mkdocs_closer.quizcore.nav import nav_paths
from mkdocs_closer.quizcore.sanitize import MarkedText, plain_text, text_filters
from mkdocs_closer.reader.aside import HtmlAside
from mkdocs_closer.reader.steps import Step, by_lesson, course_steps

SITE_STRINGS = (
    "nav_done", "mark_read", "mark_unread", "lesson_read", "score_correct", "band_result", "link_copied", "copy_failed",
    "storage_locked", "storage_unavailable",
)
"""What the site-wide script shows on any page."""
READER_STRINGS = (
    "state_not_started", "state_in_progress", "state_done", "state_read", "state_unread", "progress_count",
    "next_step", "all_done", "journal_title", "journal_count", "imported", "imported_merged", "import_bad",
    "import_bad_item", "import_failed", "clear_everything_confirm", "cleared_everything",
)
"""What only the reader's pages show: they carry these themselves, so no other page is heavier for them."""
PAGES = ("progress", "journal")


class ReaderPages:
    """The reader's two pages and the course order they follow, for one build."""

    def __init__(self, options: ReaderConfig, strings: dict[str, str], storage: str) -> None:
        self.options = options
        self.strings = strings
        self.storage = storage
        self.quizzes: list[Quiz] = []
        self.course: list[Page] = []
        self.read_steps: list[Step] | None = None
        self.env: Any = None
        self.marked = MarkedText()
        self.html_aside = HtmlAside()

    def add(self, files: Files, config: MkDocsConfig, quizzes: list[Quiz], env: Any) -> None:
        """Add the two pages, which list `quizzes`, at the end of the navigation unless it lists them already."""
        self.quizzes = quizzes
        self.env = env
        self.env.filters.update(text_filters(), author_markdown=self.marked.mark)
        listed = nav_paths(config.nav) if config.nav is not None else set()
        for key in PAGES:
            title = self.strings[key + "_title"]
            files.append(File.generated(config, self.options[key], content=f"# {title}\n"))
            if config.nav is not None and self.options[key] not in listed:
                config.nav.append({title: self.options[key]})

    def learn_order(self, nav: Navigation) -> None:
        """Learn the course order from the navigation."""
        self.course = nav.pages
        self.read_steps = None

    @property
    def steps(self) -> list[Step]:
        """Return the course's steps in order, titled as their pages are once read (before the reader's pages are)."""
        # A navigation made from folders, or one that names a page without a title, has no titles until pages are read.
        if self.read_steps is None:
            pages = [(plain_text(page.title or page.file.src_uri), page.file.src_uri) for page in self.course]
            self.read_steps = course_steps(pages, self.quizzes, self.options.lessons)
        return self.read_steps

    def unfold_journal(self, nav: Navigation) -> None:
        """List the journal as a page where the folders made it a section of one page (a site without `nav`)."""
        _unfold(nav.items, self.options.journal)

    def write(self, page: Page, files: Files) -> str | None:
        """Write the progress page or the journal from the course order."""
        key = next((key for key in PAGES if page.file.src_uri == self.options[key]), None)
        if key is None:
            return None
        page.meta["description"] = self.strings[key + "_description"]
        page.meta["reader"] = key  # loads the reader pages' own script and styles
        groups = by_lesson(self.steps)
        markdown = str(self.env.get_template(f"reader/{key}.html").render(
            steps=self.steps, groups=groups if key == "progress" else [g for g in groups if g.count],
            t=self.strings, link=lambda target: page_link(page.file.src_uri, target),
            href=lambda target: get_relative_url(files.src_uris[target].url, page.url),
        ))
        return self.html_aside.set_aside(markdown)

    def clean(self, html: str, page: Page) -> str | None:
        """Put back the HTML set aside from the site's Markdown; sanitise the quiz text the journal shows."""
        if page.file.src_uri == self.options.progress:
            return self.html_aside.put_back(html)
        if page.file.src_uri != self.options.journal:
            return None
        try:
            return self.marked.clean(html)
        except ValueError as exc:
            raise PluginError(f"{page.file.src_uri}: {exc}; check reflection prompts for stray HTML.") from None

    def theme_globals(self, files: Files) -> dict[str, Any]:
        """Return what every page's templates and the site-wide script need."""
        script = {"storage": self.storage, "strings": {k: self.strings[k] for k in SITE_STRINGS}}
        return {
            "closer_config": _json(script),
            "closer_reader_strings": _json({k: self.strings[k] for k in READER_STRINGS}),
            "closer_strings": self.strings,
            "closer_lessons": self.options.lessons,
            "closer_exit": self.options.quick_exit,
            # The home page's "where you left off": the course's steps, in order, with their addresses.
            "closer_steps": [{"step": step, "url": file.url}
                             for step in self.steps if (file := files.get_file_from_path(step.src_uri))],
            "closer_reader_pages": {key: files.get_file_from_path(self.options[key]) for key in PAGES},
        }


def _json(value: Any) -> str:
    """Return `value` as compact JSON that a `<script type="application/json">` holds as it is, an attribute escaped."""
    # No `<` at all, so a course's strings can neither close the element nor open a comment inside it.
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")


def _unfold(items: list[Any], src_uri: str) -> bool:
    """Replace the section in `items` (at any depth) whose only entry is the page `src_uri` with that page."""
    for index, item in enumerate(items):
        if not item.is_section:
            continue
        children = item.children
        if len(children) == 1 and children[0].is_page and children[0].file.src_uri == src_uri:
            children[0].parent = item.parent
            items[index] = children[0]
            return True
        if _unfold(children, src_uri):
            return True
    return False
