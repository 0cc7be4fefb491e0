"""Place generated quiz pages in a site's navigation, right after their lessons."""

from __future__ import annotations

from quizcore.model import Quiz
from quizcore.sanitize import html_text

NavItem = str | dict[str, "str | list[NavItem]"]


def nav_paths(items: list[NavItem]) -> set[str]:
    """Return every page path listed in `items`, at any depth."""
    found: set[str] = set()
    for item in items:
        values = item.values() if isinstance(item, dict) else [item]
        for value in values:
            found |= nav_paths(value) if isinstance(value, list) else {value}
    return found


def _insert_after(items: list[NavItem], lesson: str, entries: list[NavItem]) -> bool:
    for index, item in enumerate(items):
        value = next(iter(item.values())) if isinstance(item, dict) and len(item) == 1 else item
        if value == lesson:
            items[index + 1 : index + 1] = entries
            return True
        if isinstance(value, list) and _insert_after(value, lesson, entries):
            return True
    return False


def add_quizzes_to_nav(nav: list[NavItem] | None, quizzes: list[Quiz], section: str = "Quizzes") -> None:
    """Insert each quiz after its lesson in `nav` (in place); quizzes whose lesson is not listed go to `section`.

    A quiz the author already placed in `nav` is left where it is. With no `nav` at all, MkDocs
    lists generated pages by itself.
    """
    if nav is None:
        return
    placed = nav_paths(nav)
    leftovers: list[NavItem] = []
    by_lesson: dict[str, list[NavItem]] = {}
    for quiz in quizzes:
        if quiz.src_uri not in placed:
            # The theme writes navigation titles as HTML.
            by_lesson.setdefault(quiz.lesson, []).append({html_text(quiz.nav_title): quiz.src_uri})
    for lesson, entries in by_lesson.items():
        if not _insert_after(nav, lesson, entries):
            leftovers.extend(entries)
    if leftovers:
        nav.append({section: leftovers})
