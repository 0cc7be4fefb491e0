"""Place the facilitators' generated pages in a site's navigation."""

from __future__ import annotations

from mkdocs_closer.quizcore.nav import NavItem, nav_paths


def _facilitators_section(items: list[NavItem], folder: str) -> list[NavItem] | None:
    """Return the first list in `items` (at any depth) that directly lists a page of the facilitators' `folder`."""
    for item in items:
        value = next(iter(item.values())) if isinstance(item, dict) and len(item) == 1 else item
        if isinstance(value, str) and value.startswith(folder):
            return items
    for item in items:
        for value in item.values() if isinstance(item, dict) else ():
            if isinstance(value, list) and (found := _facilitators_section(value, folder)) is not None:
                return found
    return None


def add_facilitator_pages(nav: list[NavItem] | None, entries: list[NavItem], folder: str, section_title: str) -> None:
    """Append `entries` to the navigation section of the pages in `folder`, or to a new one at the end.

    Pages the author already placed in `nav` stay where they are. With no `nav` at all, MkDocs lists
    generated pages by itself.
    """
    if nav is None:
        return
    placed = nav_paths(nav)
    missing = [e for e in entries if not (nav_paths([e]) & placed)]
    if not missing:
        return
    section = _facilitators_section(nav, folder)
    if section is None:
        nav.append({section_title: missing})
    else:
        section.extend(missing)
