"""Whole-page behaviour: without JavaScript, offline-clean requests, accessibility, instant navigation."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect
from test_every_page import END_FADES

pytestmark = pytest.mark.browser

QUIZZES = ("quizzes/check-one/", "quizzes/assess-two/")


def test_without_javascript_the_quiz_is_a_paper_quiz(browser, fixture_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{fixture_url}quizzes/check-one/")
        expect(page.locator(".quiz-question")).to_have_count(3)
        expect(page.locator(".quiz-question").first).to_be_visible()
        expect(page.locator("#core-of-intimacy__b")).to_be_visible()
        answer = page.locator("[data-question=core-of-intimacy] details.quiz-answer")
        expect(answer).to_be_visible()
        expect(answer.locator(".quiz-explanation")).to_contain_text("Reis & Shaver, 1988", use_inner_text=False)
        expect(page.locator("[data-action=check]").first).to_be_hidden()
        expect(page.locator("[data-action=clear]")).to_be_hidden()
        expect(page.locator(".quiz-privacy__text")).to_have_text(
            "Nothing you choose on this page is saved or sent anywhere.", use_inner_text=True
        )

        page.goto(f"{fixture_url}quizzes/assess-two/")
        paper = page.locator("details.quiz-paper")
        expect(paper).to_be_visible()
        expect(paper.locator("table.quiz-paper__items tbody tr")).to_have_count(4)
        expect(paper.locator(".quiz-bands[data-scope=overall] .quiz-band")).to_have_count(3)
        expect(page.locator("[data-action=results]")).to_be_hidden()
        expect(page.locator("[data-safety-help]")).to_be_visible()  # no script can reveal it later
    finally:
        context.close()


def test_print_hides_controls_and_unchecked_answers(page, fixture_url):
    page.goto(f"{fixture_url}quizzes/check-one/")
    page.check("#core-of-intimacy__b")
    page.locator("[data-question=core-of-intimacy] [data-action=check]").click()
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")  # as Material does
    page.emulate_media(media="print")
    expect(page.locator("[data-question=parts-of-the-process] details.quiz-answer")).to_be_hidden()
    expect(page.locator("[data-question=core-of-intimacy] details.quiz-answer")).to_be_visible()
    expect(page.locator("[data-action=clear]")).to_be_hidden()
    expect(page.locator("[data-action=check]").nth(1)).to_be_hidden()


@pytest.mark.parametrize("scheme", ["default", "slate"])
@pytest.mark.parametrize("path", QUIZZES)
def test_axe_finds_no_violations(page, fixture_url, path, scheme):
    page.goto(fixture_url + path)
    page.evaluate("s => document.body.setAttribute('data-md-color-scheme', s)", scheme)
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert (background == "rgb(255, 255, 255)") == (scheme == "default"), background
    axe = Axe()
    found = {}
    found["as loaded"] = axe.run(page, context={"include": [["form.quiz"]]}).response["violations"]
    # Again with everything the script can show: feedback, explanations, results, safety help.
    if "check-one" in path:
        page.check("#core-of-intimacy__a")
        page.check("#parts-of-the-process__a")
        for button in page.locator("[data-action=check]").all():
            button.click()
    else:
        for item in ("tell-soon", "keep-worries", "good-news", "hopes"):
            page.check(f"#{item}__4")
        page.check("#quiz-safety__yes")
        page.click("[data-action=results]")
        page.click("details.quiz-paper summary")
    page.mouse.move(0, 0)
    page.focus("[data-action=clear]")  # Material's focus colours must stay readable too
    page.evaluate(END_FADES)  # judge the colours the reader ends up with
    found["after answering"] = axe.run(page, context={"include": [["form.quiz"]]}).response["violations"]
    problems = {
        state: [{"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]]} for v in violations]
        for state, violations in found.items()
        if violations
    }
    assert not problems, json.dumps(problems, indent=1)


def nav_click(page, path: str) -> None:
    """Open every section of the navigation, as a reader taps them open, and follow the link to `path`."""
    page.evaluate("document.querySelectorAll('.md-nav__toggle').forEach(toggle => { toggle.checked = true; })")
    page.click(f"nav.md-nav--primary a[href$='{path}']")


def test_instant_navigation_starts_the_quiz(page, fixture_url):
    page.goto(fixture_url)
    assert page.locator("form.quiz").count() == 0
    page.evaluate("window.notReloaded = true")
    nav_click(page, "/quizzes/check-one/")
    expect(page.locator("form.quiz[data-quiz=check-one]")).to_be_visible()
    assert page.evaluate("window.notReloaded === true"), "the page was fully reloaded, not swapped in"
    q1 = page.locator("[data-question=core-of-intimacy]")
    expect(q1.locator("[data-action=check]")).to_be_visible()
    page.check("#core-of-intimacy__b")
    q1.locator("[data-action=check]").click()
    expect(q1.locator(".quiz-feedback")).to_contain_text("Correct.")

    # On to the second quiz page and back: each form is set up exactly once.
    nav_click(page, "/quizzes/assess-two/")
    expect(page.locator("form.quiz[data-quiz=assess-two]")).to_be_visible()
    page.check("#quiz-safety__yes")
    expect(page.locator("[data-safety-help]")).to_be_visible()
    nav_click(page, "/quizzes/check-one/")
    expect(page.locator("form.quiz[data-quiz=check-one]")).to_be_visible()
    assert page.evaluate("window.notReloaded === true")
    q3 = page.locator("[data-question=needs-to-be-dramatic]")
    page.check("#needs-to-be-dramatic__false")
    q3.locator("[data-action=check]").click()
    expect(q3.locator(".quiz-feedback > p")).to_have_count(1)
    expect(q3.locator(".quiz-feedback")).to_contain_text("Correct.")
    expect(q1.locator(".quiz-feedback")).to_contain_text("Correct.")  # restored from storage
    expect(page.locator("[data-summary]")).to_have_text("2 of 3 answered · 2 right")
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.click("[data-action=clear]")
    page.wait_for_timeout(200)
    assert len(dialogs) == 1, "the form's handlers were attached more than once"


# Each kind of page, reached by its link in the navigation, and an element there with the text its scripts leave in it.
KINDS = [
    ("lessons/one/", "[data-read-toggle]", "Mark"),
    ("quizzes/check-one/", "[data-question=core-of-intimacy] [data-action=check]", "Check"),
    ("progress/", "[data-quiz=check-one] [data-step-state]", "Not started"),
    ("journal/", "[data-written]", "0 of 1 written"),
    ("quizzes/assess-two/", "[data-action=results]", "See my results"),
    ("lessons/one/", "[data-read-toggle]", "Mark"),
]


def test_instant_navigation_between_every_kind_of_page_leaves_their_scripts_working(page, fixture_url):
    # Material reads the next page with scripts off and runs the scripts it swaps in anew: a `<noscript>` style or
    # inline data there must neither hide the controls nor break a script, nor trip the page's policy.
    console: list[str] = []
    page.on("console", lambda message: message.type in ("error", "warning") and console.append(message.text))
    page.goto(fixture_url + KINDS[0][0])
    page.evaluate("window.notReloaded = true")
    for path, selector, text in KINDS:
        if path not in page.url:
            nav_click(page, path)
        expect(page.locator(selector)).to_contain_text(text)
        expect(page.locator(selector)).to_be_visible()
    assert page.evaluate("window.notReloaded === true"), "a page was loaded again, not swapped in"
    assert console == []


def test_the_no_script_style_made_live_changes_nothing_while_scripts_run(page, fixture_url):
    page.goto(f"{fixture_url}quizzes/check-one/")
    check = page.locator("[data-question=core-of-intimacy] [data-action=check]")
    expect(check).to_be_visible()
    # As instant navigation would bring it in: the template's own text, so the page's policy allows it.
    page.evaluate("""() => {
        const style = document.createElement("style");
        style.textContent = document.querySelector("head noscript").textContent.replace(/<\\/?style>/g, "");
        document.head.append(style);
    }""")
    expect(check).to_be_visible()
    expect(page.locator("[data-question=core-of-intimacy] details.quiz-answer")).to_be_hidden()


def storage_listeners(page) -> int:
    """How many `storage` listeners the page's window has: one for each part of a page following other tabs."""
    cdp = page.context.new_cdp_session(page)
    window = cdp.send("Runtime.evaluate", {"expression": "window"})["result"]["objectId"]
    listeners = cdp.send("DOMDebugger.getEventListeners", {"objectId": window})["listeners"]
    cdp.detach()
    return sum(listener["type"] == "storage" for listener in listeners)


