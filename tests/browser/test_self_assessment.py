"""The self-assessment page of the fixture site (`assess-two`) in a real browser."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

KEY = "closer:/quiz:assess-two"  # the fixture site is served at the root: its storage scope is "/"
ITEMS = ("tell-soon", "keep-worries", "good-news", "hopes")
ROUNDING = json.loads((Path(__file__).parents[1] / "fixtures" / "rounding.json").read_text(encoding="utf-8"))["vectors"]


@pytest.fixture
def quiz_url(fixture_url: str) -> str:
    return f"{fixture_url}quizzes/assess-two/"


def answer(page, **values: int | str) -> None:
    """Pick a scale value (or "skip") for each item, e.g. answer(page, hopes=4)."""
    for item, value in values.items():
        page.check(f"#{item.replace('_', '-')}__{value}")


def results(page):
    page.click("[data-action=results]")
    body = page.locator("[data-results-body]")
    expect(body).to_be_visible()
    return body


@pytest.mark.parametrize(
    ("values", "overall", "overall_band", "sharing", "sharing_band"),
    [
        # keep-worries is reversed (5 counts as 1): 16/4 = 4.0; (5+1+5)/3 = 3.67 rounds to 3.7.
        ((5, 5, 5, 5), "4.0", "Strong foundation", "3.7", "Steady"),
        # Reversed 1 → 5: 17/4 = 4.25 → 4.3. Read straight it would be 3.3, "Building".
        ((4, 1, 4, 4), "4.3", "Strong foundation", "4.3", "Steady"),
        # Reversed 5 → 1: 7/4 = 1.75 → 1.8. Read straight it would be 2.8, "Building".
        ((2, 5, 2, 2), "1.8", "Room to grow", "1.7", "Room to grow"),
    ],
)
def test_scores_use_reverse_items_and_bands(page, quiz_url, values, overall, overall_band, sharing, sharing_band):
    page.goto(quiz_url)
    answer(page, **dict(zip((i.replace("-", "_") for i in ITEMS), values, strict=True)))
    body = results(page)
    expect(page.locator("#quiz-results")).to_be_focused()
    expect(page.locator(".quiz-status")).to_have_text("Your results are shown below.")
    # The band leads, as the heading of its scope; the numbers come second.
    sections = body.locator("section")
    expect(sections).to_have_count(2)
    expect(sections.nth(0).get_by_role("heading", level=3)).to_have_text(f"Overall {overall_band}")
    expect(sections.nth(1).get_by_role("heading", level=3)).to_have_text(f"Sharing worries and news {sharing_band}")
    expect(sections.nth(0).locator("p").first).to_have_text(f"{overall} (from 1.0 to 5.0)")
    expect(sections.nth(1).locator("p").first).to_have_text(f"{sharing} (from 1.0 to 5.0)")
    expect(body.locator(".quiz-band")).to_have_count(2)


def test_sum_scores_are_prorated(page, quiz_url):
    page.goto(quiz_url)
    # The fixture scores by mean with a 75 % minimum; switch the form to a prorated sum with 50 %.
    page.evaluate("Object.assign(document.querySelector('form.quiz').dataset, {method: 'sum', minAnswered: '0.5'})")
    answer(page, tell_soon=5, keep_worries="skip", good_news=5, hopes=4)
    text = results(page).inner_text()
    assert "19 (from 4 to 20)" in text  # (5 + 5 + 4) / 3 * 4 items = 18.67
    assert "15 (from 3 to 15)" in text  # sharing: (5 + 5) / 2 * 3 items, 2 of 3 answered


@pytest.fixture(scope="module")
def quiz_script(browser, fixture_url: str):
    """One self-assessment page, shared by the rounding checks: they only call the page's scoring function."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{fixture_url}quizzes/assess-two/")
    yield page
    context.close()


@pytest.mark.parametrize("vector", ROUNDING, ids=lambda v: f"{v['value']!r}/{v['decimals']}")
def test_scores_round_half_away_from_zero_like_the_engine(quiz_script, vector):
    # tests/test_core_units.py checks the engine's `round_score` on the same vectors.
    rounded = quiz_script.evaluate("([x, digits]) => Closer.round(x, digits)", [vector["value"], vector["decimals"]])
    assert rounded == vector["expected"], vector["why"]


