"""End-to-end: link sheets, per-plan sheets and the answer key in built sites."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
import segno
from mkdocs.exceptions import Abort
from qr_reading import decode, path_matrix, svg_codes
from sitebuilder import ROOT, build_project, make_project, table_of_contents

from mkdocs_closer.quizcore import QUIZ_DIR, Quiz, load_quizzes

NAV = """\
nav:
  - Home: index.md
  - Lesson one: lessons/one.md
  - Lesson two: lessons/two.md
  - For facilitators:
      - Guide: facilitators/index.md
      - facilitators/session-1.md
      - facilitators/session-2.md
      - facilitators/session-10.md
      - facilitators/one-day.md
"""
PLANS = {
    "index.md": "# Guide\n\nHow to run the course.\n",
    "session-1.md": "# Session 1: Starting out\n\nRead [lesson one](../lessons/one.md), then "
    "[the first question](../quizzes/check-one.md#core-of-intimacy).\n\n"
    "Back to [lesson one](../lessons/one.md); not `[this](../lessons/two.md)`.\n",
    "session-2.md": "# Session 2: Going on\n\n[Lesson two][two], then [the self-check](../quizzes/assess-two.md).\n\n"
    "[two]: ../lessons/two.md\n",
    "session-10.md": "# Session 10: Later\n\nJust [the check](../quizzes/check-one.md).\n",
    "one-day.md": "# One day\n\n[Two](../lessons/two.md) and [one](../lessons/one.md).\n",
}
SITE_URL = "http://127.0.0.1/"


def write_plans(docs: Path, plans: dict[str, str]) -> None:
    (docs / "facilitators").mkdir(parents=True, exist_ok=True)
    for name, text in plans.items():
        (docs / "facilitators" / name).write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fixture project with a facilitators' section of four session plans and a one-day plan."""
    tmp = tmp_path_factory.mktemp("facilitators")
    config = make_project(tmp, config_extra=NAV, closer="{facilitators: {plans: [session-*, one-day]}}")
    write_plans(tmp / "docs", PLANS)
    return build_project(config)


def read(site: Path, page: str) -> str:
    return (site / page / "index.html").read_text(encoding="utf-8")


def article(page_html: str) -> str:
    return page_html[page_html.index("<article") : page_html.index("</article>")]


def entries(site: Path, page: str) -> list[tuple[str, str, str]]:
    """(link target, kind, printed address) of each entry of a link sheet; addresses may break after a slash."""
    found = re.findall(r'<p class="link-sheet__title"><a href="([^"]+)">.*?</a></p>\s*'
                       r'<p class="link-sheet__kind">([^<]+)</p>\s*<p class="link-sheet__url">((?:[^<]|<wbr>)+)</p>',
                       article(read(site, page)))
    return [(href, kind, html.unescape(url.replace("<wbr>", ""))) for href, kind, url in found]


def test_the_link_sheet_lists_every_lesson_and_quiz_in_navigation_order(site: Path) -> None:
    assert entries(site, "facilitators/links") == [
        ("../../lessons/one/", "Lesson", f"{SITE_URL}lessons/one/"),
        ("../../quizzes/check-one/", "Knowledge check", f"{SITE_URL}quizzes/check-one/"),
        ("../../lessons/two/", "Lesson", f"{SITE_URL}lessons/two/"),
        ("../../quizzes/assess-two/", "Self-assessment", f"{SITE_URL}quizzes/assess-two/"),
    ]
    assert "<h1 id=\"link-sheet\">Link sheet" in read(site, "facilitators/links")


