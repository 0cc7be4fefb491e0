"""The knowledge-check page of the fixture site (`check-one`) in a real browser."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

KEY = "closer:/quiz:check-one"  # the fixture site is served at the root: its storage scope is "/"
LOCKED = (
    "This browser holds answers for this page that this version of the course cannot read. They are left as they are,"
    " and what you answer here will not be saved until you clear them or use a newer version of the course."
)
UNAVAILABLE = (
    "This browser is not letting the course save anything, so your answers will not be kept when you leave this page."
)


@pytest.fixture
def quiz_url(fixture_url: str) -> str:
    return f"{fixture_url}quizzes/check-one/"


def tab_to(page, selector: str, limit: int = 80) -> None:
    """Press Tab until the focused element matches `selector`."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    pytest.fail(f"Tab never reached {selector}")


def stored(page) -> dict | None:
    text = page.evaluate("k => localStorage.getItem(k)", KEY)
    return None if text is None else json.loads(text)


def test_keyboard_only(page, quiz_url):
    page.goto(quiz_url)
    q1 = page.locator("[data-question=core-of-intimacy]")
    feedback = q1.locator(".quiz-feedback")

    tab_to(page, "[name=core-of-intimacy]")
    page.keyboard.press("ArrowDown")
    expect(page.locator("#core-of-intimacy__b")).to_be_checked()
    # Choosing is not answering: no feedback, nothing locked.
    page.wait_for_timeout(100)
    expect(feedback).to_be_empty()
    expect(q1.locator("input").first).to_be_enabled()
    expect(q1).not_to_have_attribute("data-state", "correct")
    expect(q1.locator("details.quiz-answer")).to_be_hidden()

    tab_to(page, "[data-question=core-of-intimacy] [data-action=check]")
    page.keyboard.press("Space")
    expect(feedback).to_contain_text("Correct.")
    assert feedback.get_attribute("role") == "status"
    expect(q1).to_have_attribute("data-state", "correct")
    expect(q1.locator("input").first).to_be_disabled()
    expect(q1.locator("[data-action=retry]")).to_be_focused()
    expect(q1.locator("details.quiz-answer")).to_have_attribute("open", "")
    expect(q1.locator(".quiz-explanation")).to_be_visible()
    expect(page.locator("[data-summary]")).to_have_text("1 of 3 correct so far.")

    # Multiple choice: one of the two right answers.
    q2 = page.locator("[data-question=parts-of-the-process]")
    tab_to(page, "#parts-of-the-process__a")
    page.keyboard.press("Space")
    tab_to(page, "[data-question=parts-of-the-process] [data-action=check]")
    page.keyboard.press("Space")
    expect(q2.locator(".quiz-feedback")).to_contain_text("Not quite. You found 1 of 2 right answers.")
    expect(q2).to_have_attribute("data-state", "incorrect")

    # True/false answered wrongly, checked with Enter; the chosen choice's feedback is quoted.
    q3 = page.locator("[data-question=needs-to-be-dramatic]")
    tab_to(page, "[name=needs-to-be-dramatic]")
    page.keyboard.press("Space")
    expect(page.locator("#needs-to-be-dramatic__true")).to_be_checked()
    tab_to(page, "[data-question=needs-to-be-dramatic] [data-action=check]")
    page.keyboard.press("Enter")
    expect(q3.locator(".quiz-feedback")).to_contain_text("Not quite.")
    expect(q3.locator(".quiz-feedback")).to_contain_text("Small, everyday disclosures count too.")
    expect(page.locator("[data-summary]")).to_have_text("You got 1 of 3 right.")

    # Try again unlocks the question and removes the feedback.
    page.keyboard.press("Enter")
    expect(q3.locator(".quiz-feedback")).to_be_empty()
    expect(q3.locator("input").first).to_be_enabled()
    expect(q3.locator("[data-action=check]")).to_be_visible()
    expect(q3.locator("details.quiz-answer")).to_be_hidden()


def test_check_without_a_choice_asks_for_one(page, quiz_url):
    page.goto(quiz_url)
    q1 = page.locator("[data-question=core-of-intimacy]")
    q1.locator("[data-action=check]").click()
    expect(q1.locator(".quiz-feedback")).to_have_text("Choose an answer first.")
    expect(q1.locator("input").first).to_be_enabled()


def test_answers_survive_a_reload(page, quiz_url):
    page.goto(quiz_url)
    expect(page.locator(".quiz-privacy__text")).to_contain_text("stay in this browser")
    page.check("#core-of-intimacy__a")
    page.locator("[data-question=core-of-intimacy] [data-action=check]").click()
    page.check("#parts-of-the-process__b")  # chosen but not checked
    page.fill("#your-moment__text", "Last Sunday, on the walk.")
    page.wait_for_function("k => (localStorage.getItem(k) || '').includes('Last Sunday')", arg=KEY)
    data = stored(page)
    assert data == {
        "version": 1,
        "answers": {
            "core-of-intimacy": ["a"],
            "parts-of-the-process": ["b"],
            "your-moment": "Last Sunday, on the walk.",
        },
        "checked": ["core-of-intimacy"],
        "result": {"correct": 0, "total": 3, "done": False},  # what the progress page shows
    }

    page.reload()
    q1 = page.locator("[data-question=core-of-intimacy]")
    expect(page.locator("#core-of-intimacy__a")).to_be_checked()
    expect(q1.locator(".quiz-feedback")).to_contain_text("Not quite.")
    expect(q1.locator(".quiz-feedback")).to_contain_text("share a sofa every evening")
    expect(page.locator("#core-of-intimacy__a")).to_be_disabled()
    expect(page.locator("#parts-of-the-process__b")).to_be_checked()
    expect(page.locator("#parts-of-the-process__b")).to_be_enabled()
    expect(page.locator("[data-question=parts-of-the-process] .quiz-feedback")).to_be_empty()
    expect(page.locator("#your-moment__text")).to_have_value("Last Sunday, on the walk.")
    expect(page.locator("[data-summary]")).to_have_text("0 of 3 correct so far.")


