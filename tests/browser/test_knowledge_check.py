"""The knowledge-check page of the fixture site (`check-one`) in a real browser."""

from __future__ import annotations

import json
from pathlib import Path

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


def tab_to(page, selector: str, limit: int = 80, key: str = "Tab") -> None:
    """Press Tab (or `key`) until the focused element matches `selector`."""
    for _ in range(limit):
        page.keyboard.press(key)
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
    expect(page.locator("[data-summary]")).to_have_text("1 of 3 answered · 1 right")

    # Multiple choice: one of the two right answers.
    q2 = page.locator("[data-question=parts-of-the-process]")
    tab_to(page, "#parts-of-the-process__a")
    page.keyboard.press("Space")
    tab_to(page, "[data-question=parts-of-the-process] [data-action=check]")
    page.keyboard.press("Space")
    expect(q2.locator(".quiz-feedback")).to_contain_text("Not quite. You found 1 of 2 right answers.")
    expect(q2).to_have_attribute("data-state", "incorrect")

    # True/false answered wrongly, checked with Enter; the chosen card quotes its feedback.
    q3 = page.locator("[data-question=needs-to-be-dramatic]")
    tab_to(page, "[name=needs-to-be-dramatic]")
    page.keyboard.press("Space")
    expect(page.locator("#needs-to-be-dramatic__true")).to_be_checked()
    tab_to(page, "[data-question=needs-to-be-dramatic] [data-action=check]")
    page.keyboard.press("Enter")
    expect(q3.locator(".quiz-feedback")).to_have_text("Not quite. Try again, or show the answer.")
    expect(q3.locator("[data-choice=true]")).to_contain_text("Not right Small, everyday disclosures count too.")
    expect(page.locator("[data-summary]")).to_have_text("3 of 3 answered · 1 right")

    # "Show the answer", opened with the keyboard, gives the key away only now.
    expect(q3.locator(".quiz-answer__key")).to_be_hidden()
    tab_to(page, "[data-question=needs-to-be-dramatic] summary")
    page.keyboard.press("Enter")
    expect(q3.locator(".quiz-answer__key")).to_have_text("Answer: False")
    tab_to(page, "[data-question=needs-to-be-dramatic] [data-action=retry]", key="Shift+Tab")

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
    expect(page.locator("form.quiz[data-quiz-ready]")).to_have_count(1)
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
    expect(q1.locator("[data-choice=a] .quiz-choice__feedback")).to_contain_text("share a sofa every evening")
    expect(page.locator("#core-of-intimacy__a")).to_be_disabled()
    expect(page.locator("#parts-of-the-process__b")).to_be_checked()
    expect(page.locator("#parts-of-the-process__b")).to_be_enabled()
    expect(page.locator("[data-question=parts-of-the-process] .quiz-feedback")).to_be_empty()
    expect(page.locator("#your-moment__text")).to_have_value("Last Sunday, on the walk.")
    expect(page.locator("[data-summary]")).to_have_text("1 of 3 answered · 0 right")


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
    expect(page.locator("[data-summary]")).to_have_text("0 of 3 answered · 0 right")
    expect(page.locator("[data-choice=b]").first).not_to_contain_text("Right")
    page.wait_for_timeout(400)  # the reflection's pending save must not bring the text back
    assert stored(page) is None
    page.reload()
    assert page.locator("form.quiz input:checked").count() == 0


# Each test waits for one tab to show what the other saved before it answers there, as a reader switching tabs does.


