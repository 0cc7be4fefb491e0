"""The quick exit: on every page in the first screen, with and without scripts; one press or Esc twice leaves the
site for good (Back does not return), and nothing but the navigation itself leaves the browser."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect
from test_every_page import PAGES

pytestmark = pytest.mark.browser

EXIT = "https://weather.com/"  # the default destination, which the course keeps
# The narrowest phone that WCAG's reflow asks a page to fit, where the header has the least room.
SCREENS = {"phone": {"width": 320, "height": 640}, "desktop": {"width": 1280, "height": 800}}


@pytest.fixture(scope="module", params=["phone", "phone-no-script", "desktop"])
def screen(browser, request):
    """One browser context per screen, shared by every page of this module."""
    context = browser.new_context(viewport=SCREENS[request.param.split("-")[0]],
                                  java_script_enabled="no-script" not in request.param)
    context.set_default_timeout(5000)
    yield context.new_page()
    context.close()


@pytest.fixture
def leaving(browser, repo_url: str):
    """A lesson opened after the home page, every request from then on recorded, the exit's site answered here."""
    context = browser.new_context(viewport=SCREENS["phone"])
    context.set_default_timeout(5000)
    page = context.new_page()
    requests: list[tuple[str, str | None]] = []
    page.on("request", lambda r: requests.append((r.url, r.headers.get("referer"))))
    page.route(f"{EXIT}**", lambda route: route.fulfill(content_type="text/html", body="<title>Weather</title>"))
    page.goto(repo_url)
    page.goto(f"{repo_url}lessons/listening/")
    requests.clear()
    yield page, requests
    context.close()


@pytest.mark.parametrize("path", PAGES, ids=lambda path: path or "home")
def test_the_quick_exit_is_in_the_first_screen_of_every_page(screen, repo_url: str, path: str) -> None:
    screen.goto(repo_url + path)
    link = screen.get_by_role("link", name="Leave this site", exact=True)
    expect(link).to_be_visible()
    assert link.get_attribute("href") == EXIT and "noreferrer" in link.get_attribute("rel")
    box, view = link.bounding_box(), screen.viewport_size
    assert box and 0 <= box["x"] and box["x"] + box["width"] <= view["width"] and box["y"] + box["height"] <= 60
    assert box["height"] >= 24 and box["width"] >= 44, "a target a finger can find"


@pytest.mark.parametrize("how", ["press", "escape-twice"])
def test_leaving_replaces_the_page_so_back_does_not_return(leaving, repo_url: str, how: str) -> None:
    page, requests = leaving
    if how == "press":
        page.get_by_role("link", name="Leave this site").click()
    else:
        page.keyboard.press("Escape")
        page.keyboard.press("Escape")
    page.wait_for_url(EXIT)
    elsewhere = [(url, referrer) for url, referrer in requests if not url.startswith(repo_url)]
    assert elsewhere[0] == (EXIT, None), "the navigation does not say where the reader was"
    assert all(url.startswith(EXIT) for url, _ in elsewhere), "nothing goes anywhere else"
    page.go_back()
    assert page.url == repo_url, "Back skips the page the reader left"


def test_one_escape_or_two_far_apart_stay(leaving, repo_url: str) -> None:
    page, requests = leaving
    page.keyboard.press("Escape")
    page.wait_for_timeout(1200)
    page.keyboard.press("Escape")
    page.wait_for_timeout(300)
    assert page.url == f"{repo_url}lessons/listening/"
    assert [url for url, _ in requests if not url.startswith(repo_url)] == []


def test_the_quick_exit_is_a_plain_link_without_scripts(browser, repo_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.route(f"{EXIT}**", lambda route: route.fulfill(content_type="text/html", body="<title>Weather</title>"))
    page.goto(f"{repo_url}lessons/listening/")
    page.get_by_role("link", name="Leave this site").click()
    page.wait_for_url(EXIT)
    context.close()
