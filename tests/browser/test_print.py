"""The course on paper (print media in Chromium): handouts, worksheets and link sheets."""

from __future__ import annotations

import re
import subprocess
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect
from test_every_page import PAGES

pytestmark = pytest.mark.browser

LESSON = "lessons/opening-up/"
CM = 96 / 2.54  # CSS pixels in a centimetre
LESSONS = [p for p in PAGES if p.startswith("lessons/")]
# Pages of every kind that readers and facilitators print: each lesson, a knowledge check, a self-assessment, the
# facilitators' guide and sheets (not the answer key, a long list without boxes), the journal as a worksheet and the
# pages of advice.
PRINTED = [*LESSONS, *(p for p in PAGES if p.startswith("facilitators/") and p != "facilitators/answer-key/"),
           "quizzes/opening-up/", "quizzes/feeling-safe/", "journal/", "get-help/", "before-you-begin/"]
# The blocks print keeps whole. A box inside another comes after it, so the last one shown is the last on paper.
BOXES = ".admonition, details, table, .quiz-question, .quiz-reflection, .quiz-bands, .closer-entry, .link-sheet__entry"
# The text of the last box shown, with what paper adds to it: addresses after links, answers in boxes.
LAST_BOX_TEXT = """boxes => {
    const last = [...document.querySelectorAll(`article :is(${boxes})`)].filter(e => e.getClientRects().length).at(-1);
    const links = [...last?.querySelectorAll("a") ?? []].map(a => getComputedStyle(a, "::after").content);
    const answers = [...last?.querySelectorAll("textarea") ?? []].map(t => t.value);
    return [last?.innerText ?? "", ...links, ...answers].join(" ");
}"""
# Everything ruled with lines to write on, and the box of information or help it sits in, if any.
RULED = """() => [...document.querySelectorAll("article *")].flatMap(e => [null, "::before", "::after"]
    .filter(p => getComputedStyle(e, p).backgroundImage.startsWith("repeating-linear-gradient"))
    .map(p => [e.tagName.toLowerCase() + (p ?? ""), e.closest(".admonition, details:not(.closer-group)")?.innerText])
)"""


@pytest.fixture(params=[True, False], ids=["script", "no-script"])
def either_page(browser, request) -> Iterator[tuple[object, bool]]:
    """A page with scripts on, then one with scripts off, and whether scripts run."""
    context = browser.new_context(java_script_enabled=request.param)
    yield context.new_page(), request.param
    context.close()


def after(page, selector: str) -> str:
    """The `content` of the `::after` of the first element matching `selector`."""
    return page.eval_on_selector(selector, "e => getComputedStyle(e, '::after').content")


def test_a_lesson_prints_as_a_handout(page, repo_url: str) -> None:
    page.goto(repo_url + LESSON)
    expect(page.locator(".md-header")).to_be_visible()
    page.emulate_media(media="print")
    for furniture in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".md-search",
                      ".md-content__button", ".headerlink"):
        assert page.locator(furniture).count(), furniture
        for element in page.locator(furniture).all():
            expect(element).to_be_hidden()
    expect(page.locator("article h1")).to_be_visible()
    expect(page.locator(".closer-help")).to_be_visible()
    # Instant navigation has made every link absolute by now: only links that leave the site get an address.
    assert page.eval_on_selector("article a[href*='get-help']", "e => e.getAttribute('href').startsWith('http')")
    assert after(page, "article p a[href*='get-help']") in ("none", "normal")
    page.goto(repo_url + "get-help/")
    page.emulate_media(media="print")
    assert after(page, "article a[href='https://thehotline.org']") == '" (https://thehotline.org)"'


def test_the_exercise_steps_are_followed_by_lines_to_write_on(page, repo_url: str) -> None:
    page.goto(repo_url + LESSON)
    steps = "h2[id^=practice] ~ ol"
    assert page.eval_on_selector(steps, "e => getComputedStyle(e, '::after').height") == "auto"
    page.emulate_media(media="print")
    height = page.eval_on_selector(steps, "e => parseFloat(getComputedStyle(e, '::after').height)")
    assert height > 5 * CM
    lines = "e => [getComputedStyle(e, '::after').breakBefore, getComputedStyle(e, '::after').breakInside]"
    assert page.eval_on_selector(steps, lines) == ["avoid", "avoid"]