def test_answers_saved_in_another_tab_are_shown_there_and_kept(two_tabs):
    first, second = two_tabs
    check(first, "core-of-intimacy", "b")
    expect(second.locator("[data-question=core-of-intimacy]")).to_have_attribute("data-state", "correct")
    expect(second.locator("#core-of-intimacy__b")).to_be_checked()
    expect(second.locator("[data-summary]")).to_have_text("1 of 3 answered · 1 right")
    second.bring_to_front()
    check(second, "parts-of-the-process", "a", "b")
    data = stored(second)
    assert data["answers"] == {"core-of-intimacy": ["b"], "parts-of-the-process": ["a", "b"]}
    assert sorted(data["checked"]) == ["core-of-intimacy", "parts-of-the-process"]
    assert data["result"] == {"correct": 2, "total": 3, "done": False}
    expect(first.locator("[data-summary]")).to_have_text("2 of 3 answered · 2 right")
    expect(second.locator("[data-question=parts-of-the-process] [data-action=retry]")).to_be_focused()


def test_a_question_answered_in_two_tabs_keeps_the_later_answer(two_tabs):
    first, second = two_tabs
    first.check("#core-of-intimacy__a")
    expect(second.locator("#core-of-intimacy__a")).to_be_checked()
    second.bring_to_front()
    second.check("#core-of-intimacy__b")
    expect(first.locator("#core-of-intimacy__b")).to_be_checked()
    first.bring_to_front()
    check(first, "parts-of-the-process", "a")
    assert stored(first)["answers"] == {"core-of-intimacy": ["b"], "parts-of-the-process": ["a"]}


def test_answers_cleared_in_another_tab_stay_cleared(two_tabs):
    first, second = two_tabs
    check(first, "core-of-intimacy", "b")
    expect(second.locator("[data-question=core-of-intimacy]")).to_have_attribute("data-state", "correct")
    first.once("dialog", lambda dialog: dialog.accept())
    first.click("[data-action=clear]")
    expect(second.locator("[data-question=core-of-intimacy]")).not_to_have_attribute("data-state", "correct")
    expect(second.locator("#core-of-intimacy__b")).not_to_be_checked()
    expect(second.locator("#core-of-intimacy__b")).to_be_enabled()
    expect(second.locator("[data-summary]")).to_have_text("0 of 3 answered · 0 right")
    second.bring_to_front()
    check(second, "parts-of-the-process", "a")
    assert stored(second)["answers"] == {"parts-of-the-process": ["a"]}


def test_what_another_tab_saves_leaves_the_focus_and_the_scroll_where_they_were(two_tabs):
    first, second = two_tabs
    check(first, "core-of-intimacy", "b")
    retry = first.locator("[data-question=core-of-intimacy] [data-action=retry]")
    expect(retry).to_be_focused()
    first.evaluate("window.scrollTo(0, document.body.scrollHeight)")  # the reader reads on
    expect(retry).not_to_be_in_viewport()
    second.bring_to_front()
    check(second, "parts-of-the-process", "a")
    expect(first.locator("[data-question=parts-of-the-process]")).to_have_attribute("data-state", "incorrect")
    first.bring_to_front()  # the reader comes back
    expect(retry).to_be_focused()
    expect(retry).not_to_be_in_viewport()  # the page stays where the reader is


def test_a_reflection_written_in_the_journal_is_kept_when_the_quiz_saves(context, quiz_url, fixture_url):
    quiz = context.new_page()
    quiz.goto(quiz_url)
    journal = context.new_page()
    journal.goto(f"{fixture_url}journal/")
    journal.fill("[data-quiz=check-one][data-question=your-moment] textarea", "On the walk home.")
    expect(quiz.locator("#your-moment__text")).to_have_value("On the walk home.")
    quiz.bring_to_front()
    check(quiz, "core-of-intimacy", "b")
    assert stored(quiz)["answers"] == {"core-of-intimacy": ["b"], "your-moment": "On the walk home."}


