"""Nothing moves as a page loads: what the first paint shows is where it stays when the scripts start."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser

QUIZZES = ["quizzes/check-one/", "quizzes/assess-two/"]
QUIZ_SCRIPT = re.compile(r"/assets/quiz/quiz\.js$")
# The quiz's opening lines as the reader sees them: their words and where they stand.
OPENING = """() => [".quiz-how", ".quiz-privacy", ".quiz-clear"].map(s => {
  const e = document.querySelector(s), r = e.getBoundingClientRect();
  return [s, e.innerText, Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height)];
})"""
# Every layout shift of the load, as Chromium reports them (Layout Instability API).
SHIFTS = """window.__shifts = [];
new PerformanceObserver(list => { for (const e of list.getEntries()) __shifts.push(e.value); })
  .observe({ type: "layout-shift", buffered: true });"""


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


@pytest.mark.parametrize("path", ["lessons/one/", *QUIZZES])
def test_nothing_shifts_as_a_page_loads_on_a_slow_phone(browser, fixture_url, path):
    context = browser.new_context(viewport={"width": 360, "height": 800}, is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        # Slowed as Lighthouse slows a phone, so the page is painted while it is still being read and started.
        context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": 4})
        page.add_init_script(SHIFTS)
        page.goto(fixture_url + path, wait_until="load")
        page.wait_for_function("window.document$ !== undefined")
        page.wait_for_timeout(500)
        assert page.evaluate("window.__shifts") == []
    finally:
        context.close()
