"""Material's menu checkbox, made the switch it is, on every page the plugin's theme writes."""

from __future__ import annotations

# On narrow screens the keyboard reaches the menu's checkbox (closer.css), since Material's menu button is a label it
# cannot reach. What it does is a switch's: it opens and closes the menu at once, and the browser reports a switch's
# state from the checkbox itself, with or without scripts (a bare checkbox also stands outside every landmark). Its
# labels would name it after the menu's title as well; the header's button (partials/header.html) names it alone.
_CHECKBOX = 'data-md-toggle="drawer" type="checkbox" id="__drawer"'
_BUTTON_NAME = "closer-menu-name"


def with_menu_switch(html: str) -> str:
    """Return a page with Material's menu checkbox a switch, named by the header's menu button where it has one."""
    named = f' aria-labelledby="{_BUTTON_NAME}"' if f'id="{_BUTTON_NAME}"' in html else ""
    return html.replace(_CHECKBOX, f'{_CHECKBOX} role="switch"{named}', 1)
