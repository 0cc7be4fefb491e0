"""Place generated quiz pages in a site's navigation, in a section that opens with their lesson."""

from __future__ import annotations

from collections.abc import Iterator

from mkdocs_closer.quizcore.model import Quiz
from mkdocs_closer.quizcore.sanitize import html_text

NavItem = str | dict[str, "str | list[NavItem]"]


def nav_paths(items: list[NavItem]) -> set[str]:
    """Return every page path listed in `items`, at any depth."""
    found: set[str] = set()
    for item in items:
        values = item.values() if isinstance(item, dict) else [item]
        for value in values:
            found |= nav_paths(value) if isinstance(value, list) else {value}
    return found


def _nest_under(items: list[NavItem], lesson: str, entries: list[NavItem]) -> bool:
    """Make the entry of `lesson` a section that opens with the lesson and lists `entries` under it."""
    for index, item in enumerate(items):
        title, value = next(iter(item.items())) if isinstance(item, dict) and len(item) == 1 else (None, item)
        if value == lesson:
            if title is None:
                # A section needs a title: without one in `nav`, the quizzes follow the lesson instead.
                items[index + 1 : index + 1] = entries
            else:
                items[index] = {title: [{title: lesson}, *entries]}
            return True
        if isinstance(value, list) and _nest_under(value, lesson, entries):
            return True
    return False


def add_quizzes_to_nav(nav: list[NavItem] | None, quizzes: list[Quiz], section: str = "Quizzes") -> None:
    """Nest each quiz under its lesson in `nav` (in place); quizzes whose lesson is not listed go to `section`.

    A quiz the author already placed in `nav` is left where it is. With no `nav` at all, MkDocs lists
    generated pages by itself.
    """
    if nav is None:
        return
    placed = nav_paths(nav)
    leftovers: list[NavItem] = []
    by_lesson: dict[str, list[NavItem]] = {}
    for quiz in quizzes:
        if quiz.src_uri not in placed:
            # The theme writes navigation titles as HTML.
            by_lesson.setdefault(quiz.lesson, []).append({html_text(quiz.title): quiz.src_uri})
    for lesson, entries in by_lesson.items():
        if not _nest_under(nav, lesson, entries):
            leftovers.extend(entries)
    if leftovers:
        nav.append({section: leftovers})


def section_pages(items: list[NavItem]) -> Iterator[tuple[str, str]]:
    """Yield (title, path) of each section's own page: its first entry, when that entry bears the section's title."""
    for item in items:
        if not isinstance(item, dict):
            continue
        for title, value in item.items():
            if isinstance(value, list):
                first = value[0] if value else None
                page = first.get(title) if isinstance(first, dict) else None
                if isinstance(page, str):
                    yield title, page
                yield from section_pages(value)
