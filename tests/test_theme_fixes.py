"""The plugin's mending of Material's markup: valid attributes, named controls, the menu's checkbox a switch."""

from __future__ import annotations

from mkdocs_closer.theme_fixes import fixed

MENU = '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">'


def test_material_markup_is_made_valid() -> None:
    html = (
        '<input class="md-toggle" type="checkbox" id="__drawer" autocomplete="off">'
        '<label class="md-nav__link" for="__nav_2" tabindex="">'
        '<div class="md-search" data-md-component="search" role="dialog">'
        '<input type="text" class="md-search__input" name="query" aria-label="Suche" autocomplete="off">'
    )
    assert fixed(html) == (
        '<input class="md-toggle" type="checkbox" id="__drawer">'
        '<label class="md-nav__link" for="__nav_2">'
        '<div class="md-search" data-md-component="search" role="dialog" aria-label="Suche">'
        '<input type="text" class="md-search__input" name="query" aria-label="Suche" autocomplete="off">'
    )


def test_a_section_toggle_beside_its_index_page_is_named_by_hidden_text() -> None:
    html = (
        '<div class="md-nav__link md-nav__container">\n<a href="../one/" class="md-nav__link ">\n'
        '<span class="md-ellipsis">\n 1. Trust &amp; hiding\n</span>\n</a>\n'
        '<label class="md-nav__link " for="__nav_3_1" id="__nav_3_1_label" tabindex="0">\n'
        '<span class="md-nav__icon md-icon"></span>\n</label>'
    )
    # HTML allows no aria-label on a label that belongs to a control: the name is text, clipped for the eye.
    assert fixed(html).endswith(
        'tabindex="0"><span class="closer-sr">1. Trust &amp; hiding</span>\n'
        '<span class="md-nav__icon md-icon"></span>\n</label>'
    )


def test_the_table_of_contents_title_labels_its_toggle_only_where_there_is_one() -> None:
    label = '<label class="md-nav__title" for="__toc">'
    assert fixed(label) == '<label class="md-nav__title">'
    with_toggle = f'<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">{label}'
    assert fixed(with_toggle) == with_toggle


def test_the_menus_checkbox_becomes_a_switch_named_by_the_menu_button() -> None:
    header = '<span class="closer-sr" id="closer-menu-name">Menu</span>'
    assert fixed(MENU + header) == MENU[:-1] + ' role="switch" aria-labelledby="closer-menu-name">' + header


def test_a_header_without_the_menu_buttons_name_leaves_the_switch_its_labels() -> None:
    assert fixed(MENU) == MENU[:-1] + ' role="switch">'
    assert fixed("<p>no menu</p>") == "<p>no menu</p>"


def test_a_whole_page_is_mended_in_its_header_and_in_its_navigation() -> None:
    page = (
        '<body><input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">'
        '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">'
        '<header><div class="md-search" data-md-component="search" role="dialog">'
        '<input type="text" class="md-search__input" aria-label="Search" autocomplete="off"></div></header>'
        '<div class="md-container"><nav><label class="md-nav__link" for="__nav_2" tabindex="">'
        '<label class="md-nav__title" for="__toc"></nav></div></body>'
    )
    assert fixed(page) == (
        '<body><input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" role="switch">'
        '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search">'
        '<header><div class="md-search" data-md-component="search" role="dialog" aria-label="Search">'
        '<input type="text" class="md-search__input" aria-label="Search" autocomplete="off"></div></header>'
        '<div class="md-container"><nav><label class="md-nav__link" for="__nav_2">'
        '<label class="md-nav__title"></nav></div></body>'
    )