def test_each_plan_gets_a_sheet_of_exactly_the_pages_it_links_to(site: Path) -> None:
    assert [url for *_, url in entries(site, "facilitators/links/session-1")] == [
        f"{SITE_URL}lessons/one/", f"{SITE_URL}quizzes/check-one/#core-of-intimacy"]
    assert [url for *_, url in entries(site, "facilitators/links/session-2")] == [
        f"{SITE_URL}lessons/two/", f"{SITE_URL}quizzes/assess-two/"]
    assert [url for *_, url in entries(site, "facilitators/links/one-day")] == [
        f"{SITE_URL}lessons/two/", f"{SITE_URL}lessons/one/"]
    sheet = article(read(site, "facilitators/links/session-1"))
    assert "Link sheet: Session 1: Starting out" in sheet and 'href="../../session-1/"' in sheet
    # A question goes by the name the page gives it, which a room can call out; its prompt is the page's to show.
    assert "Check: what intimacy is › Question 1" in html.unescape(sheet)
    assert "Which description fits" not in sheet
    assert not (site / "facilitators" / "links" / "index" / "index.html").exists(), "the guide is not a plan"


def test_sheets_follow_the_plans_in_the_facilitators_section(site: Path) -> None:
    home = read(site, "")
    nav = home[home.index('class="md-nav md-nav--primary"') :]
    order = re.findall(r'href="(facilitators/[^"]*)"', nav)
    assert order == ["facilitators/", "facilitators/session-1/", "facilitators/session-2/", "facilitators/session-10/",
                     "facilitators/one-day/", "facilitators/links/", "facilitators/links/session-1/",
                     "facilitators/links/session-2/", "facilitators/links/session-10/",
                     "facilitators/links/one-day/", "facilitators/answer-key/", "facilitators/pack/"]


def test_the_pack_has_a_page_per_session_with_codes_for_its_lessons_and_checks(site: Path) -> None:
    pack = article(read(site, "facilitators/pack"))
    sessions = re.findall(r'<section class="pack-session">(.*?)</section>', pack, re.S)
    titles = [re.search(r'<h2 id="([^"]+)">([^<]+)', session).groups() for session in sessions]  # type: ignore[union-attr]
    assert titles == [("session-1", "Session 1: Starting out"), ("session-2", "Session 2: Going on"),
                      ("session-10", "Session 10: Later")], "every session plan, in order; a one-day plan joins them"
    opened = [[html.unescape(url).removeprefix(SITE_URL) for url, *_ in svg_codes(session)] for session in sessions]
    assert opened == [["lessons/one/", "quizzes/check-one/"], ["lessons/two/", "quizzes/assess-two/"],
                      ["quizzes/check-one/"]]
    url, size, path = svg_codes(sessions[1])[1]
    assert decode(path_matrix(size, path)) == [html.unescape(url)]
    assert "Lesson one" in sessions[0] and "Lesson two" not in sessions[0], "key ideas of the lessons it covers"
    assert all('<div class="pack-lines"></div>' in session for session in sessions), "room to write"


def test_each_qr_code_encodes_exactly_its_pages_url(site: Path) -> None:
    for page in ("facilitators/links", "facilitators/links/session-1"):
        sheet = article(read(site, page))
        codes = svg_codes(sheet)
        assert [html.unescape(url) for url, *_ in codes] == [url for *_, url in entries(site, page)]
        for url, size, path in codes:
            url = html.unescape(url)
            expected = [[bool(m) for m in row] for row in segno.make_qr(url, error="m").matrix_iter(border=4)]
            assert path_matrix(size, path) == expected, url
        url, size, path = codes[-1]
        assert decode(path_matrix(size, path)) == [html.unescape(url)]


def test_copy_link_buttons_carry_the_url_and_need_scripts(site: Path) -> None:
    sheet = article(read(site, "facilitators/links"))
    # Shown only where scripts run: the head's <noscript> style hides `.quiz-js` without them.
    button = r'<button type="button" class="md-button quiz-js" data-copy="([^"]+)">Copy link</button>'
    buttons = re.findall(button, sheet)
    assert buttons == [url for *_, url in entries(site, "facilitators/links")]