REFLECTION = "[data-quiz=check-one][data-question=your-moment]"  # the fixture check's reflection, on My journal


@pytest.mark.parametrize(
    ("start", "link", "arrival", "shown"),
    [
        # A quiz page follows its answers; its "Clear everything" link leads to My progress, which shows the step.
        ("quizzes/check-one/", ".closer-clear-all a", "[data-quiz=check-one] [data-step-state]", "In progress"),
        # My journal follows every reflection; each links to its quiz page, which shows the answer.
        ("journal/", f"{REFLECTION} .closer-entry__from a", "#your-moment__text", ""),
    ],
    ids=["quiz", "journal"],
)
def test_a_page_left_by_instant_navigation_stops_following_other_tabs(context, fixture_url, start, link, arrival,
                                                                        shown):
    # Instant navigation swaps pages in without unloading the one left: what it had the window call when another
    # tab saves must go with it, or every page visited is redrawn out of sight, and kept in memory.
    page, other = context.new_page(), context.new_page()
    errors: list[str] = []
    for tab in (page, other):
        tab.on("pageerror", lambda exc: errors.append(str(exc)))
    other.goto(f"{fixture_url}quizzes/check-one/")

    def saved_in_other_tab(text: str) -> None:
        other.bring_to_front()
        other.fill("#your-moment__text", text)
        page.bring_to_front()
        if shown:
            expect(page.locator(arrival)).to_contain_text(shown)
        else:
            expect(page.locator(arrival)).to_have_value(text)

    page.goto(fixture_url + start)
    page.evaluate("window.notReloaded = true")
    page.locator(link).click()
    expect(page.locator(arrival)).to_be_visible()
    assert page.evaluate("window.notReloaded === true"), "the page was loaded again, not swapped in"
    saved_in_other_tab("Saved in another tab.")
    after_leaving = storage_listeners(page)

    other.evaluate("localStorage.clear()")
    page.reload()  # the same page, opened directly (going to its address, which has a fragment, would not load it)
    saved_in_other_tab("Saved in another tab again.")
    assert after_leaving == storage_listeners(page)
    assert errors == []


def test_the_screenshot_script_writes_a_png_per_view(tmp_path):
    from checkers import CHROMIUM, ROOT
    from screenshots import VIEWS
    from sitebuilder import make_project

    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium)")
    config = make_project(tmp_path / "project")
    # Its own process: the script drives Playwright itself, which cannot start inside the `browser` fixture's.
    command = [sys.executable, str(ROOT / "scripts" / "screenshots.py"), str(tmp_path / "shots"), "--config",
               str(config), "--page", "check=quizzes/check-one/"]
    subprocess.run(command, check=True, capture_output=True, timeout=300)
    shots = sorted((tmp_path / "shots").iterdir())
    assert [shot.name for shot in shots] == sorted(f"check-{view.name}.png" for view in VIEWS)
    for shot in shots:
        assert shot.read_bytes().startswith(b"\x89PNG\r\n\x1a\n"), shot
