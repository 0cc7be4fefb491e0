"""The course's frame in Chromium: nested navigation, the header's links, one name per quiz, the home page's cards,
link sheets and tables on a phone, and no page wider than a phone, however long its title."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import expect
from serve import serve
from sitebuilder import build_project, make_project
from test_every_page import PAGES, ROOT, axe_violations

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 800}
NARROWEST = {"width": 320, "height": 640}
SCRIPTS_ON_AND_OFF = {"params": [True, False], "ids": ["script", "no-script"]}
LESSON_QUIZZES = {
    "lessons/opening-up/": ("quizzes/opening-up/", "quizzes/how-i-open-up/"),
    "lessons/safe-harbour/": ("quizzes/safe-harbour/", "quizzes/feeling-safe/"),
    "lessons/listening/": ("quizzes/listening/",),
}
LONG_TITLES = {
    "lessons/one/": "Opening up when it feels hard: hopes, worries and good news shared at a pace that suits you",
    "quizzes/long-title/": "Check: when partners stop sharing their hopes, their worries and their everyday good news",
}
LONG_TITLED_QUIZ = f"""\
    title: "{LONG_TITLES['quizzes/long-title/']}"
    type: knowledge-check
    lesson: lessons/one.md
    description: One question under a title far wider than a phone.
    questions:
      - id: pace
        type: single
        prompt: How does closeness grow?
        choices:
          - {{text: One small step at a time, correct: true}}
          - {{text: In one long talk, feedback: Small steps taken in turn tend to work better.}}
        explanation: Closeness tends to grow through many small steps.
"""
PAGE_TYPES = ("", "lessons/opening-up/", "quizzes/opening-up/", "quizzes/how-i-open-up/", "progress/", "journal/",
              "facilitators/links/", "404.html")
BUTTON_ROWS = ("quizzes/opening-up/", "quizzes/how-i-open-up/", "journal/")


def phone_page(browser, scripts: bool) -> Iterator[object]:
    """A phone-sized page in a context of its own, with or without scripts; the context closes after it."""
    context = browser.new_context(viewport=PHONE, java_script_enabled=scripts)
    yield context.new_page()
    context.close()


def runs_scripts(page) -> bool:
    """Whether the page's scripts run (Material marks the root `js`)."""
    return page.evaluate("() => document.documentElement.classList.contains('js')")


@pytest.fixture(**SCRIPTS_ON_AND_OFF)
def phone(browser, request) -> Iterator[object]:
    """A phone-sized page, with scripts on, then off."""
    yield from phone_page(browser, request.param)


@pytest.fixture(scope="module", **SCRIPTS_ON_AND_OFF)
def phone_screen(browser, request) -> Iterator[object]:
    """A phone-sized page, with scripts on, then off, shared by the tests that only look at pages."""
    yield from phone_page(browser, request.param)


@pytest.fixture(scope="module", **SCRIPTS_ON_AND_OFF)
def narrowest_screen(browser, request) -> Iterator[object]:
    """A page 320 px wide, the narrowest that WCAG's reflow asks a page to fit, with scripts on, then off."""
    context = browser.new_context(viewport=NARROWEST, java_script_enabled=request.param)
    yield context.new_page()
    context.close()


@pytest.fixture(scope="module")
def long_titles_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A small site whose lesson and quiz have titles far wider than a phone's header, built and served."""
    tmp = tmp_path_factory.mktemp("long-titles")
    # Without titles in `nav`, the header shows each page's own title.
    config = make_project(tmp, {"long-title.yml": LONG_TITLED_QUIZ}, fixture_quizzes=False,
                          config_extra="nav: [index.md, lessons/one.md, lessons/two.md]\n")
    (tmp / "docs" / "lessons" / "one.md").write_text(f"# {LONG_TITLES['lessons/one/']}\n\nSome text.\n", "utf-8")
    with serve(build_project(config)) as url:
        yield url