def test_generated_pages_describe_themselves_uniquely(site: Path) -> None:
    pages = ["facilitators/links", "facilitators/answer-key",
             *(f"facilitators/links/{p}" for p in ("session-1", "session-2", "session-10", "one-day"))]
    descriptions = [re.search(r'<meta name="description" content="([^"]+)"', read(site, p)).group(1) for p in pages]
    assert all(50 <= len(d) <= 200 for d in descriptions), descriptions
    assert len(set(descriptions)) == len(pages)


def quizzes_of(root: Path, folder: str = QUIZ_DIR) -> list[Quiz]:
    """Load the quizzes of the project at `root`, as its build does."""
    docs = root / "docs"
    pages = {p.relative_to(docs).as_posix() for p in docs.rglob("*.md")}
    return load_quizzes(root / folder, root=root, known_pages=pages)


def test_the_answer_key_has_every_right_answer_and_explanation(site: Path) -> None:
    key = html.unescape(re.sub(r"<[^>]+>", "", article(read(site, "facilitators/answer-key"))))
    quizzes = quizzes_of(site.parent)
    checks = [q for q in quizzes if q.type == "knowledge-check"]
    assert checks
    for quiz in checks:
        for question in (q for q in quiz.questions if q.scored):
            explanation = " ".join(re.sub(r"[*_`]", "", question.explanation).split())
            assert explanation[:60] in " ".join(key.split()), question.id
            for choice in question.correct_choices:
                assert (choice.text or choice.id.capitalize()) in key, (question.id, choice.id)
    # Several right answers are a list, one per line, so answers that are whole sentences stay readable.
    assert re.search(
        r"<strong>Answers:</strong></p>\s*<ul>\s*<li>Sharing something personal</li>\s*"
        r"<li>A response that shows understanding</li>\s*</ul>",
        article(read(site, "facilitators/answer-key")),
    )
    assert "Answer: False" in key
    assert "Sharing what matters and feeling understood when you do" in key
    assert "Statement 2: I keep my worries to myself to spare my partner." in key
    assert "(6 minus the number chosen)" in key
    assert "1.0–2.4: Room to grow" in key and "Some things stay tucked away." in key
    assert "Spending most of your free time in each other's company" not in key, "wrong choices are not listed"
    # Numbered as the quiz page numbers them: "Reflection 1".
    listed = article(read(site, "facilitators/answer-key"))
    assert re.search(r"<ol>\s*<li>When did you last feel really understood", listed)


def test_the_answer_keys_table_of_contents_lists_its_quizzes(site: Path) -> None:
    assert table_of_contents(read(site, "facilitators/answer-key")) == [
        quiz.title for quiz in quizzes_of(site.parent)]


def test_the_answer_key_is_out_of_search(site: Path) -> None:
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [doc for doc in index["docs"] if doc["location"].startswith("facilitators/answer-key/")]
    text = html.unescape(" ".join(doc["title"] + " " + doc["text"] for doc in index["docs"]))
    assert "Disclosure and a responsive reply both matter." not in text
    assert "Answer key" not in text
    assert "Link sheet" in text, "the other generated pages are searchable"


def test_the_answer_key_strips_scripts_from_quiz_text(tmp_path: Path) -> None:
    evil = """\
    title: Evil
    type: knowledge-check
    lesson: lessons/one.md
    questions:
      - id: q
        type: true-false
        prompt: 'Hi <img src="x.png" alt="x" onerror="alert(1)">'
        answer: true
        explanation: '<script>alert(2)</script>Because.'
    """
    config = make_project(tmp_path, {"evil.yml": evil}, fixture_quizzes=False, closer="{}")
    key = article(read(build_project(config), "facilitators/answer-key")).lower()
    assert "because." in key and "alert(" not in key and "onerror" not in key