def test_strongest_and_explore(page, quiz_url):
    page.goto(quiz_url)
    answer(page, tell_soon=5, keep_worries=5, good_news=4, hopes=3)
    body = results(page)
    lists = body.locator("ul")
    expect(body.locator("> h3").nth(0)).to_have_text("Your strongest statements")
    expect(lists.nth(0).locator("> li")).to_have_text(
        [
            "When something is bothering me, I find a way to tell my partner within a day or two.",
            "I share good news with my partner soon after it happens.",
        ]
    )
    expect(body.locator("> h3").nth(1)).to_have_text("Statements you might explore")
    explore = lists.nth(1).locator("> li")
    expect(explore).to_have_count(1)  # "hopes" sits on the midpoint: neither list
    expect(explore).to_contain_text("I keep my worries to myself to spare my partner.")
    expect(explore).to_contain_text("Holding back to protect someone is common")


def test_too_few_answers(page, quiz_url):
    page.goto(quiz_url)
    answer(page, tell_soon=4, keep_worries="skip", good_news=4)
    body = results(page)
    message = "Answer at least 3 of the 4 statements to see a result. You have answered 2."
    expect(body).to_have_text(message)
    expect(page.locator(".quiz-status")).to_have_text(message)
    # Three of four is exactly the 75 % minimum.
    answer(page, hopes=2)
    body = results(page)
    expect(body.get_by_role("heading", level=3).first).to_have_text("Overall Building")  # (4+4+2)/3 = 3.3


def test_answers_are_saved_without_skips(page, quiz_url):
    page.goto(quiz_url)
    answer(page, tell_soon=2, keep_worries=4, good_news="skip")
    data = json.loads(page.evaluate("k => localStorage.getItem(k)", KEY))
    assert data == {"version": 1, "answers": {"tell-soon": "2", "keep-worries": "4"}, "checked": []}
    page.reload()
    expect(page.locator("#tell-soon__2")).to_be_checked()
    expect(page.locator("#keep-worries__4")).to_be_checked()
    assert page.locator("#good-news input:checked, #hopes input:checked").count() == 0


def test_safety_question_is_never_stored(page, quiz_url):
    page.goto(quiz_url)
    help_text = page.locator("[data-safety-help]")
    expect(help_text).to_be_hidden()
    answer(page, tell_soon=3)
    page.check("#quiz-safety__yes")
    expect(help_text).to_be_visible()
    expect(help_text).to_contain_text("You deserve support")
    expect(page.locator(".quiz-status")).to_have_text("Support information is shown below the question.")
    page.check("#quiz-safety__no")
    expect(help_text).to_be_hidden()
    page.check("#quiz-safety__yes")
    page.check("#quiz-safety__skip")
    expect(help_text).to_be_hidden()
    page.check("#quiz-safety__yes")
    answer(page, hopes=4)

    storage = page.evaluate("JSON.stringify(Object.assign({}, localStorage))")
    assert "tell-soon" in storage
    assert "quiz-safety" not in storage

    page.reload()
    expect(page.locator("#tell-soon__3")).to_be_checked()
    assert page.locator("[name=quiz-safety]:checked").count() == 0
    expect(help_text).to_be_hidden()
    assert "quiz-safety" not in page.evaluate("JSON.stringify(Object.assign({}, localStorage))")


def test_clear_resets_results(page, quiz_url):
    page.goto(quiz_url)
    answer(page, tell_soon=5, keep_worries=1, good_news=5, hopes=5)
    results(page)
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("[data-action=clear]")
    expect(page.locator("[data-results-body]")).to_be_hidden()
    assert page.locator("form.quiz input:checked").count() == 0
    assert page.evaluate("k => localStorage.getItem(k)", KEY) is None


def test_narrow_screen_has_no_horizontal_scroll(browser, quiz_url):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    try:
        page = context.new_page()
        page.goto(quiz_url)
        answer(page, tell_soon=5, keep_worries=1, good_news=5, hopes=5)
        page.click("[data-action=results]")
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
    finally:
        context.close()


SCALE = "#tell-soon .quiz-scale--likert .quiz-scale__point"
BOXES = "els => els.map(e => { const r = e.getBoundingClientRect(); return [r.top, r.width, r.height]; })"
LABELS = "els => els.map(e => e.getBoundingClientRect().width > 1)"