def test_a_knowledge_check_prints_without_its_answers(page, repo_url: str) -> None:
    page.goto(repo_url + "quizzes/opening-up/")
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")  # as Material does
    page.emulate_media(media="print")
    answers = page.locator("details.quiz-answer")
    assert answers.count() > 3
    for answer in answers.all():
        expect(answer).to_be_hidden()
    expect(page.locator(".quiz-question").first).to_be_visible()
    expect(page.locator(".md-header")).to_be_hidden()


def test_a_self_assessment_prints_its_scoring_and_bands(either_page, repo_url: str) -> None:
    page, scripts = either_page
    page.goto(repo_url + "quizzes/how-i-open-up/")
    paper = page.locator("details.quiz-paper")
    # Without scripts, paper is the way to a score: the section shows on screen too.
    if scripts:
        expect(paper.locator(".quiz-bands").first).to_be_hidden()
    else:
        expect(paper.locator(".quiz-bands").first).to_be_visible()
    page.emulate_media(media="print")
    expect(paper.locator("table.quiz-paper__items")).to_be_visible()
    bands = paper.locator(".quiz-bands[data-scope=overall] .quiz-band")
    assert bands.count() >= 3
    for band in bands.all():
        expect(band).to_be_visible()
    expect(paper.locator("p").first).to_contain_text("Give each answer its number")


def test_a_link_sheet_prints_big_codes_kept_whole(page, repo_url: str) -> None:
    page.goto(repo_url + "facilitators/links/")
    page.emulate_media(media="print")
    codes = page.locator("article svg.link-sheet__qr")
    assert codes.count() > 20
    for code in codes.all()[:3]:
        box = code.bounding_box()
        assert box and box["width"] >= 2.5 * CM and box["height"] >= 2.5 * CM, box
    assert page.eval_on_selector(".link-sheet__entry", "e => getComputedStyle(e).breakInside") == "avoid"
    expect(page.locator(".link-sheet__url").first).to_have_text(f"{repo_url}lessons/what-is-intimacy/".replace(
        repo_url, "https://closer-course.github.io/closer/"))


def test_copy_link_buttons_need_the_script_and_copy_the_address(either_page, browser, repo_url: str) -> None:
    page, javascript = either_page
    page.goto(repo_url + "facilitators/links/")
    buttons = page.locator("article button[data-copy]")
    assert buttons.count() > 20
    if not javascript:
        expect(buttons.first).to_be_hidden()
        return
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    try:
        reader = context.new_page()
        reader.goto(repo_url + "facilitators/links/")
        button = reader.locator("article button[data-copy]").first
        expect(button).to_have_text("Copy link")
        button.click()
        expect(reader.locator("article [data-status]")).to_have_text("Link copied.")
        copied = reader.evaluate("() => navigator.clipboard.readText()")
        assert copied == "https://closer-course.github.io/closer/lessons/what-is-intimacy/"
    finally:
        context.close()


def test_a_quiz_prints_without_its_buttons_or_the_clear_everything_link(page, repo_url: str) -> None:
    page.goto(repo_url + "quizzes/opening-up/")
    expect(page.locator("a[href$='#clear-everything']")).to_have_count(1)
    page.emulate_media(media="print")
    expect(page.locator("a[href$='#clear-everything']")).to_be_hidden()
    for button in page.locator("article button, article .md-button").all():
        expect(button).to_be_hidden()


def test_help_pages_print_their_link_to_clear_everything(page, repo_url: str) -> None:
    # In running text ("go to My progress and press Clear everything"), the link is part of the sentence.
    page.goto(repo_url + "get-help/")
    page.emulate_media(media="print")
    expect(page.locator("article a[href$='#clear-everything']")).to_be_visible()


