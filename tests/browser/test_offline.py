"""The offline workshop bundle, unzipped and opened from file:// as a participant would, with no web server."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator

import pytest
from offline_bundle import offline_bundle
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

WATCH_CSP = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", e =>
  window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline code"}`));
"""


@pytest.fixture(scope="module")
def offline_home(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The file:// address of the unzipped bundle's home page."""
    tmp = tmp_path_factory.mktemp("offline")
    archive = offline_bundle(tmp / "closer-offline.zip")
    with zipfile.ZipFile(archive) as bundle:
        bundle.extractall(tmp / "unzipped")
    home = tmp / "unzipped" / "closer-offline" / "index.html"
    assert home.is_file()
    return home.as_uri()


@pytest.fixture
def watched(browser) -> Iterator[tuple[object, list[str]]]:
    """A page that records every request that is not for a file, every script error and CSP violation."""
    context = browser.new_context()
    context.add_init_script(WATCH_CSP)
    problems: list[str] = []
    context.on("request", lambda r: r.url.startswith("file://") or problems.append(f"request: {r.url}"))
    page = context.new_page()
    page.on("pageerror", lambda exc: problems.append(f"script error: {exc}"))
    page.on("console", lambda m: "Content Security Policy" in m.text and problems.append(f"console: {m.text}"))
    yield page, problems
    context.close()


def test_pages_navigate_and_search_works_from_files(watched, offline_home: str) -> None:
    page, problems = watched
    page.goto(offline_home)
    page.click("nav.md-nav--primary a[href$='lessons/listening.html']")
    expect(page).to_have_url(offline_home.replace("index.html", "lessons/listening.html"))
    expect(page.locator("article h1")).to_contain_text("Listening")
    page.locator(".md-search__input").click()
    page.locator(".md-search__input").type("responsive")
    results = page.locator(".md-search-result__item")
    expect(results.first).to_be_visible(timeout=10000)
    expect(results.first).to_contain_text("responsive", ignore_case=True)
    results.first.locator("a").first.click()
    expect(page).to_have_url(re.compile(re.escape(offline_home.removesuffix("index.html")) + r".+\.html"))
    assert page.evaluate("window.__cspViolations") == []
    assert not problems, problems


def test_a_quiz_is_answered_and_remembered_from_files(watched, offline_home: str) -> None:
    page, problems = watched
    quiz = offline_home.replace("index.html", "quizzes/what-is-intimacy.html")
    page.goto(quiz)
    question = page.locator(".quiz-question").first
    question.locator("input[data-correct]").check()
    question.locator("[data-action=check]").click()
    expect(question.locator(".quiz-feedback")).to_contain_text("Correct.")
    page.reload()
    expect(page.locator(".quiz-question").first.locator(".quiz-feedback")).to_contain_text("Correct.")
    expect(page.locator(".quiz-question").first.locator("input[data-correct]")).to_be_checked()
    assert page.evaluate("Object.keys(localStorage).some(k => k.includes('what-is-intimacy'))")
    assert page.evaluate("window.__cspViolations") == []
    assert not problems, problems


def test_link_sheets_keep_the_published_addresses(watched, offline_home: str) -> None:
    page, problems = watched
    page.goto(offline_home.replace("index.html", "facilitators/links.html"))
    expect(page.locator(".link-sheet__url").first).to_have_text(
        "https://closer-course.github.io/closer/lessons/what-is-intimacy/")
    page.click(".link-sheet__title a >> nth=0")
    expect(page).to_have_url(offline_home.replace("index.html", "lessons/what-is-intimacy.html"))
    assert not problems, problems


def test_navigation_marks_what_is_done_from_files(watched, offline_home: str) -> None:
    page, problems = watched
    page.goto(offline_home)
    page.evaluate("""() => {
        localStorage.setItem("closer:quiz:what-is-intimacy", JSON.stringify(
            {version: 1, answers: {"core-of-intimacy": ["responsive-reply"]}, checked: ["core-of-intimacy"],
             result: {correct: 7, total: 7, done: true}}));
        localStorage.setItem("closer:lessons", JSON.stringify({version: 1, read: ["lessons/listening.md"]}));
    }""")
    page.goto(offline_home.replace("index.html", "lessons/what-is-intimacy.html"))  # its quiz in the navigation
    nav = page.locator("nav.md-nav--primary")
    expect(nav.locator("a[href$='quizzes/what-is-intimacy.html'] .closer-done")).to_have_count(1)
    # Links between lessons are relative to the lesson shown.
    expect(nav.locator("a[href='listening.html'] .closer-done")).to_have_count(1)
    expect(nav.locator("a[href='opening-up.html']")).to_have_count(1)
    expect(nav.locator("a[href='opening-up.html'] .closer-done")).to_have_count(0)
    assert not problems, problems