def test_a_reflection_written_on_the_quiz_page_shows_in_an_open_journal_and_is_kept(context, quiz_url, fixture_url):
    journal = context.new_page()
    journal.goto(f"{fixture_url}journal/")
    quiz = context.new_page()
    quiz.goto(quiz_url)
    quiz.fill("#your-moment__text", "On the walk home.")
    entry = journal.locator("[data-quiz=check-one][data-question=your-moment]")
    expect(entry.locator("textarea")).to_have_value("On the walk home.")
    expect(entry).not_to_have_attribute("data-empty", "")
    journal.bring_to_front()  # the reader goes on writing in the journal
    entry.locator("textarea").press("End")
    entry.locator("textarea").press_sequentially(" Then we talked.")
    expect(quiz.locator("#your-moment__text")).to_have_value("On the walk home. Then we talked.")
    assert stored(quiz)["answers"] == {"your-moment": "On the walk home. Then we talked."}
    quiz.bring_to_front()
    quiz.once("dialog", lambda dialog: dialog.accept())
    quiz.click("[data-action=clear]")
    expect(entry.locator("textarea")).to_have_value("")
    expect(entry).to_have_attribute("data-empty", "")


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
    expect(page.locator("form.quiz[data-quiz-ready]")).to_have_count(1)  # the quiz started
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


def check(page, question: str, *choices: str) -> None:
    """Choose `choices` of `question` by clicking their cards, then press Check."""
    for choice in choices:
        page.locator(f"[data-question={question}] [data-choice={choice}]").click()
    page.locator(f"[data-question={question}] [data-action=check]").click()