@pytest.mark.parametrize(("width", "labelled"), [(360, [True, False, False, False, True]), (1280, [True] * 5)])
def test_scale_is_one_row_of_equal_segments(page, quiz_url, width, labelled):
    # On a phone, five dots with words at the two ends; wider, every point has its words.
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(quiz_url)
    boxes = page.locator(SCALE).evaluate_all(BOXES)
    assert len(boxes) == 5
    assert len({round(top) for top, _, _ in boxes}) == 1, boxes
    assert max(w for _, w, _ in boxes) - min(w for _, w, _ in boxes) < 1, boxes
    assert min(h for _, _, h in boxes) >= 44, boxes
    assert page.locator(f"{SCALE} .quiz-scale__label").evaluate_all(LABELS) == labelled
    expect(page.locator("#tell-soon__1")).to_have_accessible_name("Strongly disagree")
    expect(page.locator("#tell-soon__3")).to_have_accessible_name("Neither agree nor disagree")
    # The skip option stays apart from the scale, and is as easy to tap.
    assert page.locator("#tell-soon .quiz-scale__point--skip").bounding_box()["height"] >= 44


def test_chosen_point_is_marked_in_the_theme_colour_and_not_by_colour_alone(page, quiz_url):
    page.goto(quiz_url)
    answer(page, tell_soon=4)
    point = page.locator("#tell-soon .quiz-scale__point").nth(3)
    primary = page.evaluate("getComputedStyle(document.body).getPropertyValue('--md-primary-fg-color').trim()")
    border = point.evaluate("e => getComputedStyle(e).borderColor")
    assert border == page.evaluate("c => { const e = document.createElement('i'); e.style.color = c;"
                                   " document.body.append(e); return getComputedStyle(e).color; }", primary)
    assert "inset" in point.locator("label").evaluate("e => getComputedStyle(e, '::before').boxShadow")


def test_results_picture_shows_where_the_score_falls(page, quiz_url):
    page.goto(quiz_url)
    answer(page, tell_soon=5, keep_worries=5, good_news=5, hopes=5)
    body = results(page)
    pictures = body.get_by_role("img")
    expect(pictures).to_have_count(2)
    expect(pictures.nth(0)).to_have_accessible_name(
        "Your score, 4.0, on the scale from 1.0 to 5.0, falls in the band “Strong foundation”, 3 of 3."
    )
    expect(pictures.nth(1)).to_have_accessible_name(
        "Your score, 3.7, on the scale from 1.0 to 5.0, falls in the band “Steady”, 2 of 2."
    )
    overall = body.locator(".quiz-meter").first
    expect(overall.locator("li")).to_have_text(["Room to grow", "Building", "Strong foundation"])
    expect(overall.locator("li.on")).to_have_text("Strong foundation")
    # The mark sits inside the reader's band: the third of three equal segments.
    mark = overall.locator(".mark").bounding_box()
    bar = overall.locator("svg").bounding_box()
    assert bar["x"] + bar["width"] * 2 / 3 <= mark["x"] <= bar["x"] + bar["width"], (mark, bar)


def test_button_relabels_once_results_show(page, quiz_url):
    page.goto(quiz_url)
    button = page.locator("[data-action=results]")
    expect(button).to_have_text("See my results")
    answer(page, tell_soon=4, keep_worries="skip", good_news=4)
    results(page)
    expect(button).to_have_text("See my results")  # too few answers: no results yet
    answer(page, hopes=4)
    results(page)
    expect(button).to_have_text("Update my results")
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("[data-action=clear]")
    expect(button).to_have_text("See my results")


@pytest.mark.parametrize("size", [(360, 800), (1280, 900)])
def test_results_heading_is_not_hidden_by_the_header(page, quiz_url, size):
    page.set_viewport_size({"width": size[0], "height": size[1]})
    page.goto(quiz_url)
    answer(page, tell_soon=4, keep_worries=2, good_news=4, hopes=4)
    results(page)
    page.wait_for_timeout(300)
    header = page.locator(".md-header").bounding_box()
    heading = page.locator("#quiz-results").bounding_box()
    assert heading["y"] >= header["y"] + header["height"], (heading, header)
    assert heading["y"] < size[1] / 2


