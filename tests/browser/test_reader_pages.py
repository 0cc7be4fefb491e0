"""My progress as a dashboard, My journal by lesson, and the site-wide fixes (text for screen readers only, "Copied"
next to its button, lists without double numbers), on the real course in Debian's Chromium."""

from __future__ import annotations

from pathlib import Path

import pytest
import test_reader_journey as journey
import yaml
from playwright.sync_api import expect
from sitebuilder import ROOT
from test_reader_journey import ASSESS, CHECK, answer_assessment, answer_check

pytestmark = pytest.mark.browser

reader = journey.reader  # the journey's page: script errors or requests leaving the site fail the test

STEPS = 21  # 9 lessons, 9 knowledge checks, 3 self-assessments
TAP = 44  # px: the smallest tap target


def lessons_of_quizzes() -> dict[str, str]:
    """Each quiz's lesson, as its file names it."""
    return {path.stem: yaml.safe_load(path.read_text(encoding="utf-8"))["lesson"]
            for path in (ROOT / "quizzes").glob("*.yml")}


def read_lesson(page, repo_url: str, lesson: str) -> None:
    """Open a lesson and reach its end, which marks it as read."""
    page.goto(f"{repo_url}lessons/{lesson}/")
    page.locator("[data-read-toggle]").scroll_into_view_if_needed()
    expect(page.locator("[data-read-toggle]")).to_have_text("Mark it as not read")


# -- My progress ---------------------------------------------------------------------------------------------------


def test_the_progress_bar_and_its_label_count_the_steps_done(reader, repo_url: str) -> None:
    reader.goto(f"{repo_url}progress/")
    bar = reader.get_by_role("progressbar", name=f"0 of {STEPS} steps done")
    expect(bar).to_have_attribute("max", str(STEPS))
    answer_check(reader, repo_url, all_of_it=True)
    answer_assessment(reader, repo_url)
    reader.goto(f"{repo_url}progress/")
    bar = reader.get_by_role("progressbar", name=f"2 of {STEPS} steps done")
    expect(bar).to_be_visible()
    assert bar.evaluate("b => b.value") == 2


def test_continue_goes_on_from_the_most_recent_activity(reader, repo_url: str) -> None:
    read_lesson(reader, repo_url, "why-it-matters")  # lesson 2
    reader.goto(f"{repo_url}progress/")
    expect(reader.locator("[data-continue]")).to_have_attribute("href", f"{repo_url}quizzes/why-it-matters/")
    expect(reader.locator("[data-next]")).to_have_text("Next: Check: surface to depth")
    answer_assessment(reader, repo_url)  # lesson 5's self-check, done: the next unfinished step is lesson 6
    reader.goto(f"{repo_url}progress/")
    expect(reader.locator("[data-continue]")).to_have_attribute("href", f"{repo_url}lessons/listening/")
    expect(reader.locator("[data-next]")).to_have_text("Next: 6. Listening to understand")
    reader.click("[data-continue]")
    expect(reader).to_have_url(f"{repo_url}lessons/listening/")


def test_the_most_recent_activity_survives_moving_to_another_device(reader, repo_url: str, tmp_path: Path) -> None:
    answer_assessment(reader, repo_url)
    reader.goto(f"{repo_url}progress/")
    with reader.expect_download() as download:
        reader.click("[data-export]")
    exported = tmp_path / "answers.json"
    download.value.save_as(exported)
    assert '"closer:activity"' in exported.read_text(encoding="utf-8")
    reader.click("[data-clear-everything]")
    expect(reader.locator("[data-next]")).to_have_text("Next: 1. What emotional intimacy is")
    reader.set_input_files("[data-import]", str(exported))
    expect(reader.locator("[data-next]")).to_have_text("Next: 6. Listening to understand")


def test_my_progress_open_in_one_tab_follows_what_is_done_in_another(reader, repo_url: str) -> None:
    reader.goto(f"{repo_url}progress/")
    expect(reader.locator("[data-count]")).to_have_text(f"0 of {STEPS} steps done")
    other = reader.context.new_page()
    answer_check(other, repo_url, all_of_it=True)
    expect(reader.locator(f"[data-quiz={CHECK}] [data-step-state]")).to_have_text("Done · 7 of 7 right")
    expect(reader.get_by_role("progressbar", name=f"1 of {STEPS} steps done")).to_be_visible()
    assert reader.locator("[data-overall]").evaluate("b => b.value") == 1
    read_lesson(other, repo_url, "listening")
    expect(reader.locator("[data-kind=lesson][data-page^='lessons/listening'] [data-step-state]")).to_have_text("Read")
    expect(reader.locator(".md-nav--primary a.md-nav__link[href$='lessons/listening/'] .closer-done")).to_have_count(1)