def test_a_self_assessment_prints_a_compact_band_table(either_page, repo_url: str) -> None:
    page, _ = either_page
    page.goto(repo_url + "quizzes/how-i-open-up/")
    page.emulate_media(media="print")
    band = page.locator(".quiz-paper .quiz-bands[data-scope=overall] .quiz-band").first
    expect(band.locator(".quiz-band__title")).to_be_visible()
    for part in band.locator(":scope > :not(.quiz-band__title)").all():
        expect(part).to_be_hidden()


def page_count(pdf: bytes) -> int:
    """How many pages a PDF has."""
    return len(re.findall(rb"/Type\s*/Page\b", pdf))


def words(text: str) -> Counter[str]:
    """The words of `text`, lowercased and counted, without numbers or punctuation."""
    # Without hyphens too: pdftotext joins the halves of a word hyphenated at the end of a line.
    return Counter(re.findall(r"[^\W\d_]{2,}", text.lower().replace("-", "")))


def page_text(pdf: bytes, number: int, pdftotext: Path) -> str:
    """The text of page `number` (from 1) of a PDF."""
    return subprocess.run([pdftotext, "-f", str(number), "-l", str(number), "fd://0", "-"], input=pdf,
                          capture_output=True, check=True).stdout.decode()


def line_thickness(gradient: str) -> float:
    """Thickness in CSS pixels of the dark line that ends each step of a computed `repeating-linear-gradient`."""
    stops = [float(number) * (CM if unit == "cm" else 1) for number, unit in re.findall(r"([\d.]+)(px|cm)", gradient)]
    return stops[-1] - stops[-2]


@pytest.mark.parametrize(("path", "box", "pseudo"), [
    (LESSON, "h2[id^=practice] ~ ol", "::after"),
    ("quizzes/opening-up/", ".quiz-reflection textarea", None),
    ("facilitators/feedback-form/", ".admonition.writing", "::after"),
    ("facilitators/pack/", ".pack-lines", None),
])
def test_writing_lines_are_thick_enough_to_print(page, repo_url: str, path: str, box: str, pseudo: str | None) -> None:
    page.goto(repo_url + path)
    page.emulate_media(media="print")
    gradient = page.eval_on_selector(box, "(e, p) => getComputedStyle(e, p).backgroundImage", pseudo)
    assert gradient.startswith("repeating-linear-gradient"), gradient
    assert line_thickness(gradient) >= 0.03 * CM, gradient


@pytest.mark.parametrize("path", [*LESSONS, "quizzes/opening-up/", "journal/"])
def test_writing_lines_are_never_in_a_box_of_information_or_help(page, repo_url: str, path: str) -> None:
    page.goto(repo_url + path)
    page.emulate_media(media="print")
    ruled = page.evaluate(RULED)
    assert ruled, "nothing to write on"
    in_boxes = [f"{what} in {box.splitlines()[0]!r}" for what, box in ruled if box is not None]
    assert not in_boxes, in_boxes


def test_a_heading_stays_with_the_box_it_introduces(page, repo_url: str) -> None:
    page.goto(repo_url + LESSON)
    page.emulate_media(media="print")
    assert page.eval_on_selector("h2 + .admonition", "e => getComputedStyle(e).breakBefore") == "avoid"
    assert page.eval_on_selector("h2", "e => getComputedStyle(e).breakAfter") == "avoid"


def test_a_self_assessment_prints_on_a_few_pages_without_skip_buttons_or_notes(page, repo_url: str) -> None:
    page.goto(repo_url + "quizzes/feeling-safe/")
    page.emulate_media(media="print")
    expect(page.locator(".quiz-scale__point--skip").first).to_be_hidden()
    expect(page.locator(".quiz-note").first).to_be_hidden()
    assert page.eval_on_selector(".quiz-bands", "e => getComputedStyle(e).breakInside") == "avoid"
    # The screen lays out a statement's answers only near the reader; paper, all of them.
    shown = page.eval_on_selector_all(".quiz-item__answers", "es => es.map(e => getComputedStyle(e).contentVisibility)")
    assert set(shown) == {"visible"}, shown
    # Thirteen statements, the scoring table and three band tables: it printed on seven A4 pages before.
    assert page_count(page.pdf(format="A4")) <= 5