def test_read_next_leaves_out_the_quizs_own_lesson(page, quiz_url):
    page.goto(quiz_url)
    answer(page, tell_soon=1, keep_worries=5, good_news=1, hopes=1)
    body = results(page)
    expect(body.get_by_role("heading", level=3).first).to_have_text("Overall Room to grow")
    # The band lists lessons one and two; the quiz belongs to lesson two.
    expect(body.locator(".quiz-band__next a")).to_have_text(["Lesson one"])


def test_without_javascript_scoring_is_on_paper_and_open(browser, quiz_url):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 800})
    try:
        page = context.new_page()
        page.goto(quiz_url)
        expect(page.locator(".quiz-how")).to_have_text(
            "Choose how far each statement fits you, then score your answers on paper with the table at the end.",
            use_inner_text=True,
        )
        expect(page.get_by_role("button", name="See my results")).to_have_count(0)
        paper = page.locator("details.quiz-paper")
        expect(paper.locator("table")).to_be_visible()
        expect(paper.locator("summary")).to_be_hidden()  # no fold control that does nothing
        body = page.locator(".quiz-back").evaluate("e => getComputedStyle(e).fontSize")
        assert paper.locator("p").first.evaluate("e => getComputedStyle(e).fontSize") == body
        # Each header's words start where its column's words do, and each row's words start on one line, on a phone too
        # (where statements wrap). An empty cell (a statement in no group) has no words to place.
        starts = paper.locator("table").evaluate("""table => [...table.rows].map(row => [...row.cells].map(cell => {
            const words = document.createRange();
            words.selectNodeContents(cell);
            const first = words.getClientRects()[0];
            return first ? [Math.round(first.left), Math.round(first.top), Math.round(cell.clientHeight)] : null;
        }))""")
        for column in zip(*starts, strict=True):
            assert len({cell[0] for cell in column if cell}) == 1, starts
        for row in starts:
            assert len({cell[1] for cell in row if cell}) == 1, starts
        assert max(cell[2] for row in starts for cell in row if cell) > 40, starts  # some statement wraps
        # A statement in the notes stands apart from its note, so the two do not read as one run of paragraphs.
        note = paper.locator(".quiz-note").first
        weights = note.evaluate("""n => [...n.children].slice(0, 2).map(e => {
            const words = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
            words.nextNode();
            return +getComputedStyle(words.currentNode.parentElement).fontWeight;
        })""")
        assert weights[0] >= weights[1] + 300, weights
    finally:
        context.close()


def test_with_javascript_paper_scoring_is_folded(page, quiz_url):
    page.goto(quiz_url)
    paper = page.locator("details.quiz-paper")
    expect(paper.locator("table")).to_be_hidden()
    paper.locator("summary").click()
    expect(paper.locator("table")).to_be_visible()
    expect(page.locator(".quiz-how")).to_have_text(
        "Choose how far each statement fits you, then press “See my results” at the end.", use_inner_text=True
    )


def test_reduced_motion_turns_off_transitions(page, quiz_url):
    page.goto(quiz_url)
    point = page.locator("#tell-soon .quiz-scale__point").first
    assert point.evaluate("e => getComputedStyle(e).transitionDuration") != "0s"
    page.emulate_media(reduced_motion="reduce")
    assert point.evaluate("e => getComputedStyle(e).transitionDuration") == "0s"


def test_results_pass_axe_in_both_palettes(page, repo_url):
    from test_every_page import axe_violations

    page.goto(f"{repo_url}quizzes/how-i-open-up/")
    for item in page.locator(".quiz-item").all():
        item.locator(".quiz-scale__point").nth(3).click()
    results(page)
    expect(page.locator(".quiz-meter").first).to_be_visible()
    assert axe_violations(page) == {}


