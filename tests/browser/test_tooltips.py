"""Tooltips: a titled term, link or button shows its title on hover and on keyboard focus, made only then (none as the
page loads); the pointer can rest on it, Esc and leaving close it, and the title is back once it has gone."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

LESSON = "lessons/safe-harbour/"
TERM = "article a[href$='glossary/#safe-haven']"
DEFINITION = "A person or relationship you can turn to for comfort and reassurance when you are upset, hurt or afraid."


@pytest.fixture
def lesson(page, repo_url: str):
    """The lesson, on a desktop screen, once its scripts have run."""
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(repo_url + LESSON)
    page.wait_for_load_state("load")
    return page


def shown(page, term) -> None:
    """Check that `term`'s tooltip shows its title below it, and describes it instead of the title."""
    tip = page.get_by_role("tooltip")
    expect(tip).to_have_text(DEFINITION)
    expect(term).to_have_attribute("aria-describedby", tip.get_attribute("id"))
    expect(term).not_to_have_attribute("title", re.compile(""))
    box, under = term.bounding_box(), tip.bounding_box()
    assert under["y"] >= box["y"] + box["height"], (box, under)
    width = page.evaluate("document.documentElement.clientWidth")
    assert 0 <= under["x"] and under["x"] + under["width"] <= width, (under, width)


def gone(page, term) -> None:
    """Check that `term`'s tooltip has gone (the next term's may show) and that `term` has its title back."""
    expect(page.get_by_role("tooltip").filter(has_text=DEFINITION)).to_have_count(0)
    expect(term).to_have_attribute("title", DEFINITION)
    expect(term).not_to_have_attribute("aria-describedby", re.compile(""))


def test_the_page_loads_with_titles_and_no_tooltips(lesson) -> None:
    term = lesson.locator(TERM)
    expect(term).to_have_attribute("title", DEFINITION)
    assert lesson.locator("[role=tooltip], .md-tooltip2").count() == 0
    # Material's own tooltips, made for every titled element as the page loads, are off.
    features = lesson.evaluate("JSON.parse(document.getElementById('__config').textContent).features")
    assert "content.tooltips" not in features


def test_hovering_a_term_shows_its_definition_and_the_pointer_can_rest_on_it(lesson) -> None:
    term = lesson.locator(TERM)
    term.hover()
    shown(lesson, term)
    lesson.get_by_role("tooltip").hover()
    lesson.wait_for_timeout(500)
    shown(lesson, term)
    lesson.locator("article h1").hover()
    gone(lesson, term)


def test_keyboard_focus_shows_it_and_escape_closes_it_without_leaving(lesson, repo_url: str) -> None:
    term = lesson.locator(TERM)
    term.focus()
    shown(lesson, term)
    lesson.keyboard.press("Escape")
    gone(lesson, term)
    assert lesson.url == repo_url + LESSON
    # Closed, it stays closed while the term keeps the focus; it comes back when the focus does.
    lesson.wait_for_timeout(300)
    expect(lesson.get_by_role("tooltip")).to_have_count(0)
    lesson.keyboard.press("Tab")
    lesson.keyboard.press("Shift+Tab")
    shown(lesson, term)
    lesson.keyboard.press("Tab")
    gone(lesson, term)


def test_the_header_s_quick_exit_explains_itself(lesson) -> None:
    exit_link = lesson.locator("[data-closer-exit]")
    title = exit_link.get_attribute("title")
    exit_link.hover()
    expect(lesson.get_by_role("tooltip")).to_have_text(title)


def test_on_a_phone_a_tooltip_stays_on_the_screen(page, repo_url: str) -> None:
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(repo_url + LESSON)
    term = page.locator(TERM)
    term.focus()
    shown(page, term)


def test_a_tooltip_goes_with_the_page_it_belongs_to(lesson, repo_url: str) -> None:
    term = lesson.locator(TERM)
    term.focus()
    shown(lesson, term)
    lesson.keyboard.press("Enter")  # Material's instant navigation replaces the page without reloading it
    expect(lesson).to_have_url(re.compile(r"glossary/#safe-haven$"))
    expect(lesson.get_by_role("tooltip")).to_have_count(0)