def test_every_lesson_has_a_card_with_its_quizzes_under_it(reader, repo_url: str) -> None:
    reader.goto(f"{repo_url}progress/")
    cards = reader.locator("[data-progress] > li")
    expect(cards).to_have_count(9)
    placed = {}
    for card in cards.all():
        lesson = card.locator("[data-kind=lesson]").get_attribute("data-page")
        placed |= {quiz.get_attribute("data-quiz"): lesson for quiz in card.locator("[data-quiz]").all()}
    assert placed == lessons_of_quizzes()
    expect(cards.nth(4).locator("h2")).to_have_text("5. Opening up")
    expect(cards.nth(4).locator("[data-quiz] a")).to_have_text(["Check: opening up", "Self-check: how I open up"])


def test_states_are_words_and_icons_with_scores_in_words(reader, repo_url: str) -> None:
    answer_check(reader, repo_url, all_of_it=True)
    reader.goto(f"{repo_url}progress/")
    done = reader.locator(f"[data-quiz={CHECK}]")
    expect(done.locator("[data-step-state]")).to_have_text("Done · 7 of 7 right")
    icon = lambda step: step.evaluate("s => getComputedStyle(s, '::before').content")  # noqa: E731
    assert "✓" in icon(done)
    assert "✓" not in icon(reader.locator("[data-quiz=listening]"))


@pytest.mark.parametrize("selector", ["[data-continue]", "[data-export]", "label[for=closer-import-file]",
                                      "[data-clear-everything]", "[data-progress] a >> nth=0"])
def test_progress_controls_are_tap_sized(reader, repo_url: str, selector: str) -> None:
    reader.goto(f"{repo_url}progress/")
    box = reader.locator(selector).bounding_box()
    assert box and box["height"] >= TAP, box


def test_the_file_picker_is_a_button_reached_by_keyboard(reader, repo_url: str, tmp_path: Path) -> None:
    reader.goto(f"{repo_url}progress/")
    reader.focus("[name=closer-import-mode][value=replace]")
    reader.keyboard.press("Tab")
    assert reader.evaluate("() => document.activeElement.dataset.import !== undefined")
    label = reader.locator("label[for=closer-import-file]")
    expect(label).to_have_text("Choose a file to load")
    assert label.evaluate("l => getComputedStyle(l).outlineStyle") == "solid", "the focus shows on the button"
    box = reader.locator("[data-import]").bounding_box()
    assert box and box["width"] <= 1 and box["height"] <= 1, "the browser's own file input is out of sight"
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    with reader.expect_file_chooser() as chooser:
        reader.locator("[data-import]").press(" ")  # where the focus is, as the assertion above showed
    chooser.value.set_files(str(tmp_path / "bad.json"))
    status = reader.locator("[data-status]")
    expect(status).to_have_text("This is not an answers file from Closer, so nothing was changed.")
    assert abs(status.bounding_box()["y"] - label.bounding_box()["y"]) < 120, "the message shows by the button"


def test_clear_everything_is_a_destructive_action_at_the_bottom(reader, repo_url: str) -> None:
    answer_check(reader, repo_url, all_of_it=False)
    reader.goto(f"{repo_url}progress/")
    clear = reader.locator("[data-clear-everything]")
    last = reader.locator("article :is(button, label.md-button, a.md-button)").last
    assert last.get_attribute("data-clear-everything") is not None, "it is the last control of the page"
    assert "⚠" in clear.evaluate("b => getComputedStyle(b, '::before').content")
    colours = clear.evaluate("b => [getComputedStyle(b).color, getComputedStyle(b).borderTopColor]")
    assert colours[0] == colours[1] == "rgb(198, 40, 40)", "red words in a red outline"
    asked: list[str] = []
    reader.on("dialog", lambda dialog: asked.append(dialog.message))  # the fixture's own handler accepts
    clear.click()
    expect(reader.locator("[data-status]")).to_have_text("Everything this site saved in this browser was deleted.")
    assert asked == ["Delete all your answers, reflections and progress from this browser? This cannot be undone."]
    assert reader.evaluate("() => Object.keys(localStorage).filter(k => k.startsWith('closer:'))") == []


# -- My journal ----------------------------------------------------------------------------------------------------


