"""Browser fixtures: built sites served on 127.0.0.1 and Debian's Chromium driven by Playwright."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from checkers import CHROMIUM, CHROMIUM_ARGS, MINIBROWSER_GLOB, WEBKIT_DRIVER, XVFB
from mkdocs.utils.yaml import yaml_load
from playwright.sync_api import expect
from serve import serve
from sitebuilder import ROOT, build_project, make_project


def _fixture_settings(url: str) -> str:
    """Settings appended to the fixture project's mkdocs.yml (a repeated key replaces the earlier one)."""
    with (ROOT / "mkdocs.yml").open(encoding="utf-8") as f:
        palette = yaml_load(f)["theme"]["palette"]
    # The course's own palettes, so the light and dark schemes are the ones readers get.
    theme = {
        "name": "material",
        "custom_dir": (ROOT / "overrides").as_posix(),
        "font": False,
        "features": ["navigation.instant", "navigation.footer"],
        "palette": palette,
    }
    # Material's instant navigation only follows links listed in sitemap.xml, port included.
    return f"site_url: {url}\ntheme: {json.dumps(theme)}\n"


@pytest.fixture(scope="session")
def fixture_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """The throw-away project with the fixture quizzes (`check-one`, `assess-two`), built and served."""
    tmp = tmp_path_factory.mktemp("fixture-project")
    with serve(tmp / "site") as url:
        site = build_project(make_project(tmp, config_extra=_fixture_settings(url)))
        assert site == tmp / "site"
        yield site, url


@pytest.fixture(scope="session")
def fixture_site(fixture_server: tuple[Path, str]) -> Path:
    """Folder of the built fixture site."""
    return fixture_server[0]


@pytest.fixture(scope="session")
def fixture_url(fixture_server: tuple[Path, str]) -> str:
    """Base URL (ending in /) of the fixture site."""
    return fixture_server[1]


@pytest.fixture(scope="session")
def repo_url(repo_site: Path, site_prefix: str) -> Iterator[str]:
    """Base URL (ending in /) of the real course site, served under its published path as GitHub Pages does."""
    with serve(repo_site, site_prefix) as url:
        yield url


@pytest.fixture(scope="session")
def broken_url(broken_site: Path) -> Iterator[str]:
    """Base URL of the site whose `broken/` page each gate must reject."""
    with serve(broken_site) as url:
        yield url


def missing(what: str) -> None:
    """Skip a test whose browser is not installed; fail it on CI, where a skipped test would be a missing one."""
    if os.environ.get("CI") == "true":
        pytest.fail(what)
    pytest.skip(what)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's Chromium, headless; skipped (or failed on CI) when it is not installed."""
    if not CHROMIUM.exists():
        missing(f"{CHROMIUM} is missing (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@contextlib.contextmanager
def virtual_display() -> Iterator[str]:
    """A display of its own (Xvfb) for a browser that needs one; yield its name, such as `:1`."""
    read, write = os.pipe()
    # Xvfb picks a free display and writes its number to `write` once it accepts connections.
    xvfb = subprocess.Popen([str(XVFB), "-displayfd", str(write), "-nolisten", "tcp", "-screen", "0", "1280x1024x24"],
                            pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    try:
        with os.fdopen(read) as started:
            number = started.readline().strip()
        if not number.isdigit():
            pytest.fail(f"Xvfb did not start (exit code {xvfb.poll()})")
        yield f":{number}"
    finally:
        xvfb.terminate()
        xvfb.wait()


@pytest.fixture(scope="session")
def webkit() -> Iterator[object]:
    """WebKitGTK's MiniBrowser, Safari's engine, over WebDriver; skipped (or failed on CI) when it is not installed."""
    minibrowser = next(Path("/").glob(MINIBROWSER_GLOB), None)
    if not (WEBKIT_DRIVER.exists() and XVFB.exists() and minibrowser):
        missing("WebKitGTK's WebDriver or Xvfb is missing (apt-get install webkit2gtk-driver xvfb)")
    from selenium import webdriver
    from selenium.webdriver.webkitgtk.service import Service

    options = webdriver.WebKitGTKOptions()
    options.binary_location = str(minibrowser)
    options.add_argument("--automation")
    with virtual_display() as display:
        # As Chromium runs with `--no-sandbox`: a container has no user namespaces for WebKit's sandbox, and the
        # pages are the tests' own.
        env = {**os.environ, "DISPLAY": display, "WEBKIT_DISABLE_SANDBOX_THIS_IS_DANGEROUS": "1"}
        driver = webdriver.WebKitGTK(options=options, service=Service(str(WEBKIT_DRIVER), env=env))
        try:
            yield driver
        finally:
            driver.quit()


@pytest.fixture
def context(browser):
    """A fresh browser context (empty localStorage) per test."""
    ctx = browser.new_context()
    ctx.set_default_timeout(5000)
    yield ctx
    ctx.close()


@pytest.fixture
def page(context):
    """A page that fails the test on any uncaught JavaScript error."""
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield page
    assert not errors, f"JavaScript errors: {errors}"


@pytest.fixture
def two_tabs(context, quiz_url):
    """The module's quiz (`quiz_url`) open in two tabs of one browser, both loaded, the first in front."""
    tabs = [context.new_page(), context.new_page()]
    errors: list[str] = []
    for tab in tabs:
        tab.on("pageerror", lambda exc: errors.append(str(exc)))
        tab.goto(quiz_url)
        expect(tab.locator("form.quiz[data-quiz-ready]")).to_have_count(1)
    # Chromium takes about 2 s to deliver a click to a tab behind another, at times longer than the 5 s timeout:
    # a test brings a tab to the front before it acts there, as a reader switching tabs does.
    tabs[0].bring_to_front()
    yield tabs
    assert not errors, f"JavaScript errors: {errors}"
