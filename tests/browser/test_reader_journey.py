"""The reader's journey on the real course: progress, navigation marks, lessons read, the journal, taking results
away, moving answers between devices and clearing everything, with no request leaving the site."""

from __future__ import annotations

import functools
import json
import threading
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest
from playwright.sync_api import expect
from serve import SiteHandler

from mkdocs_closer.quizcore import load_quiz
from mkdocs_closer.quizcore.itemchecks import plain
from mkdocs_closer.quizcore.model import Question

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
DOC_PAGES = {p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md")}
CHECK = "what-is-intimacy"  # a knowledge check with 7 scored questions and 3 reflections
ASSESS = "how-i-open-up"  # a self-assessment of 11 statements
JOURNAL_ENTRY = f"[data-quiz={CHECK}][data-question=your-moment]"  # its first reflection, on My journal
BAD_FILE = "This is not an answers file from Closer, so nothing was changed."
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


def check_questions() -> list[Question]:
    """The scored questions of the knowledge check, as its file has them."""
    quiz = load_quiz(ROOT / "quizzes" / f"{CHECK}.yml", root=ROOT, known_pages=DOC_PAGES)
    return [q for q in quiz.questions if q.scored]


def answer_check(page, repo_url: str, *, all_of_it: bool) -> None:
    """Answer the knowledge check: every question right, or only the first one."""
    page.goto(f"{repo_url}quizzes/{CHECK}/")
    picks = [(q.id, [c.id for c in q.correct_choices]) for q in check_questions()]
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
    expect(reader.locator("[data-next]")).to_have_text("Next: Check: surface to depth")  # the latest, unfinished


def test_navigation_marks_done_quizzes_for_everyone(reader, repo_url: str) -> None:
    answer_check(reader, repo_url, all_of_it=True)
    reader.goto(f"{repo_url}lessons/{CHECK}/")  # the navigation lists the quizzes of the lesson shown
    link = reader.locator(f".md-nav--primary a.md-nav__link[href$='quizzes/{CHECK}/']")
    expect(link.locator(".closer-done")).to_have_count(1)
    expect(link.locator(".closer-done .closer-sr")).to_have_text(" (done)")
    expect(reader.locator(".md-nav--primary .closer-done")).to_have_count(1)
    reader.goto(f"{repo_url}lessons/opening-up/")
    expect(reader.locator(".md-nav--primary a.md-nav__link[href$='quizzes/opening-up/']")).to_have_count(1)
    expect(reader.locator(".md-nav--primary .closer-done")).to_have_count(0)


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
    first = reader.locator(f"{JOURNAL_ENTRY} textarea")
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
    first_answer = plain(check_questions()[0].correct_choices[0].text)
    assert f"Your answer: {first_answer}" in copied and "Correct." in copied
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
    assert set(before) == {f"quiz:{CHECK}", f"quiz:{ASSESS}", "activity"}
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
    expect(reader.locator("[data-status]")).to_have_text(MERGED.format(count=3))  # two quizzes, and the latest activity
    assert saved(reader) == before
    expect(reader.locator(f"[data-quiz={CHECK}] [data-step-state]")).to_have_text("Done · 7 of 7 right")


@pytest.mark.parametrize(
    ("activity", "readable"),
    [
        ({"version": 1, "at": {f"quiz:{CHECK}": 1765000000000, "lessons/listening.md": 1}}, True),
        ({"version": 1, "at": {}}, True),
        ({"version": 1, "at": {f"quiz:{CHECK}": 1.5}}, False),
        ({"version": 1, "at": {"x" * 501: 1}}, False),
        ({"version": 1, "at": {f"k{i}": i for i in range(1001)}}, False),
        ({"version": 1, "at": [1]}, False),
        ({"version": 1, "at": 5}, False),
        ({"version": 1}, False),
        ({"version": 1, "at": {}, "extra": 1}, False),
        ({"version": 2, "at": {}}, False),
    ],
    ids=["times", "empty", "fraction", "long-step", "too-many", "list", "number", "missing", "extra-key", "newer"],
)
def test_an_answers_file_brings_the_latest_activity_only_in_a_form_the_course_reads(
    reader, repo_url: str, tmp_path: Path, activity: dict, readable: bool
) -> None:
    file = tmp_path / "answers.json"
    file.write_text(json.dumps({"format": "closer-answers", "version": 1, "items": {"closer:activity": activity}}))
    reader.goto(f"{repo_url}progress/")
    reader.set_input_files("[data-import]", str(file))
    if readable:
        expect(reader.locator("[data-status]")).to_have_text(MERGED.format(count=1))
        assert saved(reader)["activity"]["at"] == activity["at"]
    else:
        expect(reader.locator("[data-status]")).to_have_text(
            "The item “closer:activity” in this file is not in a form this course can read, so nothing was changed.")
        assert saved(reader) == {}


def test_every_quiz_reaches_clear_everything(reader, repo_url: str) -> None:
    reader.goto(f"{repo_url}quizzes/{ASSESS}/")
    reader.click(".closer-clear-all a")
    expect(reader).to_have_url(f"{repo_url}progress/#clear-everything")


# -- Keeping answers safe ------------------------------------------------------------------------------

QUOTA = """
const setItem = Storage.prototype.setItem;
Storage.prototype.setItem = function (key, value) {
  if (window.writesLeft !== undefined && window.writesLeft-- <= 0) throw new DOMException("full", "QuotaExceededError");
  return setItem.call(this, key, value);
};
"""
ITEM_BAD = "The item “{item}” in this file is not in a form this course can read, so nothing was changed."
FAILED = "This browser could not save the answers from the file (its storage may be full), so nothing was changed."


def answers_file(tmp_path: Path, items: dict) -> str:
    """An answers file holding `items` (named as in exported files, "closer:quiz:<id>"), as a path to load."""
    path = tmp_path / "answers.json"
    path.write_text(json.dumps({"format": "closer-answers", "version": 1, "items": items}), encoding="utf-8")
    return str(path)


def load_file(page, path: str, *, replace: bool = False) -> None:
    page.check(f"[name=closer-import-mode][value={'replace' if replace else 'merge'}]")
    page.set_input_files("[data-import]", path)


FROM_FILE = {
    f"closer:quiz:{CHECK}": {"version": 1, "answers": {"core-of-intimacy": ["solve"], "your-moment": "From the file."}},
    "closer:quiz:listening": {"version": 1, "answers": {}, "checked": []},
    "closer:lessons": {"version": 1, "read": ["lessons/listening.md"]},
}


def test_replace_that_the_browser_cannot_finish_changes_nothing_and_says_so(reader, repo_url, tmp_path) -> None:
    reader.context.add_init_script(QUOTA)
    answer_check(reader, repo_url, all_of_it=True)
    answer_assessment(reader, repo_url)
    before = saved(reader)
    reader.goto(f"{repo_url}progress/")
    reader.evaluate("() => { window.writesLeft = 1; }")  # the second item does not fit
    load_file(reader, answers_file(tmp_path, FROM_FILE), replace=True)
    expect(reader.locator("[data-status]")).to_have_text(FAILED)
    assert saved(reader) == before
    expect(reader.locator(f"[data-quiz={CHECK}] [data-step-state]")).to_have_text("Done · 7 of 7 right")

    reader.evaluate("() => { delete window.writesLeft; }")
    load_file(reader, answers_file(tmp_path, FROM_FILE), replace=True)
    expect(reader.locator("[data-status]")).to_have_text("Loaded 3 saved items from the file.")
    assert saved(reader) == {name.removeprefix("closer:"): record for name, record in FROM_FILE.items()}


def test_adding_a_file_keeps_this_devices_answer_to_a_question_answered_in_both(reader, repo_url, tmp_path) -> None:
    answer_check(reader, repo_url, all_of_it=False)
    reader.goto(f"{repo_url}progress/")
    load_file(reader, answers_file(tmp_path, FROM_FILE))
    expect(reader.locator("[data-status]")).to_have_text(MERGED.format(count=3))
    mine = saved(reader)[f"quiz:{CHECK}"]
    assert mine["answers"] == {"core-of-intimacy": ["responsive-reply"], "your-moment": "From the file."}
    assert mine["checked"] == ["core-of-intimacy"]
    assert saved(reader)["lessons"] == FROM_FILE["closer:lessons"]


LISTENING = "closer:quiz:listening"


@pytest.mark.parametrize(
    ("key", "record", "item"),
    [
        (LISTENING, {"version": 1, "answers": {"offer-a-fix": 5}}, f"{LISTENING} › offer-a-fix"),
        (LISTENING, {"version": 1, "answers": {"Bad Id": "x"}}, f"{LISTENING} › Bad Id"),
        (LISTENING, {"version": 1, "answers": {"long": "x" * 1_000_001}}, f"{LISTENING} › long"),
        (LISTENING, {"version": 1, "answers": {}, "notes": "x"}, LISTENING),
        (LISTENING, {"version": 2, "answers": {}}, LISTENING),
        ("closer:lessons", {"version": 1, "read": "lessons/listening.md"}, "closer:lessons"),
        ("closer:settings", {"version": 1}, "closer:settings"),
    ],
    ids=["number-answer", "bad-question-id", "too-long", "unknown-key", "newer-version", "read-not-a-list", "unknown"],
)
def test_a_file_with_one_bad_item_names_it_and_changes_nothing(reader, repo_url, tmp_path, key, record, item) -> None:
    answer_check(reader, repo_url, all_of_it=False)
    before = saved(reader)
    reader.goto(f"{repo_url}progress/")
    load_file(reader, answers_file(tmp_path, {**FROM_FILE, key: record}), replace=True)
    expect(reader.locator("[data-status]")).to_have_text(ITEM_BAD.format(item=item))
    assert saved(reader) == before


def test_answers_saved_before_keys_had_the_site_path_are_kept(reader, repo_url: str) -> None:
    old_check = {"version": 1, "answers": {"core-of-intimacy": ["responsive-reply"]}, "checked": ["core-of-intimacy"]}
    old_lessons = {"version": 1, "read": ["lessons/listening.md"]}
    scoped_lessons = {"version": 1, "read": ["lessons/opening-up.md"]}
    reader.goto(repo_url)
    reader.evaluate(
        """([check, oldLessons, lessons]) => {
            localStorage.setItem("closer:quiz:what-is-intimacy", JSON.stringify(check));
            localStorage.setItem("closer:lessons", JSON.stringify(oldLessons));
            localStorage.setItem("closer:" + __md_scope.pathname + "lessons", JSON.stringify(lessons));
        }""",
        [old_check, old_lessons, scoped_lessons],
    )
    reader.goto(f"{repo_url}quizzes/{CHECK}/")
    expect(reader.locator("[data-question=core-of-intimacy] .quiz-feedback")).to_contain_text("Correct.")
    reader.goto(f"{repo_url}progress/")
    # Copied into this course's keys, and left in place for another course on this address.
    assert saved(reader)[f"quiz:{CHECK}"] == saved(reader)[f"closer:quiz:{CHECK}"] == old_check
    # Where both exist, this course's record wins and the old one is not touched.
    expect(reader.locator("[data-page='lessons/opening-up.md'] [data-step-state]")).to_have_text("Read")
    expect(reader.locator("[data-page='lessons/listening.md'] [data-step-state]")).to_have_text("Not read yet")
    assert saved(reader)["closer:lessons"] == old_lessons
    reader.click("[data-clear-everything]")
    assert saved(reader) == {}, "nothing comes back from the old keys after Clear everything"


def test_a_reflection_typed_just_before_leaving_is_kept(reader, repo_url: str) -> None:
    reader.goto(f"{repo_url}quizzes/{CHECK}/")
    reader.fill("#your-moment__text", "Typed just before leaving.")
    reader.goto(f"{repo_url}journal/")  # at once: the save was still waiting for the typing to pause
    entry = reader.locator(f"{JOURNAL_ENTRY} textarea")
    expect(entry).to_have_value("Typed just before leaving.")
    entry.fill("Changed in the journal.")
    reader.goto(f"{repo_url}quizzes/{CHECK}/")
    expect(reader.locator("#your-moment__text")).to_have_value("Changed in the journal.")


# The page goes to the background, and what the browser then holds is read at once. Headless Chromium keeps every
# page visible, so this sends the event a browser sends when the reader switches to another tab or app.
HIDE_AND_READ = """() => {
    Object.defineProperty(document, "visibilityState", {value: "hidden", configurable: true});
    document.dispatchEvent(new Event("visibilitychange", {bubbles: true}));
    return Object.values(localStorage).join(" ");
}"""


@pytest.mark.parametrize(
    ("path", "textarea"),
    [
        (f"quizzes/{CHECK}/", "#your-moment__text"),
        ("journal/", f"{JOURNAL_ENTRY} textarea"),
    ],
    ids=["quiz", "journal"],
)
def test_a_reflection_typed_just_before_the_reader_switches_away_is_saved_at_once(reader, repo_url, path, textarea):
    # A phone may stop a page it has put in the background without ever firing `pagehide`.
    reader.goto(repo_url + path)
    reader.fill(textarea, "Typed just before switching apps.")
    assert "Typed just before switching apps." in reader.evaluate(HIDE_AND_READ)


@pytest.fixture(scope="module")
def two_courses(repo_site: Path) -> Iterator[str]:
    """The course published twice on one address, as two repositories of one GitHub user: under /a/ and /b/."""

    class TwoCourses(SiteHandler):
        def translate_path(self, path: str) -> str:
            self.prefix = "/b/" if path.startswith("/b/") else "/a/"
            return super().translate_path(path)

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(TwoCourses, directory=str(repo_site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def test_two_courses_on_one_address_keep_and_clear_their_own_answers(page, two_courses: str) -> None:
    page.on("dialog", lambda dialog: dialog.accept())
    first, second = two_courses + "a/", two_courses + "b/"
    answer_check(page, first, all_of_it=True)
    page.goto(f"{second}quizzes/{CHECK}/")
    expect(page.locator("[data-question=core-of-intimacy] .quiz-feedback")).to_be_empty()
    assert page.locator("form.quiz input:checked").count() == 0
    answer_check(page, second, all_of_it=False)
    page.goto(f"{second}progress/")
    page.click("[data-clear-everything]")
    expect(page.locator(f"[data-quiz={CHECK}] [data-step-state]")).to_have_text("Not started")
    page.goto(f"{first}progress/")
    expect(page.locator(f"[data-quiz={CHECK}] [data-step-state]")).to_have_text("Done · 7 of 7 right")