def test_the_journal_groups_reflections_by_lesson_and_counts_what_is_written(reader, repo_url: str) -> None:
    reader.goto(f"{repo_url}journal/")
    groups = reader.locator("details[data-group]")
    total = reader.locator("[data-journal]").count()
    expect(groups.first.get_by_role("heading", level=2)).to_have_accessible_name("1. What emotional intimacy is")
    assert all(group.get_attribute("open") is not None for group in groups.all()), "groups start open"
    lessons = lessons_of_quizzes()
    for group in groups.all():
        own = {lessons[q.get_attribute("data-quiz")] for q in group.locator("[data-quiz]").all()}
        assert len(own) == 1, f"one lesson per group: {own}"
    count = reader.locator("[data-written]")
    expect(count).to_have_text(f"0 of {total} written")
    first = groups.first
    first.locator("textarea").first.type("A first thought.")
    expect(count).to_have_text(f"1 of {total} written")
    expect(first.locator("[data-group-count]")).to_have_text(f"1 of {first.locator('textarea').count()} written")
    first.locator("summary").click()
    expect(first.locator("textarea").first).to_be_hidden()


def test_the_journal_downloads_and_prints_only_what_is_written(reader, repo_url: str) -> None:
    reader.goto(f"{repo_url}journal/")
    written = reader.locator(f"[data-quiz={CHECK}][data-question=your-moment]")
    written.locator("textarea").fill("When Sam asked about my sister.")
    with reader.expect_download() as download:
        reader.click("[data-download]")
    text = Path(download.value.path()).read_text(encoding="utf-8")
    prompt = written.locator(".closer-entry__prompt").inner_text()
    lesson = "1. What emotional intimacy is"
    assert text == f"# My journal\n\n## {lesson}\n\n### {prompt}\n\nWhen Sam asked about my sister.\n"
    reader.emulate_media(media="print")
    expect(written).to_be_visible()
    expect(reader.locator(f"[data-quiz={CHECK}][data-question=safe-to-share]")).to_be_hidden()
    expect(reader.locator("details[data-group]").nth(1)).to_be_hidden()


def test_without_javascript_the_journal_prints_as_a_whole_worksheet(browser, repo_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{repo_url}journal/")
    page.emulate_media(media="print")
    assert page.locator("textarea:visible").count() == page.locator("textarea").count() > 20
    expect(page.locator("[data-download]")).to_be_hidden()
    expect(page.locator("[data-group-count]").first).to_be_hidden()
    context.close()


def test_without_javascript_my_progress_has_no_dead_controls(browser, repo_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{repo_url}progress/")
    assert page.locator("article :is(button, input, progress, label.md-button):visible").count() == 0
    # Playwright's text assertions skip <noscript>; the rendered text does not.
    assert "This page needs JavaScript to read your progress" in page.locator("article").inner_text()
    expect(page.locator("[data-progress] a:visible")).to_have_count(STEPS)
    context.close()


# -- Fixes on every page -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["progress/", "404.html"])
def test_numbered_titles_get_no_list_numbers(reader, repo_url: str, path: str) -> None:
    reader.goto(repo_url + path)
    numbered = reader.evaluate("""() => [...document.querySelectorAll("article li")]
        .filter(li => /^\\d+\\. /.test(li.innerText.trim()))
        .map(li => [li.innerText.trim().split("\\n")[0], getComputedStyle(li).listStyleType])""")
    assert numbered and all(style == "none" for _, style in numbered), numbered


def test_text_for_screen_readers_only_is_clipped(reader, repo_url: str) -> None:
    answer_assessment(reader, repo_url)
    reader.goto(f"{repo_url}lessons/opening-up/")  # the lesson whose quizzes the navigation lists
    link = reader.locator(f".md-nav--primary a.md-nav__link[href$='quizzes/{ASSESS}/']")
    hidden = link.locator(".closer-done .closer-sr")
    expect(hidden).to_have_text(" (done)")
    box = hidden.bounding_box()
    assert box and box["width"] <= 1 and box["height"] <= 1, box
    one_line = reader.locator(".md-nav--primary a.md-nav__link[href$='quizzes/opening-up/']").bounding_box()
    assert link.bounding_box()["height"] == one_line["height"], "the marked item stays on one line"


def test_copied_shows_next_to_the_button_pressed_and_is_announced(reader, repo_url: str) -> None:
    reader.goto(f"{repo_url}facilitators/links/")
    button = reader.locator("article button[data-copy]").nth(5)
    button.click()
    status = reader.get_by_role("status").filter(has_text="Link copied.")
    expect(status).to_have_count(1)
    near, at = button.bounding_box(), status.bounding_box()
    assert abs(at["y"] - near["y"]) < near["height"] * 2 and abs(at["x"] - near["x"]) < 400, (near, at)
