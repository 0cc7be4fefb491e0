"""The course in WebKit, the engine of Safari and of every browser on an iPhone: quizzes answer, save and score there,
pages fit a narrow window, and the quick exit leaves for good.

The other browser tests drive Chromium; these drive WebKitGTK's MiniBrowser through WebDriver, whose window cannot be
made as narrow as a phone's (GTK keeps it some 450 px wide): the narrowest it allows stands in for one.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait
from serve import serve
from sitebuilder import build_project, make_project

pytestmark = pytest.mark.browser

READY = "form.quiz[data-quiz-ready]"


def open_page(webkit, url: str, ready: str | None = None) -> None:
    """Go to `url` and wait until the page's scripts have started: the root's class, and the element `ready`."""
    webkit.get(url)
    wait = WebDriverWait(webkit, 10)
    wait.until(lambda driver: driver.execute_script("return document.readyState") == "complete")
    assert webkit.execute_script("return document.documentElement.className").split()[-1] == "js"
    if ready:
        wait.until(lambda driver: driver.find_elements(By.CSS_SELECTOR, ready))


def tap(webkit, element) -> None:
    """Click `element` as a reader taps it, once scrolled into view (a choice's input covers its whole card)."""
    webkit.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    element.click()


@pytest.fixture
def fresh(webkit, repo_url: str):
    """The WebKit browser on the course, with nothing saved, at the narrowest width its window takes."""
    webkit.set_window_size(360, 800)
    webkit.get(repo_url)
    webkit.execute_script("localStorage.clear()")
    return webkit


def test_a_knowledge_check_answers_and_keeps_its_answers(fresh, repo_url: str) -> None:
    open_page(fresh, f"{repo_url}quizzes/safe-harbour/", READY)
    question = fresh.find_elements(By.CSS_SELECTOR, "fieldset.quiz-question[data-question]")[0]
    tap(fresh, question.find_element(By.CSS_SELECTOR, "input[data-correct]"))
    tap(fresh, question.find_element(By.CSS_SELECTOR, "[data-action=check]"))
    WebDriverWait(fresh, 5).until(lambda _: "Correct." in question.find_element(By.CSS_SELECTOR, ".quiz-feedback").text)

    open_page(fresh, f"{repo_url}quizzes/safe-harbour/", READY)  # opened again: the answer comes back
    question = fresh.find_elements(By.CSS_SELECTOR, "fieldset.quiz-question[data-question]")[0]
    assert question.find_element(By.CSS_SELECTOR, "input[data-correct]").is_selected()
    assert "Correct." in question.find_element(By.CSS_SELECTOR, ".quiz-feedback").text

    # My progress reads what the quiz page saved.
    open_page(fresh, f"{repo_url}progress/", "[data-count]")
    state = fresh.find_element(By.CSS_SELECTOR, "[data-quiz=safe-harbour] [data-step-state]")
    assert state.text == "In progress"


def test_a_self_assessment_gives_its_results(fresh, repo_url: str) -> None:
    open_page(fresh, f"{repo_url}quizzes/feeling-safe/", READY)
    items = fresh.find_elements(By.CSS_SELECTOR, "fieldset.quiz-item[data-item]")
    assert len(items) > 5
    for item in items:
        # The middle of five points: 3 whether the statement is scored as written or reversed.
        tap(fresh, item.find_elements(By.CSS_SELECTOR, "input")[2])
    tap(fresh, fresh.find_element(By.CSS_SELECTOR, "[data-action=results]"))
    results = fresh.find_element(By.CSS_SELECTOR, "[data-results-body]")
    WebDriverWait(fresh, 5).until(lambda _: results.is_displayed())
    assert "3.0 (from 1.0 to 5.0)" in results.text


@pytest.mark.parametrize("path", ["", "lessons/safe-harbour/", "quizzes/safe-harbour/", "quizzes/feeling-safe/"])
def test_a_page_fits_the_narrowest_window(fresh, repo_url: str, path: str) -> None:
    open_page(fresh, repo_url + path)
    width, scrolled = fresh.execute_script("return [innerWidth, document.documentElement.scrollWidth]")
    assert width < 500 and scrolled <= width, (width, scrolled)


@pytest.fixture(scope="module")
def leaving_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """The small test course, whose quick exit leaves for a page served here: the tests reach no other site.

    Yield the course's address and the exit's.
    """
    tmp = tmp_path_factory.mktemp("webkit-exit")
    (tmp / "weather").mkdir()
    (tmp / "weather" / "index.html").write_text("<!doctype html><title>Weather</title><p>Sunny.", encoding="utf-8")
    with serve(tmp / "weather") as weather, serve(tmp / "site") as url:
        options = f"{{facilitators: {{enabled: false}}, reader: {{quick_exit: '{weather}'}}}}"
        assert build_project(make_project(tmp, closer=options)) == tmp / "site"
        yield url, weather


@pytest.mark.parametrize("how", ["press", "escape-twice"])
def test_leaving_replaces_the_page_so_back_does_not_return(fresh, leaving_site: tuple[str, str], how: str) -> None:
    url, weather = leaving_site
    fresh.get(url)
    open_page(fresh, f"{url}lessons/one/")
    if how == "press":
        tap(fresh, fresh.find_element(By.CSS_SELECTOR, "[data-closer-exit]"))
    else:
        ActionChains(fresh).send_keys(Keys.ESCAPE).send_keys(Keys.ESCAPE).perform()
    WebDriverWait(fresh, 5).until(lambda driver: driver.current_url == weather)
    fresh.back()
    WebDriverWait(fresh, 5).until(lambda driver: driver.current_url != weather)
    assert fresh.current_url == url, "Back skips the page the reader left"
