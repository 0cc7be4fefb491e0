"""Material's own markup, made valid and accessible on every page, where its templates offer no block to override."""

from __future__ import annotations

import re

# Material marks its two hidden toggle checkboxes `autocomplete="off"`, which HTML allows only on text-like
# inputs; the attribute only stopped Firefox restoring a toggle's state after a reload.
_CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*\btype="checkbox"[^>]*?)\s+autocomplete="off"')
# Section labels in the navigation get `tabindex=""`, which is not a number; no value means "not focusable".
_EMPTY_TABINDEX = ' tabindex=""'
# The search dialog has no accessible name; it takes the one its search field already has.
_SEARCH_DIALOG = re.compile(r'(<div class="md-search" data-md-component="search" role="dialog")>')
_SEARCH_LABEL = re.compile(r'<input\b[^>]*class="md-search__input"[^>]*\baria-label="([^"]+)"')

# A section whose title links to its own page (`navigation.indexes`) gets a toggle label holding only an icon, and
# names its nested list after that label: the label gets the section's title as text only screen readers hear
# (HTML allows no aria-label on a label), or every such toggle and list has the same empty name.
_INDEX_TOGGLE = re.compile(
    r'(<div class="md-nav__link md-nav__container">\s*<a [^>]*>\s*<span class="md-ellipsis">\s*([^<]*?)\s*</span>'
    r'\s*</a>\s*<label class="md-nav__link[^"]*" for="[^"]*" id="[^"]*"[^>]*>)'
)
# The table of contents' title is a label for the `__toc` toggle, which Material leaves out when the page is a
# section's index (a lesson with its quizzes under it): a label for nothing is invalid.
_TOC_LABEL = re.compile(r'(<label class="md-nav__title") for="__toc"')

# On narrow screens the keyboard reaches the menu's checkbox (closer.css), since Material's menu button is a label it
# cannot reach. What it does is a switch's: it opens and closes the menu at once, and the browser reports a switch's
# state from the checkbox itself, with or without scripts (a bare checkbox also stands outside every landmark). Its
# labels would name it after the menu's title as well; the header's button (partials/header.html) names it alone.
_MENU_CHECKBOX = 'data-md-toggle="drawer" type="checkbox" id="__drawer"'
_MENU_BUTTON_NAME = "closer-menu-name"


def fixed(html: str) -> str:
    """Return a page of Material's without its invalid attributes, with a named search dialog and a menu switch."""
    html = _CHECKBOX_AUTOCOMPLETE.sub(r"\1", html).replace(_EMPTY_TABINDEX, "")
    html = _INDEX_TOGGLE.sub(lambda m: f'{m.group(1)}<span class="closer-sr">{m.group(2)}</span>', html)
    if 'id="__toc"' not in html:
        html = _TOC_LABEL.sub(r"\1", html)
    label = _SEARCH_LABEL.search(html)
    if label:
        html = _SEARCH_DIALOG.sub(lambda m: f'{m.group(1)} aria-label="{label.group(1)}">', html, count=1)
    named = f' aria-labelledby="{_MENU_BUTTON_NAME}"' if f'id="{_MENU_BUTTON_NAME}"' in html else ""
    return html.replace(_MENU_CHECKBOX, f'{_MENU_CHECKBOX} role="switch"{named}', 1)