@pytest.mark.parametrize("width", [360, 1280])
def test_choices_are_cards_the_size_of_a_fingertip(page, quiz_url, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(quiz_url)
    heights = page.locator(".quiz-choice").evaluate_all("els => els.map(e => e.getBoundingClientRect().height)")
    assert len(heights) == 8
    assert min(heights) >= 44, heights
    # The whole card chooses: a click near its right edge picks the choice.
    card = page.locator("[data-question=core-of-intimacy] [data-choice=c]")
    card.scroll_into_view_if_needed()
    box = card.bounding_box()
    page.mouse.click(box["x"] + box["width"] - 6, box["y"] + box["height"] / 2)
    expect(page.locator("#core-of-intimacy__c")).to_be_checked()
    # Chosen is told by a filled mark and a thicker border, not by colour alone.
    mark = card.locator("label").evaluate("e => getComputedStyle(e, '::before').boxShadow")
    assert "inset" in mark
    assert card.evaluate("e => getComputedStyle(e).boxShadow") != "none"
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def test_in_forced_colours_the_chosen_mark_is_filled(page, quiz_url):
    page.emulate_media(forced_colors="active")
    page.goto(quiz_url)
    page.locator("[data-question=core-of-intimacy] [data-choice=b]").click()
    marks = page.locator("[data-question=core-of-intimacy] label").evaluate_all(
        "els => els.map(e => getComputedStyle(e, '::before').backgroundColor)")
    assert marks[1] != marks[0] == marks[2], marks


def test_a_wrong_answer_keeps_the_key_until_the_reader_asks(page, quiz_url):
    page.goto(quiz_url)
    q1 = page.locator("[data-question=core-of-intimacy]")
    check(page, "core-of-intimacy", "a")
    chosen = q1.locator("[data-choice=a]")
    expect(chosen.locator(".quiz-choice__verdict")).to_have_text("Not right")
    expect(chosen.locator(".quiz-choice__verdict")).to_be_visible()
    # Nothing gives the right answer away: not the key, not the explanation, not another choice's feedback.
    expect(q1.locator(".quiz-answer__key")).to_be_hidden()
    expect(q1.locator(".quiz-explanation")).to_be_hidden()
    expect(q1.get_by_text("Couples who feel close still disagree")).to_be_hidden()
    expect(q1.locator("[data-choice=b] .quiz-choice__verdict")).to_have_count(0)
    expect(q1.locator("summary")).to_have_text("Show the answer")
    expect(q1.locator("summary")).to_be_visible()
    q1.locator("summary").click()
    expect(q1.locator(".quiz-answer__key")).to_be_visible()
    expect(q1.locator(".quiz-explanation")).to_be_visible()


def test_several_right_answers_are_shown_one_per_line(page, quiz_url):
    page.goto(quiz_url)
    check(page, "parts-of-the-process", "a")
    q2 = page.locator("[data-question=parts-of-the-process]")
    q2.locator("summary").click()
    answers = q2.locator(".quiz-answer__key li")
    expect(answers).to_have_text(["Sharing something personal", "A response that shows understanding"])
    first, second = (answers.nth(i).bounding_box() for i in range(2))
    assert second["y"] >= first["y"] + first["height"], (first, second)


def test_the_summary_lists_several_choices_one_per_line(page, quiz_url):
    page.goto(quiz_url)
    check(page, "parts-of-the-process", "a", "b")
    check(page, "needs-to-be-dramatic", "false")
    with page.expect_download() as download:
        page.click("[data-action=download]")
    summary = Path(download.value.path()).read_text(encoding="utf-8")
    assert "Your answer:\n- Sharing something personal\n- A response that shows understanding\nCorrect." in summary
    assert "Your answer: False\n" in summary


def test_the_chosen_feedback_is_shown_once(page, quiz_url):
    page.goto(quiz_url)
    check(page, "core-of-intimacy", "a")
    page.locator("[data-question=core-of-intimacy] summary").click()
    expect(page.get_by_text("you can share a sofa every evening").filter(visible=True)).to_have_count(1)


def test_a_right_answer_shows_the_explanation_at_body_size(page, quiz_url):
    page.goto(quiz_url)
    check(page, "core-of-intimacy", "b")
    q1 = page.locator("[data-question=core-of-intimacy]")
    expect(q1.locator("[data-choice=b] .quiz-choice__verdict")).to_have_text("Right")
    explanation = q1.locator(".quiz-explanation p")
    expect(explanation).to_be_visible()
    body = page.locator(".quiz-back").evaluate("e => getComputedStyle(e).fontSize")
    assert explanation.evaluate("e => getComputedStyle(e).fontSize") == body
    assert q1.locator(".quiz-answer__key").evaluate("e => getComputedStyle(e).fontSize") == body


def test_a_reflection_prompt_looks_like_a_question_prompt(page, quiz_url):
    page.goto(quiz_url)
    style = "e => { const s = getComputedStyle(e); return [s.fontSize, s.fontWeight, s.marginTop, s.marginBottom]; }"
    question = page.locator("legend .quiz-question__prompt").first.evaluate(style)
    reflection = page.locator(".quiz-reflection .quiz-question__prompt").first.evaluate(style)
    assert reflection == question
    gap = "e => e.getBoundingClientRect().top - e.previousElementSibling.getBoundingClientRect().bottom"
    between_questions = page.locator("fieldset + fieldset").first.evaluate(gap)
    assert page.locator(".quiz-reflection").first.evaluate(gap) == between_questions


@pytest.mark.parametrize(
    ("answers", "line", "score"),
    [
        ((("core-of-intimacy", "a"), ("parts-of-the-process", "a", "b"), ("needs-to-be-dramatic", "true")),
         "3 of 3 answered · 1 right", "You got 1 of 3 right."),
        ((("core-of-intimacy", "b"), ("parts-of-the-process", "a", "b"), ("needs-to-be-dramatic", "false")),
         "3 of 3 answered · 3 right", "All 3 right. Well done."),
    ],
)
def test_progress_line_and_end_card(page, quiz_url, fixture_url, answers, line, score):
    page.goto(quiz_url)
    progress = page.locator("[data-summary]")
    expect(progress).to_have_text("0 of 3 answered · 0 right")
    end = page.locator("[data-end]")
    for number, (question, *choices) in enumerate(answers, 1):
        expect(end).to_be_hidden()
        check(page, question, *choices)
        expect(progress).to_contain_text(f"{number} of 3 answered")
    expect(progress).to_have_text(line)
    expect(end).to_be_visible()
    expect(end.get_by_role("heading")).to_have_text("You have answered every question")
    expect(end.locator("[data-end-score]")).to_have_text(score)
    next_lesson = end.get_by_role("link")
    expect(next_lesson).to_have_text("Next lesson: Lesson two")
    assert "md-button--primary" in next_lesson.get_attribute("class")
    next_lesson.click()
    expect(page).to_have_url(f"{fixture_url}lessons/two/")


def test_first_question_is_on_the_first_screen_of_a_phone(page, quiz_url):
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(quiz_url)
    first = page.locator("[data-question=core-of-intimacy] [data-choice=a]")
    assert first.bounding_box()["y"] + first.bounding_box()["height"] <= 800
    clear = page.get_by_role("button", name="Clear my answers")
    assert clear.bounding_box()["height"] >= 44


def test_lesson_box_counts_what_the_quiz_page_counts(page, fixture_url):
    page.goto(f"{fixture_url}lessons/one/")
    expect(page.locator(".quiz-links li")).to_have_text(
        "Check: what intimacy is · 3 questions · 1 reflection"
    )


def test_without_javascript_the_quiz_is_a_worksheet(browser, quiz_url):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 800})
    try:
        page = context.new_page()
        page.goto(quiz_url)
        expect(page.locator(".quiz-how")).to_have_text(
            "Choose an answer, then open “Show the answer” under the question to see if you were right.",
            use_inner_text=True,
        )
        expect(page.get_by_role("button", name="Check")).to_have_count(0)
        assert "press Check" not in page.locator("article").inner_text()
        answers = page.locator("details.quiz-answer")
        expect(answers).to_have_count(3)
        for index in range(3):
            expect(answers.nth(index).locator("summary")).to_be_visible()
            expect(answers.nth(index).locator(".quiz-answer__key")).to_be_hidden()
        answers.first.locator("summary").click()
        expect(answers.first.locator(".quiz-answer__key")).to_be_visible()
        expect(answers.first.get_by_text("Couples who feel close still disagree")).to_be_visible()
        widths = page.locator("form.quiz").evaluate_all("els => els.map(e => e.scrollWidth <= e.clientWidth)")
        assert widths == [True]
    finally:
        context.close()