@pytest.fixture(scope="module")
def unpruned_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A small site without `navigation.prune`, whose quiz is nested under its lesson, built and served."""
    config = make_project(tmp_path_factory.mktemp("unpruned"), {"long-title.yml": LONG_TITLED_QUIZ},
                          fixture_quizzes=False)
    with serve(build_project(config)) as url:
        yield url


@pytest.mark.parametrize("lesson", LESSON_QUIZZES)
def test_each_quiz_is_nested_under_its_lesson_which_its_section_title_opens(page, repo_url, lesson) -> None:
    quizzes = LESSON_QUIZZES[lesson]
    page.goto(repo_url + quizzes[-1])
    sidebar = page.locator(".md-sidebar--primary")
    lesson_link = sidebar.locator(f".md-nav__item--nested > .md-nav__container > a[href$='{lesson}']")
    expect(lesson_link).to_have_count(1)
    section = lesson_link.locator("xpath=../..")
    for quiz in quizzes:
        expect(section.locator(f"nav a[href$='{quiz}']")).to_be_visible()
    # The section's title is the lesson's link: one tap.
    lesson_link.click()
    expect(page).to_have_url(re.compile(re.escape(lesson) + "$"))


def test_other_lessons_quizzes_are_left_out_of_the_page_and_their_lesson_leads_to_them(page, repo_url) -> None:
    page.goto(repo_url + "lessons/safe-harbour/")
    sidebar = page.locator(".md-sidebar--primary")
    quizzes = sidebar.locator("a[href*='/quizzes/']")
    expect(quizzes).to_have_count(len(LESSON_QUIZZES["lessons/safe-harbour/"]))
    # Another lesson is one link, named by its title, to the lesson, whose own page lists its quizzes.
    other = sidebar.get_by_role("link", name="6. Listening to understand", exact=True)
    expect(other).to_have_attribute("href", re.compile(r"lessons/listening/$"))
    other.click()
    expect(page).to_have_url(re.compile(r"lessons/listening/$"))
    expect(sidebar.locator("a[href$='quizzes/listening/']")).to_be_visible()


def skipped(locator) -> bool:
    """Whether the browser skips drawing the element's contents (they wait for the reader to open it)."""
    return locator.evaluate("e => getComputedStyle(e).contentVisibility") == "hidden"


@pytest.mark.parametrize("width", [PHONE["width"], 1280])
def test_closed_parts_of_the_navigation_wait_until_the_reader_opens_them(page, repo_url, width) -> None:
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(repo_url + "lessons/safe-harbour/")
    own = page.locator(".md-nav--primary nav:has(> ul > li > a[href$='quizzes/feeling-safe/'])")
    resources = page.locator(".md-nav--primary nav:has(> ul > li > a[href$='glossary/'])")
    assert not skipped(own)
    # Sections are always open on a wide screen; on a phone they are panels like the others.
    assert skipped(resources) == (width == PHONE["width"])
    if width == PHONE["width"]:
        page.locator("header label[for=__drawer]").click()
        own.locator("> label.md-nav__title").click()
        lessons = page.locator(".md-nav--primary nav:has(> ul > li > a[href$='lessons/listening/'])")
        lessons.locator("> label.md-nav__title").click()
        page.locator(".md-nav--primary label.md-nav__link", has_text="Resources").click()
    expect(resources.locator("a[href$='glossary/']")).to_be_visible()
    assert not skipped(resources)


@pytest.mark.parametrize("width", [PHONE["width"], 1280])
def test_a_closed_lesson_of_a_navigation_not_pruned_waits_until_the_reader_opens_it(page, unpruned_url, width) -> None:
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(unpruned_url)
    lesson = page.locator(".md-nav--primary .md-nav__item--nested:has(a[href$='quizzes/long-title/'])")
    quizzes = lesson.locator("> nav")
    assert skipped(quizzes)
    if width == PHONE["width"]:
        page.locator("header label[for=__drawer]").click()
    lesson.locator("> label.md-nav__link, > .md-nav__container > label.md-nav__link").click()
    expect(quizzes.locator("a[href$='quizzes/long-title/']")).to_be_visible()
    assert not skipped(quizzes)


