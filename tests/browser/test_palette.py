"""The palette: set before the first paint (the reader's saved or system choice), switched by the header's toggles."""

from __future__ import annotations

import json

import pytest
from bundle_writes import BUNDLE
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

LESSON = "lessons/one/"
SYSTEM = {"light": ("default", "(prefers-color-scheme: light)"), "dark": ("slate", "(prefers-color-scheme: dark)")}
TOGGLES = "[data-closer-palette]"
# Chromium's trace records what made it restyle, with the script stack that did it.
INVALIDATIONS = ["devtools.timeline", *(f"disabled-by-default-devtools.timeline{part}"
                                         for part in ("", ".stack", ".invalidationTracking"))]


def shown_toggle(page) -> str:
    """The `for` of the one palette toggle the header shows."""
    labels = page.locator(f"{TOGGLES} label:not([hidden])")
    expect(labels).to_have_count(1)
    return labels.get_attribute("for")


def settle(page) -> None:
    """Wait until the page has loaded and closer.js's idle work has run."""
    page.wait_for_function("() => document.readyState === 'complete'")
    page.evaluate("() => new Promise((done) => requestIdleCallback(() => done()))")


def scheme_meta(page) -> str | None:
    """The content of the page's `color-scheme` <meta>, if it has one."""
    return page.evaluate("document.head.querySelector('meta[name=color-scheme]')?.content ?? null")


@pytest.mark.parametrize("system", SYSTEM)
def test_the_palette_follows_the_system_before_materials_bundle_runs(browser, fixture_url, system):
    context = browser.new_context(color_scheme=system)
    try:
        page = context.new_page()
        page.route(BUNDLE, lambda route: route.abort())  # what the reader sees until it runs
        page.goto(fixture_url + LESSON)
        body = page.locator("body")
        scheme, media = SYSTEM[system]
        expect(body).to_have_attribute("data-md-color-scheme", scheme)
        expect(body).to_have_attribute("data-md-color-media", media)
        chosen = page.locator(f"{TOGGLES} input[data-md-color-media='{media}']")
        expect(chosen).to_be_checked()
        # The one toggle shown is the one next to the chosen palette, which switches to the other.
        assert shown_toggle(page) == page.locator(f"#{chosen.get_attribute('id')} + label").get_attribute("for")
        # The browser's own parts (its scrollbars) are dark with the dark palette.
        assert scheme_meta(page) == ("dark" if system == "dark" else None)
    finally:
        context.close()


@pytest.mark.parametrize("system", SYSTEM)
def test_the_palette_costs_no_restyle_of_the_whole_page_as_it_starts(browser, fixture_url, system):
    # Material's bundle, which ran the toggles, added a `color-scheme` <meta> as it started and then wrote it: each made
    # Chromium restyle the whole page inside the bundle's longest task, though the colours stayed as they were.
    context = browser.new_context(color_scheme=system)
    try:
        page = context.new_page()
        browser.start_tracing(page=page, categories=INVALIDATIONS)
        try:
            page.goto(fixture_url + LESSON)
            settle(page)
        finally:
            events = json.loads(browser.stop_tracing())["traceEvents"]
    finally:
        context.close()
    # What changed the palette, or the colour scheme of the browser's own parts, and the script stack that did it
    found = [e["args"].get("data", {}) for e in events
             if e["name"] in ("StyleRecalcInvalidationTracking", "ScheduleStyleInvalidationTracking")]
    changes = [(data.get("reason") or data["changedAttribute"], [f["url"] for f in data.get("stackTrace") or []])
               for data in found if data.get("reason") == "PlatformColorChange"
               or str(data.get("changedAttribute")).startswith("data-md-color")]
    assert [change for change in changes if any(BUNDLE.search(url) for url in change[1])] == []
    # Only the page's own script, as it is parsed, sets a palette other than the first: closer.js then only ends its
    # hold on colour fades, once the page is painted.
    sources = sorted({(what, urls[0].removeprefix(fixture_url)) for what, urls in changes if urls})
    dark = [("PlatformColorChange", LESSON), ("data-md-color-switching", "assets/javascripts/closer.js")]
    assert sources == (dark if system == "dark" else [])


def test_a_toggle_switches_the_palette_and_the_choice_stays(page, fixture_url):
    page.goto(fixture_url + LESSON)
    body = page.locator("body")
    expect(body).to_have_attribute("data-md-color-scheme", "default")
    page.locator(f"{TOGGLES} label[for={shown_toggle(page)}]").click()
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    expect(body).not_to_have_attribute("data-md-color-switching", "")  # the colours fade again once switched
    assert shown_toggle(page) == "__palette_0"
    expect(page.locator("#__palette_1")).to_be_checked()
    # The browser's own parts follow: its scrollbars dark, its address bar the header's colour.
    page.wait_for_function("() => document.head.querySelector('meta[name=color-scheme]')?.content === 'dark'")
    header = page.evaluate("getComputedStyle(document.querySelector('header')).backgroundColor")
    assert page.evaluate("document.head.querySelector('meta[name=theme-color]').content") == header
    saved = page.evaluate("__md_get('__palette')")
    assert saved["index"] == 1 and saved["color"]["scheme"] == "slate"  # as Material's own code keeps it

    page.route(BUNDLE, lambda route: route.abort())
    page.reload()
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    assert shown_toggle(page) == "__palette_0"
    page.unroute(BUNDLE)

    page.reload()
    page.locator(f"{TOGGLES} label[for=__palette_0]").click()
    expect(body).to_have_attribute("data-md-color-scheme", "default")
    page.wait_for_function("() => document.head.querySelector('meta[name=color-scheme]')?.content === 'light'")
    assert page.evaluate("__md_get('__palette').index") == 0


def test_enter_on_the_palette_switches_it_as_material_does(page, fixture_url):
    page.goto(fixture_url + LESSON)
    body = page.locator("body")
    page.locator("#__palette_0").focus()
    page.keyboard.press("Enter")
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    expect(page.locator("#__palette_1")).to_be_focused()
    page.keyboard.press("Enter")
    expect(body).to_have_attribute("data-md-color-scheme", "default")
    expect(page.locator("#__palette_0")).to_be_focused()


def test_the_toggles_script_loads_when_the_reader_first_reaches_for_them(page, fixture_url):
    loaded: list[str] = []
    page.on("request", lambda request: request.url.endswith("/actions.js") and loaded.append(request.url))
    page.goto(fixture_url + LESSON)
    settle(page)
    assert loaded == []
    page.locator(f"{TOGGLES} label[for={shown_toggle(page)}]").click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    page.locator(f"{TOGGLES} label[for={shown_toggle(page)}]").click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "default")
    assert len(loaded) == 1