@pytest.mark.parametrize(
    ("quiz", "next_lesson"),
    [("what-is-intimacy", "lessons/why-it-matters/"), ("opening-up", "lessons/listening/"), ("keeping-it-going", None)],
)
def test_next_lesson_follows_the_course_order(page, repo_url, quiz, next_lesson):
    page.goto(f"{repo_url}quizzes/{quiz}/")
    link = page.locator("[data-end] a")
    if next_lesson is None:  # the last lesson's check: nothing after it
        expect(link).to_have_count(0)
        expect(page.locator("[data-end] p")).to_have_count(1)
    else:
        assert link.evaluate("a => a.href") == f"{repo_url}{next_lesson}"


def test_an_answered_check_passes_axe_in_both_palettes(page, repo_url):
    from test_every_page import axe_violations

    page.goto(f"{repo_url}quizzes/what-is-intimacy/")
    questions = page.locator(".quiz-question")
    for index in range(questions.count()):
        question = questions.nth(index)
        question.locator(".quiz-choice").first.click()
        question.locator("[data-action=check]").click()
    for answer in page.locator("details.quiz-answer:not([open])").all()[:2]:
        answer.locator("summary").click()
    expect(page.locator("[data-end]")).to_be_visible()
    assert axe_violations(page) == {}


def test_printouts_leave_out_words_about_buttons(page, quiz_url):
    page.goto(quiz_url)
    check(page, "core-of-intimacy", "b")
    page.emulate_media(media="print")
    expect(page.locator(".quiz-how")).to_be_hidden()
    expect(page.locator(".quiz-privacy")).to_be_hidden()  # about this browser, and its "Clear my answers" button
    expect(page.locator("[data-summary]")).to_be_visible()
    expect(page.locator("[data-choice=b] .quiz-choice__verdict")).to_be_visible()