def test_clear_my_answers(page, quiz_url):
    page.goto(quiz_url)
    page.check("#core-of-intimacy__b")
    page.locator("[data-question=core-of-intimacy] [data-action=check]").click()
    page.fill("#your-moment__text", "Yesterday")
    page.wait_for_function("k => (localStorage.getItem(k) || '').includes('Yesterday')", arg=KEY)

    # Dismissing the confirmation keeps everything.
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.click("[data-action=clear]")
    assert stored(page) is not None
    expect(page.locator("#core-of-intimacy__b")).to_be_checked()

    messages: list[str] = []

    def accept(dialog):
        messages.append(dialog.message)
        dialog.accept()

    page.once("dialog", accept)
    page.click("[data-action=clear]")
    assert messages == ["Clear all your answers on this page?"]
    expect(page.locator(".quiz-status")).to_have_text("Your answers on this page were cleared.")
    assert stored(page) is None
    assert page.locator("form.quiz input:checked").count() == 0
    expect(page.locator("#your-moment__text")).to_have_value("")
    expect(page.locator("[data-question=core-of-intimacy] .quiz-feedback")).to_be_empty()
    expect(page.locator("#core-of-intimacy__b")).to_be_enabled()
    expect(page.locator("[data-summary]")).to_be_empty()
    page.wait_for_timeout(400)  # the reflection's pending save must not bring the text back
    assert stored(page) is None
    page.reload()
    assert page.locator("form.quiz input:checked").count() == 0


@pytest.mark.parametrize(
    "saved",
    [
        '{"version":99,"answers":{"core-of-intimacy":["a"]},"mood":"a field this version does not know"}',
        "{not json",
        '{"version":1,"answers":{"core-of-intimacy":5}}',
        '{"version":1,"answers":[],"checked":"core-of-intimacy"}',
        '{"version":1,"answers":{},"extra":1}',
        "null",
    ],
)
def test_a_record_this_version_cannot_read_is_never_written_over(page, quiz_url, saved):
    page.goto(quiz_url)
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [KEY, saved])
    page.reload()
    notice = page.locator(".closer-notice")
    expect(notice).to_have_text(LOCKED)
    expect(notice).to_have_attribute("role", "status")
    assert page.locator("form.quiz input:checked").count() == 0
    q1 = page.locator("[data-question=core-of-intimacy]")
    page.check("#core-of-intimacy__b")
    q1.locator("[data-action=check]").click()
    expect(q1.locator(".quiz-feedback")).to_contain_text("Correct.")
    page.fill("#your-moment__text", "Not to be saved over it.")
    page.wait_for_timeout(400)
    assert page.evaluate("k => localStorage.getItem(k)", KEY) == saved
    expect(notice).to_have_count(1)
    page.reload()
    expect(page.locator(".closer-notice")).to_have_text(LOCKED)
    assert page.evaluate("k => localStorage.getItem(k)", KEY) == saved


def test_clearing_a_record_this_version_cannot_read_lets_answers_be_saved(page, quiz_url):
    page.goto(quiz_url)
    page.evaluate("k => localStorage.setItem(k, '{\"version\":99}')", KEY)
    page.reload()
    expect(page.locator(".closer-notice")).to_have_text(LOCKED)
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("[data-action=clear]")
    assert stored(page) is None
    page.check("#core-of-intimacy__b")
    page.locator("[data-question=core-of-intimacy] [data-action=check]").click()
    assert stored(page)["answers"] == {"core-of-intimacy": ["b"]}


@pytest.mark.parametrize("broken", [["setItem", "removeItem"], ["getItem", "setItem", "removeItem"]])
def test_storage_that_throws(context, quiz_url, broken):
    # Safari's private mode and full quotas throw on writes; blocked storage throws on reads too.
    context.add_init_script(
        f"for (const m of {broken!r})"
        " Storage.prototype[m] = () => { throw new DOMException('denied', 'SecurityError'); };"
    )
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(quiz_url)
    expect(page.locator(".quiz-privacy__text")).to_contain_text("stay in this browser")  # the quiz started
    page.wait_for_timeout(200)
    if "getItem" in broken:
        errors.clear()  # Material's own head script reads storage without a guard
    assert errors == []
    page.check("#core-of-intimacy__b")
    page.locator("[data-question=core-of-intimacy] [data-action=check]").click()
    expect(page.locator("[data-question=core-of-intimacy] .quiz-feedback")).to_contain_text("Correct.")
    page.fill("#your-moment__text", "x")
    page.wait_for_timeout(400)
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("[data-action=clear]")
    expect(page.locator(".quiz-status")).to_have_text("Your answers on this page were cleared.")
    expect(page.locator(".closer-notice")).to_have_text(UNAVAILABLE)  # told once, not at every failed save
    expect(page.locator(".closer-notice")).to_have_attribute("role", "status")
    assert errors == []
