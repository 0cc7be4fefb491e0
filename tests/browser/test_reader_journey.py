"""The reader's journey on the real course: progress, navigation marks, lessons read, the journal, taking results
away, moving answers between devices and clearing everything, with no request leaving the site."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

CHECK = "what-is-intimacy"  # a knowledge check with 7 scored questions and 3 reflections
ASSESS = "how-i-open-up"  # a self-assessment of 11 statements
BAD_FILE = "This is not a Closer answers file, so nothing was changed."
MERGED = (
    "Added {count} saved items from the file."
    " Where this device already had an answer to a question, that answer was kept."
)


@pytest.fixture
def reader(browser, repo_url: str):
    """A page of a fresh browser profile that fails the test on script errors or requests leaving the site."""
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"], accept_downloads=True)
    context.set_default_timeout(5000)
    page = context.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda exc: problems.append(f"script error: {exc}"))
    page.on("request", lambda r: r.url.startswith((repo_url, "data:", "blob:")) or problems.append(r.url))
    page.on("dialog", lambda dialog: dialog.accept())
    yield page
    context.close()
    assert not problems, problems


def saved(page) -> dict:
    """Everything the course keeps in this browser: its own records by name ("lessons", "quiz:<id>"), anything
    else under "closer:" (another course's, or saved before keys were scoped) by its whole key."""
    return page.evaluate("""() => {
        const scope = "closer:" + __md_scope.pathname;
        return Object.fromEntries(Object.keys(localStorage).filter(k => k.startsWith("closer:"))
            .map(k => [k.startsWith(scope) ? k.slice(scope.length) : k, JSON.parse(localStorage.getItem(k))]));
    }""")


def answer_check(page, repo_url: str, *, all_of_it: bool) -> None:
    """Answer the knowledge check: every question right, or only the first one."""
    page.goto(f"{repo_url}quizzes/{CHECK}/")
    picks = [
        ("core-of-intimacy", ["responsive-reply"]), ("three-parts-of-responsiveness", ["understood"]),
        ("emotional-vs-sexual", ["false"]), ("feelings-or-facts", ["feelings"]), ("missing-step", ["responsive-reply"]),
        ("responsive-replies", ["makes-sense", "what-worries", "sit-together"]), ("listener-matters", ["false"]),
    ]
    for question, choices in picks if all_of_it else picks[:1]:
        for choice in choices:
            page.check(f"#{question}__{choice}")
        page.locator(f"[data-question={question}] [data-action=check]").click()


def answer_assessment(page, repo_url: str) -> None:
    page.goto(f"{repo_url}quizzes/{ASSESS}/")
    for item in page.locator("fieldset.quiz-item").all():
        item.locator("input[value='4']").check()
    page.click("[data-action=results]")
    expect(page.locator("[data-results-body]")).to_contain_text("Overall")


def test_progress_page_reflects_answers_from_other_pages(reader, repo_url: str) -> None:
    answer_check(reader, repo_url, all_of_it=True)
    answer_assessment(reader, repo_url)
    reader.goto(f"{repo_url}quizzes/why-it-matters/")
    reader.locator(".quiz-question input").first.check()
    reader.goto(f"{repo_url}progress/")
    step = lambda quiz: reader.locator(f"[data-quiz={quiz}] [data-step-state]")  # noqa: E731
    expect(step(CHECK)).to_have_text("Done · 7 of 7 right")
    expect(step(ASSESS)).to_contain_text("Done · Result: ")
    expect(step("why-it-matters")).to_have_text("In progress")
    expect(step("listening")).to_have_text("Not started")
    expect(reader.locator("[data-page='lessons/what-is-intimacy.md'] [data-step-state]")).to_have_text("Not read yet")
    expect(reader.locator("[data-continue] a")).to_have_text("1. What emotional intimacy is")


def test_navigation_marks_done_quizzes_for_everyone(reader, repo_url: str) -> None:
    answer_check(reader, repo_url, all_of_it=True)
    reader.goto(f"{repo_url}lessons/listening/")
    link = reader.locator(f".md-nav--primary a.md-nav__link[href$='quizzes/{CHECK}/']")
    expect(link.locator(".closer-done")).to_have_count(1)
    expect(link.locator(".closer-done .md-visually-hidden")).to_have_text(" (done)")
    expect(reader.locator(".md-nav--primary a.md-nav__link[href$='quizzes/listening/'] .closer-done")).to_have_count(0)


def test_a_lesson_is_read_at_its_end_and_can_be_unread(reader, repo_url: str) -> None:
    reader.goto(f"{repo_url}lessons/listening/")
    toggle = reader.locator("[data-read-toggle]")
    expect(toggle).to_have_text("Mark this lesson as read")
    assert "lessons" not in saved(reader), "nothing is read before the reader gets to the end"
    toggle.scroll_into_view_if_needed()
    expect(toggle).to_have_text("Mark it as not read")
    assert saved(reader)["lessons"]["read"] == ["lessons/listening.md"]
    toggle.click()
    expect(toggle).to_have_text("Mark this lesson as read")
    assert saved(reader)["lessons"]["read"] == []


def test_the_journal_gathers_reflections_from_two_lessons_and_edits_them(reader, repo_url: str) -> None:
    reader.goto(f"{repo_url}quizzes/{CHECK}/")
    reader.fill("#your-moment__text", "When Sam asked about my sister.")
    reader.wait_for_timeout(400)
    reader.goto(f"{repo_url}quizzes/listening/")
    reader.locator(".quiz-reflection textarea").first.fill("I offer a fix first.")
    reader.wait_for_timeout(400)
    reader.goto(f"{repo_url}journal/")
    first = reader.locator(f"[data-quiz={CHECK}][data-question=your-moment] textarea")
    expect(first).to_have_value("When Sam asked about my sister.")
    expect(reader.locator("[data-quiz=listening] textarea").first).to_have_value("I offer a fix first.")
    assert reader.locator("[data-journal]").count() >= 27, "every lesson's reflections are gathered"
    first.fill("When Sam asked how my sister was.")
    reader.wait_for_timeout(400)
    reader.goto(f"{repo_url}quizzes/{CHECK}/")
    expect(reader.locator("#your-moment__text")).to_have_value("When Sam asked how my sister was.")


def test_results_can_be_copied_and_downloaded(reader, repo_url: str) -> None:
    answer_check(reader, repo_url, all_of_it=False)
    reader.fill("#safe-to-share__text", "A calm evening walk.")
    reader.click("[data-action=copy]")
    expect(reader.locator(".quiz-status")).to_have_text("Summary copied.")
    copied = reader.evaluate("() => navigator.clipboard.readText()")
    assert "Your answer: How the listener responds" in copied and "Correct." in copied
    assert "Your answer: A calm evening walk." in copied and "Your answer: (no answer)" in copied
    with reader.expect_download() as download:
        reader.click("[data-action=download]")
    assert download.value.suggested_filename.startswith(f"closer-{CHECK}-")
    assert Path(download.value.path()).read_text(encoding="utf-8") == copied


def test_answers_move_to_another_device_and_a_bad_file_changes_nothing(reader, repo_url: str, tmp_path: Path) -> None:
    answer_check(reader, repo_url, all_of_it=True)
    reader.fill("#your-moment__text", "A reflection to keep.")
    reader.wait_for_timeout(400)
    answer_assessment(reader, repo_url)
    before = saved(reader)
    assert set(before) == {f"quiz:{CHECK}", f"quiz:{ASSESS}"}
    reader.goto(f"{repo_url}progress/")
    with reader.expect_download() as download:
        reader.click("[data-export]")
    exported = tmp_path / "answers.json"
    download.value.save_as(exported)
    reader.click("[data-clear-everything]")
    expect(reader.locator("[data-status]")).to_have_text("Everything this site saved in this browser was deleted.")
    assert saved(reader) == {}

    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"format": "closer-answers", "version": 1, "items": {"closer:quiz:x": "oops"}}))
    (tmp_path / "not-json.json").write_text("{not json", encoding="utf-8")
    bad_item = "The item “closer:quiz:x” in this file is not in a form this course can read, so nothing was changed."
    for wrong, message in ((bad, bad_item), (tmp_path / "not-json.json", BAD_FILE)):
        reader.set_input_files("[data-import]", str(wrong))
        expect(reader.locator("[data-status]")).to_have_text(message)
        assert saved(reader) == {}

    reader.set_input_files("[data-import]", str(exported))
    expect(reader.locator("[data-status]")).to_have_text(MERGED.format(count=2))
    assert saved(reader) == before
    expect(reader.locator(f"[data-quiz={CHECK}] [data-step-state]")).to_have_text("Done · 7 of 7 right")


def test_every_quiz_reaches_clear_everything(reader, repo_url: str) -> None:
    reader.goto(f"{repo_url}quizzes/{ASSESS}/")
    reader.click(".closer-clear-all a")
    expect(reader).to_have_url(f"{repo_url}progress/#clear-everything")