def test_a_phones_closed_menu_is_not_drawn_tabbed_to_or_read_out_until_it_opens(phone, repo_url) -> None:
    phone.goto(repo_url + "lessons/safe-harbour/")
    menu = phone.locator(".md-sidebar--primary .md-sidebar__scrollwrap")
    home = menu.get_by_role("link", name="Home", exact=True)
    assert skipped(menu)
    expect(home).to_be_hidden()
    # From the header's last link, Tab goes on into the page, not through links off the screen.
    phone.locator("header [data-closer-exit]").focus()
    phone.keyboard.press("Tab")
    assert phone.evaluate("document.activeElement.closest('.md-content') !== null")
    phone.locator("header label[for=__drawer]").click()
    expect(home).to_be_in_viewport()
    assert not skipped(menu)
    # Drawn while Material's animation slides it away (slowed ten times here, so a busy machine still sees it), then
    # skipped again.
    phone.context.new_cdp_session(phone).send("Animation.setPlaybackRate", {"playbackRate": 0.1})
    phone.locator("label.md-overlay").click(position={"x": PHONE["width"] - 20, "y": 400})
    assert not skipped(menu)
    expect(menu).to_have_css("content-visibility", "hidden")
    expect(home).to_be_hidden()


def test_the_keyboard_opens_a_phones_menu_and_reaches_its_links(phone, repo_url) -> None:
    phone.goto(repo_url + "lessons/safe-harbour/")
    phone.keyboard.press("Tab")
    # The menu button's checkbox comes first, as the button does: a switch, named as the button is, that says
    # whether the menu is open, with or without scripts.
    toggle = phone.get_by_role("switch", name="Navigation", exact=True)
    expect(toggle).to_be_focused()
    expect(phone.locator("header label[for=__drawer]")).to_have_css("outline-style", "solid")
    phone.keyboard.press("Space")
    menu = phone.locator(".md-sidebar--primary .md-sidebar__scrollwrap")
    expect(menu.get_by_role("link", name="Home", exact=True)).to_be_in_viewport()
    assert switch_is_on(phone, "Navigation")
    for _ in range(12):
        phone.keyboard.press("Tab")
        if phone.evaluate("document.activeElement.closest('.md-sidebar--primary') !== null"):
            break
    focused = phone.locator(":focus")
    expect(focused).to_be_in_viewport()
    assert focused.evaluate("e => e.closest('.md-sidebar--primary') !== null")


def switch_is_on(page, name: str) -> bool:
    """Whether the switch `name` is on, as Chromium tells a screen reader (its accessibility tree)."""
    tree = page.context.new_cdp_session(page).send("Accessibility.getFullAXTree")["nodes"]
    (switch,) = [n for n in tree if n["role"]["value"] == "switch" and n.get("name", {}).get("value") == name]
    (checked,) = [p["value"]["value"] for p in switch["properties"] if p["name"] == "checked"]
    return checked == "true"


def test_the_phones_menu_switch_opens_with_enter_and_says_whether_the_menu_is_open(page, repo_url) -> None:
    page.set_viewport_size(PHONE)
    page.goto(repo_url + "lessons/safe-harbour/")
    toggle = page.get_by_role("switch", name="Navigation", exact=True)
    assert not switch_is_on(page, "Navigation")
    toggle.focus()
    page.keyboard.press("Enter")
    expect(page.locator(".md-sidebar--primary").get_by_role("link", name="Home", exact=True)).to_be_in_viewport()
    assert switch_is_on(page, "Navigation")
    # Material closes the menu from its own code too, which no event reports: the switch says so all the same.
    page.evaluate("() => { document.getElementById('__drawer').checked = false; }")
    assert not switch_is_on(page, "Navigation")