# The course's longest self-assessment: the answers of statements off screen are laid out as the reader nears them.
LONG = "quizzes/feeling-safe/"
STATEMENTS = "es => es.map(e => e.id)"


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("arrival", ["address", "link", "same page"])
def test_a_link_to_a_statement_opens_the_page_at_it_below_the_header(page, repo_url, width, arrival):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(repo_url + LONG)
    statement = page.eval_on_selector_all(".quiz-item", STATEMENTS)[-3]
    if arrival == "address":  # a facilitator's link, opened from a message
        page.goto("about:blank")
        page.goto(f"{repo_url}{LONG}#{statement}")
    else:  # a link on another page of the course (Material's instant navigation follows it) or on this one
        href = f"#{statement}" if arrival == "same page" else f"{repo_url}{LONG}#{statement}"
        if arrival == "link":
            page.goto(repo_url)
        page.evaluate("href => { const a = document.createElement('a'); a.href = href; a.id = 'to-statement';"
                      " a.textContent = 'go'; document.querySelector('article').prepend(a); }", href)
        page.click("#to-statement")
        page.wait_for_url(f"**/{LONG}#{statement}")
    # Scrolled there (Material scrolls smoothly within a page) and still: the answers near it are laid out by then,
    # and would have pushed it away had they not kept their room.
    expect(page.locator(f"#{statement}")).to_be_in_viewport()
    still = "() => new Promise(done => { const y = scrollY; setTimeout(() => done(scrollY === y), 300); })"
    page.wait_for_function(still)
    header = page.locator(".md-header").bounding_box()
    top = page.locator(f"#{statement}").bounding_box()["y"] - header["y"] - header["height"]
    # Material's own scrolling within a page tucks a target 2 pixels under the header, on any page.
    assert -4 <= top <= 40, top


@pytest.mark.parametrize("width", [360, 1280])
def test_the_page_keeps_its_length_while_the_reader_scrolls_through_the_statements(page, repo_url, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(repo_url + LONG)
    before = page.evaluate("document.documentElement.scrollHeight")
    for y in range(0, before, 400):
        page.evaluate(f"scrollTo(0, {y})")
        page.wait_for_timeout(20)
    after = page.evaluate("document.documentElement.scrollHeight")
    # Laid out, a statement's answers take the room they held: the scrollbar keeps its size and place.
    assert abs(after - before) <= 1, (before, after)


@pytest.mark.parametrize("width", [360, 1280])
def test_the_focus_outline_of_every_answer_fits_inside_the_answers_box(page, repo_url, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(repo_url + LONG)
    first, second = page.eval_on_selector_all(".quiz-item", STATEMENTS)[:2]
    page.focus(f"#{first}__skip")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id").startswith(second)
    assert page.evaluate("document.activeElement.matches(':focus-visible')")
    # The box of a statement's answers clips what overflows it (it is laid out apart from the page), so the outline
    # of each answer, Skip too, must fit within it.
    outside = page.evaluate("""id => {
        const box = document.querySelector(`#${id} .quiz-item__answers`).getBoundingClientRect();
        const focused = getComputedStyle(document.activeElement.closest(".quiz-scale__point"));
        const reach = parseFloat(focused.outlineWidth) + parseFloat(focused.outlineOffset);
        return [...document.querySelectorAll(`#${id} .quiz-scale__point`)].map(p => p.getBoundingClientRect())
            .map(r => Math.max(box.left - r.left, r.right - box.right, box.top - r.top, r.bottom - box.bottom) + reach)
            .filter(by => by > 0.5);
    }""", second)
    assert len(page.locator(f"#{second} .quiz-scale__point").all()) == 6
    assert outside == []


def test_results_in_one_tab_give_way_when_another_tab_changes_the_answers(two_tabs):
    first, second = two_tabs
    answer(first, tell_soon=5, keep_worries=1, good_news=5, hopes=5)
    expect(second.locator("#hopes__5")).to_be_checked()
    results(first)
    second.bring_to_front()
    answer(second, hopes=1)
    # The results shown were those of answers no longer given: the tab is as a reload would show it.
    expect(first.locator("#hopes__1")).to_be_checked()
    expect(first.locator("[data-results-body]")).to_be_hidden()
    expect(first.locator("[data-action=results]")).to_have_text("See my results")
    first.bring_to_front()
    body = results(first)
    expect(body.locator("section").first.locator("p").first).to_have_text("4.0 (from 1.0 to 5.0)")


def test_results_in_one_tab_give_way_when_another_tab_clears_the_answers(two_tabs):
    first, second = two_tabs
    answer(first, tell_soon=5, keep_worries=1, good_news=5, hopes=5)
    results(first)
    expect(second.locator("#hopes__5")).to_be_checked()
    second.bring_to_front()
    second.once("dialog", lambda dialog: dialog.accept())
    second.click("[data-action=clear]")
    expect(first.locator("#hopes__5")).not_to_be_checked()
    expect(first.locator("[data-results-body]")).to_be_hidden()
    expect(first.locator("[data-action=results]")).to_have_text("See my results")