def test_the_journal_runs_on_from_lesson_to_lesson_instead_of_a_page_each(page, repo_url: str, pdftotext: Path) -> None:
    page.goto(f"{repo_url}journal/")
    page.emulate_media(media="print")
    # The first lesson's first entry starts under the page's title, not on a page of its own; entries stay whole.
    first = page.locator(".closer-entry__prompt").first.inner_text()
    text = page_text(page.pdf(format="A4"), 1, pdftotext)
    assert words(first) <= words(text), f"page 1 holds only: {' '.join(text.split())!r}"
    assert page.eval_on_selector(".closer-entry", "e => getComputedStyle(e).breakInside") == "avoid"


def lone_last_pages(page, pdftotext: Path) -> list[str]:
    """Each paper size on which the page's printout ends with a page of nothing but its last box, and that page."""
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")  # as Material does on paper
    last_box = words(page.evaluate(LAST_BOX_TEXT, BOXES))
    lone = []
    for paper in ("A4", "Letter"):
        pdf = page.pdf(format=paper)
        text = page_text(pdf, page_count(pdf), pdftotext)
        if not words(text) - last_box:
            lone.append(f"{paper}, page {page_count(pdf)} holds only: {' '.join(text.split())[:160]!r}")
    return lone


@pytest.mark.parametrize("path", PRINTED)
def test_the_last_printed_page_never_holds_a_box_alone(page, repo_url: str, pdftotext: Path, path: str) -> None:
    page.goto(repo_url + path)
    page.emulate_media(media="print")
    lone = lone_last_pages(page, pdftotext)
    assert not lone, "\n".join(lone)


def test_the_journal_of_what_is_written_never_ends_with_an_entry_alone(page, repo_url: str, pdftotext: Path) -> None:
    page.goto(f"{repo_url}journal/")
    # Every reflection answered but the very last: the last entry printed is not the last of its lesson.
    for answer in page.locator("textarea[data-journal]").all()[:-1]:
        answer.fill("Saying it out loud made it feel smaller than I expected.")
    page.emulate_media(media="print")
    lone = lone_last_pages(page, pdftotext)
    assert not lone, "\n".join(lone)


def test_the_participant_pack_prints_each_session_from_a_new_page(page, repo_url: str, pdftotext: Path) -> None:
    page.goto(f"{repo_url}facilitators/pack/")
    page.emulate_media(media="print")
    titles = page.locator(".pack-session h2").all_inner_texts()
    pdf = page.pdf(format="A4")
    starts = [page_text(pdf, n, pdftotext).lstrip() for n in range(1, page_count(pdf) + 1)]
    opening = [next((t for t in titles if text.startswith(t) or f"\n{t}" in text[:400]), None) for text in starts]
    assert [t for t in opening if t] == titles, "each session's title near the top of its own page"
    assert len(starts) <= 2 * len(titles), "no session takes more than a sheet, front and back"


def test_the_answer_key_keeps_each_checks_title_with_its_first_question(page, repo_url: str, pdftotext: Path) -> None:
    page.goto(repo_url + "facilitators/answer-key/")
    page.emulate_media(media="print")
    # Each check's title, its link to the check, then its first question.
    pairs = "hs => hs.map(h => [h.innerText, h.nextElementSibling.nextElementSibling.innerText])"
    sections = page.eval_on_selector_all("article h2:has(+ p + h3)", pairs)
    assert len(sections) >= 9, sections
    pdf = page.pdf(format="A4")
    pages = [" ".join(page_text(pdf, n, pdftotext).split()) for n in range(1, page_count(pdf) + 1)]
    for title, question in sections:
        start = " ".join(question.split()[:6])
        on = [n for n, text in enumerate(pages, 1) if title in text]
        assert on and start in pages[on[0] - 1], f"{title!r} is on page {on}, but {start!r} is not"
