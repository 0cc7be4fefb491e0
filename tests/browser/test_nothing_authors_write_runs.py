"""Author text is data, never code, in the browser: every page of a site whose quizzes carry attacks in every field."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hostile import expected_pages, make_hostile_project
from playwright.sync_api import expect
from serve import serve
from sitebuilder import build_project

pytestmark = pytest.mark.browser

# A payload that runs calls PWN(); the page also reports what its Content-Security-Policy blocked.
WATCH = """
window.__pwned = 0;
window.PWN = () => { window.__pwned += 1; };
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", e =>
  window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline code"}`));
"""
# Hover over and focus everything, open every <details>: handlers such as onmouseover or ontoggle would run now.
PROVOKE = """() => {
  for (const el of document.querySelectorAll("body *")) {
    for (const type of ["mouseover", "focus"]) el.dispatchEvent(new Event(type, {bubbles: true}));
  }
  for (const d of document.querySelectorAll("details")) d.open = true;
}"""


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    tmp = tmp_path_factory.mktemp("hostile-browser")
    with serve(tmp / "site") as url:
        build_project(make_hostile_project(tmp, config_extra=f"site_url: {url}\n"))
        yield url


@pytest.fixture
def watched(page):
    page.add_init_script(WATCH)
    return page


@pytest.mark.parametrize("path", [p.removesuffix("index.html") for p in expected_pages()])
def test_nothing_an_author_writes_runs(watched, hostile_url: str, path: str) -> None:
    outside: list[str] = []
    watched.on("request", lambda r: r.url.startswith((hostile_url, "data:", "blob:")) or outside.append(r.url))
    watched.goto(hostile_url + path, wait_until="load")
    watched.evaluate(PROVOKE)
    watched.wait_for_timeout(100)
    assert watched.evaluate("window.__pwned") == 0
    assert watched.evaluate("window.__cspViolations") == []
    assert outside == []
    # A quiz's way to "Clear everything" leads to this site's progress page, wherever an author's text points.
    clear = watched.locator("a[href$='#clear-everything']").evaluate_all("links => links.map(a => a.href)")
    assert all(href.startswith(hostile_url) for href in clear), clear


@pytest.mark.parametrize("n", [4, 5, 6])
def test_quizzes_with_clobbering_text_still_work(watched, hostile_url: str, n: int) -> None:
    watched.goto(f"{hostile_url}quizzes/check-{n}/")
    question = watched.locator("[data-question=pick]")
    question.locator("input").first.check()
    question.get_by_role("button", name="Check").click()
    expect(question.locator(".quiz-feedback")).to_contain_text("Correct")
