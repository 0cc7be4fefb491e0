"""Nothing moves as a page loads: what the first paint shows is where it stays when the scripts start."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

QUIZZES = ["quizzes/check-one/", "quizzes/assess-two/"]
QUIZ_SCRIPT = re.compile(r"/assets/quiz/quiz\.js$")
# The quiz's opening lines as the reader sees them: their words and where they stand.
OPENING = """() => [".quiz-how", ".quiz-privacy", ".quiz-clear"].map(s => {
  const e = document.querySelector(s), r = e.getBoundingClientRect();
  return [s, e.innerText, Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height)];
})"""


@pytest.mark.parametrize("path", QUIZZES)
def test_the_quiz_opening_lines_stay_as_they_are_when_its_script_starts(browser, fixture_url, path):
    seen = {}
    for script in ("blocked", "running"):
        context = browser.new_context(viewport={"width": 360, "height": 800})
        try:
            page = context.new_page()
            if script == "blocked":  # the page as painted before the quiz script has run
                page.route(QUIZ_SCRIPT, lambda route: route.abort())
            page.goto(fixture_url + path)
            if script == "running":
                page.wait_for_selector("form.quiz[data-quiz-ready]", state="attached")
            seen[script] = page.evaluate(OPENING)
        finally:
            context.close()
    assert seen["running"] == seen["blocked"]
    assert "stay in this browser" in seen["running"][1][1]  # the words for readers with the script, from the start


# Records each element added inside the article from the time the document is parsed, when the page's scripts start.
WATCH_ADDED = """
window.__added = [];
document.addEventListener("DOMContentLoaded", () => {
  new MutationObserver(records => {
    for (const record of records)
      for (const node of record.addedNodes) if (node.nodeType === 1) __added.push(node.outerHTML.slice(0, 80));
  }).observe(document.querySelector("article"), { childList: true, subtree: true });
});
"""


@pytest.mark.parametrize("path", QUIZZES)
def test_a_quiz_page_holds_all_it_shows_before_its_scripts_start(page, fixture_url, path):
    # An element added among a quiz's own, even below them, makes Chromium restyle the whole quiz (Material's
    # `.md-typeset table:not([class]) + *`): the way to "Clear everything" is in the page's HTML, not added.
    page.add_init_script(WATCH_ADDED)
    page.goto(fixture_url + path)
    page.wait_for_selector("form.quiz[data-quiz-ready]", state="attached")
    page.wait_for_function("document.readyState === 'complete'")
    expect(page.locator(".closer-clear-all a")).to_be_visible()
    assert page.evaluate("window.__added") == []


def test_the_header_is_whole_when_its_script_runs(page, fixture_url):
    # Chromium may paint what it has parsed when a script has run: the header's one script comes after all it shows.
    page.goto(fixture_url + "lessons/one/")
    assert page.evaluate("[...document.querySelectorAll('.md-header script')].length") == 1
    assert page.evaluate("document.querySelector('.md-header__inner').lastElementChild.tagName") == "SCRIPT"


def test_a_lesson_marked_read_as_it_loads_keeps_its_place_for_what_follows(browser, fixture_url):
    # A short lesson's end shows at once, so the site's script marks it read as it starts, and says so.
    where = """() => [".closer-read", ".closer-help"].map(s => {
      const r = document.querySelector(s).getBoundingClientRect();
      return [s, Math.round(r.y), Math.round(r.height)];
    })"""
    seen = {}
    for script in ("blocked", "running"):
        context = browser.new_context(viewport={"width": 360, "height": 800})
        try:
            page = context.new_page()
            if script == "blocked":
                page.route(re.compile(r"/assets/javascripts/closer\.js$"), lambda route: route.abort())
            page.goto(fixture_url + "lessons/one/")
            if script == "running":
                page.wait_for_selector("[data-read-status]:has-text('You have read this lesson.')")
            seen[script] = page.evaluate(where)
        finally:
            context.close()
    assert seen["running"] == seen["blocked"]


# With these categories Chromium's trace gives each restyle and layout the script stack that forced it, if any.
STACKS = ["devtools.timeline", "disabled-by-default-devtools.timeline", "disabled-by-default-devtools.timeline.stack"]
OUR_SCRIPTS = re.compile(r"/assets/(quiz/quiz|javascripts/(closer|storage|reader))\.js$")


@pytest.mark.parametrize("path", ["lessons/one/", *QUIZZES])
def test_our_scripts_force_no_restyle_or_layout_as_the_page_starts(browser, page, fixture_url, path):
    # Our scripts start inside the long task in which Material's bundle starts the page. A read of the layout there
    # (focusing an element, say) adds a whole restyle and layout to that task, which a slow phone feels.
    browser.start_tracing(page=page, categories=STACKS)
    try:
        page.goto(fixture_url + path)
        page.wait_for_function("document.readyState === 'complete'")
        if path in QUIZZES:
            page.wait_for_selector("form.quiz[data-quiz-ready]", state="attached")
    finally:
        events = json.loads(browser.stop_tracing())["traceEvents"]
    forced = [(event["name"], frame["url"].rsplit("/", 1)[-1], frame["functionName"], frame["lineNumber"])
              for event in events if event["name"] in ("UpdateLayoutTree", "Layout")
              for frame in (event.get("args", {}).get("beginData") or {}).get("stackTrace") or []
              if OUR_SCRIPTS.search(frame["url"])]
    assert forced == []
