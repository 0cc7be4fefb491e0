"""Material's own markup, made valid and accessible on every page, where its templates offer no block to override."""

from __future__ import annotations

import re

# Each fix finds its place with a plain string search, and those of the header search only the page's start: on a site
# of a thousand pages every page carries 600 kB of navigation, which a regular expression scans ten times as slowly.
_CONTAINER = '<div class="md-container"'

# Material marks its two hidden toggle checkboxes `autocomplete="off"`, which HTML allows only on text-like
# inputs; the attribute only stopped Firefox restoring a toggle's state after a reload.
_TOGGLES = tuple(f'type="checkbox" id="{name}" autocomplete="off"' for name in ("__drawer", "__search"))
# Section labels in the navigation get `tabindex=""`, which is not a number; no value means "not focusable".
_EMPTY_TABINDEX = ' tabindex=""'
# The search dialog has no accessible name; it takes the one its search field already has.
_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
_SEARCH_LABEL = re.compile(r'<input\b[^>]*class="md-search__input"[^>]*\baria-label="([^"]+)"')

# A section whose title links to its own page (`navigation.indexes`) gets a toggle label holding only an icon, and
# names its nested list after that label: the label gets the section's title as text only screen readers hear
# (HTML allows no aria-label on a label), or every such toggle and list has the same empty name.
_INDEX_CONTAINER = '<div class="md-nav__link md-nav__container">'
_INDEX_TOGGLE = re.compile(
    r'\s*<a [^>]*>\s*<span class="md-ellipsis">\s*([^<]*?)\s*</span>'
    r'\s*</a>\s*<label class="md-nav__link[^"]*" for="[^"]*" id="[^"]*"[^>]*>'
)
# The table of contents' title is a label for the `__toc` toggle, which Material leaves out when the page is a
# section's index (a lesson with its quizzes under it): a label for nothing is invalid.
_TOC_LABEL = '<label class="md-nav__title" for="__toc"'

# On narrow screens the keyboard reaches the menu's checkbox (closer.css), since Material's menu button is a label it
# cannot reach. What it does is a switch's: it opens and closes the menu at once, and the browser reports a switch's
# state from the checkbox itself, with or without scripts (a bare checkbox also stands outside every landmark). Its
# labels would name it after the menu's title as well; the header's button (partials/header.html) names it alone.
_MENU_CHECKBOX = 'data-md-toggle="drawer" type="checkbox" id="__drawer"'
_MENU_BUTTON_NAME = "closer-menu-name"


def fixed(html: str) -> str:
    """Return a page of Material's without its invalid attributes, with a named search dialog and a menu switch."""
    start = html.find(_CONTAINER)
    if start < 0:
        return _fixed_rest(_fixed_start(html))
    return _fixed_start(html[:start]) + _fixed_rest(html[start:])


def _fixed_start(html: str) -> str:
    """Mend what Material writes before the page's container: the hidden toggles and the header."""
    for toggle in _TOGGLES:
        html = html.replace(toggle, toggle.removesuffix(' autocomplete="off"'), 1)
    label = _SEARCH_LABEL.search(html)
    if label:
        html = html.replace(_SEARCH_DIALOG, f'{_SEARCH_DIALOG[:-1]} aria-label="{label.group(1)}">', 1)
    named = f' aria-labelledby="{_MENU_BUTTON_NAME}"' if f'id="{_MENU_BUTTON_NAME}"' in html else ""
    return html.replace(_MENU_CHECKBOX, f'{_MENU_CHECKBOX} role="switch"{named}', 1)


def _fixed_rest(html: str) -> str:
    """Mend the navigation and the table of contents."""
    html = _with_named_index_toggles(html.replace(_EMPTY_TABINDEX, ""))
    if 'id="__toc"' not in html:
        html = html.replace(_TOC_LABEL, _TOC_LABEL.removesuffix(' for="__toc"'))
    return html


def _with_named_index_toggles(html: str) -> str:
    """Give each toggle beside a section's index page its section's title."""
    head, *sections = html.split(_INDEX_CONTAINER)
    return _INDEX_CONTAINER.join([head, *map(_with_named_toggle, sections)])


def _with_named_toggle(section: str) -> str:
    """Add the title to the toggle that starts `section`, the markup after an index page's container."""
    found = _INDEX_TOGGLE.match(section)
    if found is None:
        return section
    return f'{found.group(0)}<span class="closer-sr">{found.group(1)}</span>{section[found.end():]}'