# What the focused element shares with the sticky header or the "Back to top" button showing, if anything.
HIDDEN_FOCUS = """() => {
  const e = document.activeElement;
  if (e === document.body || e.closest(".md-header, .md-skip") || e.id === "__drawer") return null;
  const r = e.getBoundingClientRect();
  const over = [...document.querySelectorAll(".md-header, .md-top:not([hidden])")];
  const hit = over.map((c) => c.getBoundingClientRect())
    .some((c) => r.top < c.bottom && r.bottom > c.top && r.left < c.right && r.right > c.left);
  const what = `${e.tagName} "${e.textContent.trim().slice(0, 30)}"`;
  return hit ? `${what} at ${Math.round(r.top)}-${Math.round(r.bottom)}` : null;
}"""


@pytest.mark.parametrize("path", ["lessons/listening/", "quizzes/what-is-intimacy/"])
def test_going_back_up_the_page_with_the_keyboard_hides_nothing_under_the_header(phone, repo_url, path) -> None:
    phone.goto(repo_url + path)
    for _ in range(40):
        phone.keyboard.press("Tab")
    hidden = []
    for _ in range(40):
        phone.keyboard.press("Shift+Tab")
        hidden.append(phone.evaluate(HIDDEN_FOCUS))
    assert not any(hidden), [h for h in hidden if h]


def test_a_wide_screen_has_no_menu_checkbox_to_tab_to(page, repo_url) -> None:
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(repo_url + "lessons/safe-harbour/")
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to content")).to_be_focused()


@pytest.mark.parametrize("path", PAGE_TYPES)
def test_the_header_links_to_progress_and_journal_on_every_page_type(browser, repo_url, path) -> None:
    context = browser.new_context(viewport=PHONE)
    try:
        page = context.new_page()
        page.goto(repo_url + path)
        header = page.locator("header.md-header")
        for name, target in (("My progress", "progress/"), ("My journal", "journal/")):
            link = header.get_by_role("link", name=name, exact=True)
            expect(link).to_be_visible()
            assert link.get_attribute("href").endswith(target)
            box = link.bounding_box()
            assert box and box["height"] >= 44 and box["width"] >= 44, box
        expect(header.locator(".md-header__button[for=__search]")).to_be_in_viewport()
    finally:
        context.close()


@pytest.mark.parametrize("width", [PHONE["width"], 1280])
def test_the_header_links_line_up_with_the_headers_other_icons(browser, repo_url, width) -> None:
    context = browser.new_context(viewport={"width": width, "height": 800})
    try:
        page = context.new_page()
        page.goto(repo_url)
        header = page.locator("header.md-header")
        theirs = header.locator(".md-header__button.md-icon svg >> visible=true").first.bounding_box()
        for link in header.locator(".closer-header-link").all():
            icon = link.locator("svg").bounding_box()
            assert theirs and icon and abs(icon["y"] - theirs["y"]) < 1, (icon, theirs)
            label = link.locator(".closer-header-link__label").bounding_box()
            if width > 1220:  # where the labels show
                assert label and abs(label["y"] + label["height"] / 2 - (icon["y"] + icon["height"] / 2)) < 1, label
    finally:
        context.close()


@pytest.mark.parametrize("quiz", ["opening-up", "how-i-open-up", "misunderstanding-and-conflict", "balance"])
def test_a_quiz_has_one_name_everywhere(page, repo_url, quiz) -> None:
    page.goto(f"{repo_url}quizzes/{quiz}/")
    name = page.locator("article h1").inner_text().removesuffix("¶").strip()
    assert page.title().startswith(name)
    expect(page.locator(f".md-sidebar--primary a[href$='quizzes/{quiz}/']").first).to_have_text(name)
    page.locator(".quiz-back a").first.click()
    expect(page.locator(f"article .quiz-links a[href$='quizzes/{quiz}/']")).to_have_text(name)
    page.goto(f"{repo_url}progress/")
    expect(page.locator(f"article a[href$='quizzes/{quiz}/']").first).to_have_text(name)
    page.goto(f"{repo_url}facilitators/links/")
    expect(page.locator(f".link-sheet__title a[href$='quizzes/{quiz}/']").first).to_have_text(name)


