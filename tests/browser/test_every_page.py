"""Every page of the real course in Chromium: no outside request, no script error, no CSP violation, no axe fault (on
a phone too, and without scripts)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.browser

# Collects the browser's reports of anything the page's Content-Security-Policy blocked.
WATCH_CSP = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", e =>
  window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline code"}`));
"""
SCHEMES = ("default", "slate")
END_FADES = """() => {
  for (let fades = document.getAnimations(); fades.length; fades = document.getAnimations()) {
    fades.forEach((fade) => fade.finish());
  }
}"""
AXE = Axe()


def axe_violations(page, within: str | None = None, schemes: tuple[str, ...] = SCHEMES) -> dict[str, list]:
    """Axe's violations on the whole page, or on the part `within` selects, in each palette (light and dark)."""
    found = {}
    page.evaluate(AXE.axe_script)
    for scheme in schemes:
        page.evaluate("s => document.body.setAttribute('data-md-color-scheme', s)", scheme)
        # Colours fade between palettes: end the fades, and judge the colours the reader ends up with. Ending a
        # parent's fade starts its children's, which inherit the colour.
        page.evaluate(END_FADES)
        violations = page.evaluate("w => axe.run(w || document, {resultTypes: ['violations']})", within)["violations"]
        found[scheme] = [{"id": v["id"], "nodes": [n["target"] for n in v["nodes"]][:5]} for v in violations]
    return {scheme: v for scheme, v in found.items() if v}


def course_pages() -> list[str]:
    """The address of every page the course builds, relative to the site, from MkDocs' list of files.

    The hooks add the quiz and facilitator pages to that list; nothing is rendered, so this is cheap enough for
    collection, and `test_every_built_page_is_checked` compares it with the built site.
    """
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files

    config = load_config(str(ROOT / "mkdocs.yml"))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        config = config.plugins.on_config(config)
        files = config.plugins.on_files(get_files(config), config=config)
    finally:
        config.plugins.on_shutdown()
    pages = [file.url.removeprefix("./") for file in files.documentation_pages()]
    return sorted([*pages, *(name for name in config.theme.static_templates if name.endswith(".html"))])


PAGES = course_pages()


def test_every_built_page_is_checked(repo_site: Path) -> None:
    built = sorted(p.relative_to(repo_site).as_posix().removesuffix("index.html") for p in repo_site.rglob("*.html"))
    assert built == PAGES
    assert len(PAGES) > 25 and any(p.startswith("quizzes/") for p in PAGES), PAGES


@pytest.fixture(scope="module")
def watched_context(browser):
    """One browser context for every page, reporting what each page's Content-Security-Policy blocked."""
    context = browser.new_context()
    context.add_init_script(WATCH_CSP)
    yield context
    context.close()


@pytest.mark.parametrize("path", PAGES, ids=lambda path: path or "home")
def test_every_page_passes_every_browser_gate(watched_context, repo_url: str, path: str) -> None:
    problems: dict[str, list[str]] = {"outside requests": [], "script errors": [], "csp": [], "axe": []}
    allowed = (repo_url, "data:", "blob:")
    page = watched_context.new_page()  # a new tab each time: nothing cached in sessionStorage hides a request
    try:
        page.on("request", lambda r: r.url.startswith(allowed) or problems["outside requests"].append(r.url))
        page.on("pageerror", lambda exc: problems["script errors"].append(str(exc)))
        page.goto(repo_url + path, wait_until="load")
        page.wait_for_timeout(100)
        problems["csp"] += page.evaluate("window.__cspViolations")
        if violations := axe_violations(page):
            problems["axe"].append(json.dumps(violations))
    finally:
        page.close()
    assert not any(problems.values()), json.dumps(problems, indent=1)


def without_scripts(route) -> None:
    """Serve a page as a browser without scripts reads it: no script element, and what `<noscript>` holds as markup.

    Axe itself needs scripts (it waits on timers, which never fire where scripts are off), so the page runs none of
    its own instead.
    """
    response = route.fetch()
    html = re.sub(r"<script\b[^>]*>.*?</script>", "", response.text(), flags=re.DOTALL)
    route.fulfill(response=response, body=re.sub(r"</?noscript>", "", html))