def test_without_a_facilitators_section_the_pages_get_one_at_the_end(tmp_path: Path) -> None:
    config = make_project(tmp_path, closer="{}")
    site = build_project(config)
    home = read(site, "")
    nav = home[home.index('class="md-nav md-nav--primary"') :]
    assert "For facilitators" in nav
    assert nav.index("lessons/two/") < nav.index("facilitators/links/") < nav.index("facilitators/answer-key/")
    assert not (site / "facilitators" / "links" / "session-1").exists()
    assert not (site / "facilitators" / "pack").exists(), "a pack without sessions would be empty"
    assert "facilitators/pack/" not in nav


def test_link_sheets_need_the_sites_address(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    config = make_project(tmp_path, config_extra="site_url: ''\n", closer="{}")
    with pytest.raises(Abort, match="BuildError"):
        build_project(config)
    assert "set `site_url` in mkdocs.yml" in caplog.text


def test_the_answer_key_reads_the_quizzes_of_the_sites_own_folder(tmp_path: Path) -> None:
    config = make_project(tmp_path, closer="{quizzes: {dir: elsewhere}}")
    (tmp_path / "quizzes").rename(tmp_path / "elsewhere")
    key = article(read(build_project(config), "facilitators/answer-key"))
    assert [q.title for q in quizzes_of(tmp_path, "elsewhere") if q.type == "knowledge-check"]
    for quiz in quizzes_of(tmp_path, "elsewhere"):
        assert html.escape(quiz.title, quote=False) in key


def test_the_course_link_sheet_lists_every_lesson_and_quiz(repo_site: Path, site_prefix: str) -> None:
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    lessons = [p for section in config.nav if isinstance(section, dict) and "Lessons" in section
               for p in (next(iter(e.values())) for e in section["Lessons"])]
    quizzes = quizzes_of(ROOT)
    urls = [url for *_, url in entries(repo_site, "facilitators/links")]
    site_url = config.site_url
    expected = {site_url + p.removesuffix(".md") + "/" for p in lessons}
    expected |= {f"{site_url}quizzes/{q.id}/" for q in quizzes}
    assert set(urls) == expected and len(urls) == len(expected)
    assert urls[0] == f"{site_url}lessons/what-is-intimacy/"
    for url, size, path in svg_codes(article(read(repo_site, "facilitators/links"))):
        expected_matrix = [[bool(m) for m in row] for row in segno.make_qr(url, error="m").matrix_iter(border=4)]
        assert path_matrix(size, path) == expected_matrix
    assert site_prefix in urls[0]


@pytest.mark.parametrize("number", [1, 2, 3, 4])
def test_each_course_session_hands_out_codes_ideas_and_exercises_of_its_lessons(repo_site: Path, number: int) -> None:
    from mkdocs.config import load_config

    site_url = load_config(str(ROOT / "mkdocs.yml")).site_url
    plan = (ROOT / "docs" / "facilitators" / f"session-{number}.md").read_text(encoding="utf-8")
    first = plan.split("\n# ", 1)[1].split("\n\n")[1]
    lessons = re.findall(r"\(\.\./(lessons/[\w-]+)\.md\)", first)
    checks = dict.fromkeys(re.findall(r"\(\.\./(quizzes/[\w-]+)\.md", plan))
    pack = article(read(repo_site, "facilitators/pack"))
    session = re.search(rf'<section class="pack-session">\s*<h2 id="session-{number}">.*?</section>', pack, re.S)
    assert session and len(lessons) >= 2
    codes = [html.unescape(url).removeprefix(site_url) for url, *_ in svg_codes(session[0])]
    assert sorted(codes) == sorted([f"{page}/" for page in (*lessons, *checks)])
    ideas = re.search(r'<h3 id="key-ideas[\w-]*">.*?</h3>\s*<ul>(.*?)</ul>', session[0], re.S)
    assert ideas and ideas[1].count("<li>") == len(lessons), "the key ideas of each lesson it covers"
    assert re.search(r'<h3 id="practice-[\w-]+">Practice: ', session[0]), "an exercise with its steps"