def test_the_home_page_welcomes_and_lists_the_lessons_with_their_reading_times(page, repo_url) -> None:
    from reading_time import reading_minutes

    page.goto(repo_url)
    # Who the course is and is not for comes first: the safety preface is the primary action.
    expect(page.locator(".closer-hero").get_by_role("link", name="Before you begin")).to_have_class(
        "md-button md-button--primary")
    expect(page.locator(".closer-hero").get_by_role("link", name="Start lesson 1")).to_be_visible()
    cards = page.locator("ol.closer-lessons > li.closer-lesson")
    expect(cards).to_have_count(9)
    first = cards.first
    expect(first.locator("a")).to_have_text("1. What emotional intimacy is")
    lesson_text = (ROOT / "docs" / "lessons" / "what-is-intimacy.md").read_text(encoding="utf-8").split("---\n", 2)[2]
    card = first.locator(".closer-lesson__time").inner_text()
    assert card == f"{reading_minutes(lesson_text)} min read"
    assert first.evaluate("e => getComputedStyle(e.querySelector('a'), '::before').position") == "absolute"
    # The lesson says the same, from the same count.
    first.locator("a").click()
    expect(page.locator("article")).to_contain_text(f"{card}. Exercise:")


@pytest.mark.parametrize("path", PAGES)
def test_no_page_scrolls_sideways_on_the_narrowest_phone(narrowest_screen, repo_url, path) -> None:
    narrowest_screen.goto(repo_url + path)
    width = narrowest_screen.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1], width


@pytest.mark.parametrize("path", ["quizzes/trust-and-hiding/", "facilitators/links/session-2/"])
def test_the_footer_shows_the_next_pages_whole_title_on_the_narrowest_phone(narrowest_screen, repo_url, path) -> None:
    narrowest_screen.goto(repo_url + path)
    title = narrowest_screen.locator(".md-footer__link--next .md-ellipsis")
    expect(title).to_be_visible()
    assert title.evaluate("e => e.scrollWidth <= e.clientWidth"), title.inner_text()


@pytest.mark.parametrize("path", PAGE_TYPES)
def test_buttons_side_by_side_keep_apart_on_a_phone(phone_screen, repo_url, path) -> None:
    phone_screen.goto(repo_url + path)
    # Every two buttons shown in the same paragraph, whether on one line or wrapped onto two: the gap between them.
    gaps = phone_screen.evaluate("""() => {
        const shown = [...document.querySelectorAll(".md-typeset .md-button")].filter(b => b.getClientRects().length);
        const gaps = [];
        shown.forEach((a, i) => shown.slice(i + 1).filter(b => b.parentElement === a.parentElement).forEach(b => {
            const [p, q] = [a.getBoundingClientRect(), b.getBoundingClientRect()];
            const apart = Math.max(q.left - p.right, p.left - q.right, q.top - p.bottom, p.top - q.bottom);
            gaps.push([a.textContent, b.textContent, Math.round(apart)]);
        }));
        return gaps;
    }""")
    assert all(apart >= 8 for *_, apart in gaps), gaps
    # With scripts, a quiz's Copy, Print and Download and the journal's Download and Print sit side by side.
    if path in BUTTON_ROWS and runs_scripts(phone_screen):
        assert gaps


@pytest.mark.parametrize("path", LONG_TITLES)
def test_a_long_title_does_not_widen_the_page_on_a_phone(phone, long_titles_url, path) -> None:
    phone.goto(long_titles_url + path)
    expect(phone.locator("article h1")).to_contain_text(LONG_TITLES[path])
    width = phone.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1], width