@pytest.fixture(scope="module", params=[True, False], ids=["scripts", "no-scripts"])
def phone_context(browser, request):
    """One phone-sized browser context for every page, which runs the pages' scripts or serves them without."""
    context = browser.new_context(viewport={"width": 360, "height": 800})
    if not request.param:
        context.route(lambda url: url.endswith("/") or url.endswith(".html"), without_scripts)
    yield context, request.param
    context.close()


@pytest.mark.parametrize("path", PAGES, ids=lambda path: path or "home")
def test_every_page_passes_axe_on_a_phone(phone_context, repo_url: str, path: str) -> None:
    # A phone lays out the header, the menu and tables otherwise, and its reader reaches the menu's switch; without
    # scripts, Material's make nothing of its markup (a wide code block is not made focusable, for one). The
    # palettes' colours are the same at every width: the light one is enough here.
    context, scripts = phone_context
    page = context.new_page()
    try:
        page.goto(repo_url + path, wait_until="load")
        page.wait_for_timeout(100)
        assert page.evaluate("document.documentElement.className").split()[-1] == ("js" if scripts else "no-js")
        violations = axe_violations(page, schemes=("default",))
    finally:
        page.close()
    assert not violations, json.dumps(violations, indent=1)


def test_quizzes_work_under_the_content_security_policy(page, repo_url: str) -> None:
    page.add_init_script(WATCH_CSP)
    page.goto(f"{repo_url}quizzes/what-is-intimacy/")
    question = page.locator(".quiz-question").first
    question.locator("input").first.check()
    question.locator("[data-action=check]").click()
    expect(question.locator(".quiz-feedback")).not_to_be_empty()
    page.goto(f"{repo_url}quizzes/how-i-open-up/")
    for item in page.locator(".quiz-item").all():
        item.locator("input").nth(2).check()
    page.click("[data-action=results]")
    expect(page.locator("#quiz-results")).to_be_visible()
    assert page.evaluate("window.__cspViolations") == []


def test_the_scripts_are_fetched_from_the_hints_once_each(page, repo_url: str) -> None:
    # The policy's <meta> element stops Chromium's preload scanner: without hints, each waits for the one before.
    page.goto(f"{repo_url}quizzes/what-is-intimacy/", wait_until="load")
    fetched = page.evaluate("""() => [...document.querySelectorAll("body script[src]")].map(script =>
        performance.getEntriesByName(script.src).map(e => [script.src.split("/").pop(), e.initiatorType]))""")
    assert [len(entries) for entries in fetched] == [1] * len(fetched), fetched
    names = [name for ((name, _),) in fetched]
    assert {"quiz.js", "storage.js", "closer.js"} <= set(names) and any(n.startswith("bundle.") for n in names)
    assert {initiator for entries in fetched for _, initiator in entries} == {"link"}, fetched


def test_the_browser_gates_reject_an_inline_script_and_a_missing_alt(page, broken_url: str) -> None:
    page.add_init_script(WATCH_CSP)
    page.goto(f"{broken_url}broken/")
    assert page.evaluate("window.__cspViolations") == ["script-src-elem blocked inline"]
    assert page.title() != "inline script ran"
    violations = axe_violations(page)
    assert {v["id"] for v in violations["default"]} == {"image-alt"}, violations


@pytest.mark.parametrize("path", ["quizzes/what-is-intimacy/", "quizzes/feeling-safe/", "progress/", "journal/"])
def test_nothing_moves_when_the_scripts_start(browser, repo_url: str, path: str) -> None:
    context = browser.new_context(viewport={"width": 412, "height": 823})  # a phone, as Lighthouse's mobile run
    try:
        page = context.new_page()
        page.goto(repo_url + path, wait_until="load")
        page.wait_for_timeout(300)
        shift = page.evaluate("""() => new Promise(done => {
            let sum = 0;  // a page without any shift reports no entries at all
            new PerformanceObserver(list => list.getEntries().forEach(e => { if (!e.hadRecentInput) sum += e.value; }))
                .observe({type: "layout-shift", buffered: true});
            setTimeout(() => done(sum), 200);
        })""")
    finally:
        context.close()
    assert shift < 0.02, f"cumulative layout shift {shift:.3f}"