def test_a_link_sheet_on_a_phone_keeps_its_text_wide_and_its_button_on_one_line(browser, repo_url) -> None:
    context = browser.new_context(viewport=PHONE)
    try:
        page = context.new_page()
        page.goto(repo_url + "facilitators/links/")
        entry = page.locator(".link-sheet__entry").first
        code, text = entry.locator(".link-sheet__qr").bounding_box(), entry.locator(".link-sheet__text").bounding_box()
        assert code and text and text["y"] >= code["y"] + code["height"], (code, text)
        assert text["width"] >= 280, text
        button = entry.locator("button[data-copy]")
        assert button.evaluate("e => getComputedStyle(e).whiteSpace") == "nowrap"
        assert button.evaluate("e => e.scrollWidth <= e.clientWidth")
        assert entry.locator(".link-sheet__url").evaluate("e => e.innerHTML").count("<wbr>") >= 4
        # A code sits nearer its own page's title than the entry before it: at least twice as near.
        below = page.locator(".link-sheet__entry").nth(1)
        above, own = entry.bounding_box(), below.locator(".link-sheet__qr").bounding_box()
        title = below.locator(".link-sheet__title").bounding_box()
        assert above and own and title
        between, within = own["y"] - (above["y"] + above["height"]), title["y"] - (own["y"] + own["height"])
        assert between >= 2 * within > 0, (between, within)
    finally:
        context.close()


def test_the_home_page_shows_where_the_reader_left_off_once_they_have_begun(page, repo_url) -> None:
    page.goto(repo_url)
    resume = page.locator("[data-resume]")
    expect(resume).to_be_hidden()
    page.goto(repo_url + "lessons/what-is-intimacy/")
    toggle = page.locator("[data-read-toggle]")
    # Reaching the end of the lesson marks it as read; a click as well would race with that and undo it.
    toggle.scroll_into_view_if_needed()
    expect(toggle).to_have_text("Mark it as not read")
    page.goto(repo_url)
    expect(resume).to_be_visible()
    expect(resume.locator("[data-count]")).to_have_text("1 of 21 steps done")
    continue_link = resume.get_by_role("link", name="Continue")
    expect(continue_link).to_have_attribute("href", re.compile(r"quizzes/what-is-intimacy/$"))
    # It sits after the welcome, before the list of lessons.
    assert page.evaluate("""() => {
      const box = document.querySelector("[data-resume]"), lessons = document.querySelector(".closer-lessons");
      return !!(box.compareDocumentPosition(lessons) & Node.DOCUMENT_POSITION_FOLLOWING);
    }""")


TABLE_PAGES = ["get-help/", "facilitators/session-1/"]
# How many of the cells reach past either edge of the screen.
OUT_OF_VIEW = """(cells, width) => cells.filter(c => {
  const r = c.getBoundingClientRect();
  return r.left < 0 || r.right > width;
}).length"""


@pytest.mark.parametrize("path", TABLE_PAGES)
def test_tables_stack_on_a_phone_with_every_cell_in_view_under_its_heading(phone, repo_url, path) -> None:
    phone.goto(repo_url + path)
    cells = phone.locator("article td")
    expect(cells.first).to_be_visible()
    assert cells.evaluate_all(OUT_OF_VIEW, PHONE["width"]) == 0
    assert phone.locator("article table").evaluate_all("ts => ts.every(t => t.scrollWidth <= t.clientWidth)")
    # Each cell shows its column's heading above its text; the row of headings itself is out of sight.
    first = cells.first
    assert first.get_attribute("data-label") == phone.locator("article th").first.text_content()
    assert first.evaluate("c => getComputedStyle(c, '::before').display") == "block"
    assert phone.locator("article thead").first.evaluate("e => e.getBoundingClientRect().height") <= 1


def test_tables_on_a_wide_screen_stay_tables(page, repo_url) -> None:
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(repo_url + "get-help/")
    assert page.locator("article tr").first.evaluate("e => getComputedStyle(e).display") == "table-row"
    expect(page.locator("article th").first).to_be_visible()
    assert page.locator("article td").first.evaluate("c => getComputedStyle(c, '::before').content") == "none"


def test_stacked_tables_are_still_tables_to_screen_readers(browser, repo_url) -> None:
    context = browser.new_context(viewport=PHONE)
    try:
        page = context.new_page()
        page.goto(repo_url + "get-help/")
        expect(page.get_by_role("table")).to_have_count(3)
        expect(page.get_by_role("columnheader", name="How", exact=True)).to_have_count(2)
        # A cell's name is its own text: the heading shown above it is not read again.
        expect(page.get_by_role("cell", name="United States", exact=True)).to_have_count(2)
        assert not axe_violations(page, within="article")
    finally:
        context.close()
