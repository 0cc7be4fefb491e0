"""The palette is set before the first paint, as Material's bundle then sets it: the reader's system or saved choice."""

from __future__ import annotations

import pytest
from bundle_writes import BUNDLE, RECORDER
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

LESSON = "lessons/one/"
# Records each write of Material's bundle to the body's palette attributes and the palette toggles' visibility, and
# which of them changed a value.
WATCH_BUNDLE = RECORDER + r"""
const setAttribute = Element.prototype.setAttribute;
Element.prototype.setAttribute = function (name, value) {
  if (this === document.body && name.startsWith("data-md-color-") && fromBundle())
    note(name, this.getAttribute(name), String(value));
  return setAttribute.call(this, name, value);
};
const hidden = Object.getOwnPropertyDescriptor(HTMLElement.prototype, "hidden");
Object.defineProperty(HTMLElement.prototype, "hidden", { ...hidden, set(value) {
  if (this.matches("[data-md-component=palette] label") && fromBundle())
    note(`hidden ${this.htmlFor}`, this.hidden, value);
  hidden.set.call(this, value);
} });
"""
SYSTEM = {"light": ("default", "(prefers-color-scheme: light)"), "dark": ("slate", "(prefers-color-scheme: dark)")}


def shown_toggle(page) -> str:
    """The `for` of the one palette toggle the header shows."""
    labels = page.locator("[data-md-component=palette] label:not([hidden])")
    expect(labels).to_have_count(1)
    return labels.get_attribute("for")


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
        chosen = page.locator(f"[data-md-component=palette] input[data-md-color-media='{media}']").get_attribute("id")
        # The one toggle shown is the one next to the chosen palette, which switches to the other.
        assert shown_toggle(page) == page.locator(f"#{chosen} + label").get_attribute("for")
    finally:
        context.close()


@pytest.mark.parametrize("visit", ["light system", "dark system", "saved choice"])
def test_materials_bundle_finds_the_palette_already_set(browser, fixture_url, visit):
    context = browser.new_context(color_scheme="dark" if visit == "dark system" else "light")
    try:
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        if visit == "saved choice":
            page.goto(fixture_url + LESSON)
            toggle = shown_toggle(page)
            page.locator(f"label[for={toggle}]").click()
            expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
        page.add_init_script(WATCH_BUNDLE)
        page.goto(fixture_url + LESSON)
        page.wait_for_function("!document.body.hasAttribute('data-md-color-switching')")
        writes = page.evaluate("window.__bundleWrites")
        assert writes["all"] >= 4, writes  # the bundle did set the palette, to the values already there
        assert writes["changed"] == []
        expected = "default" if visit == "light system" else "slate"
        expect(page.locator("body")).to_have_attribute("data-md-color-scheme", expected)
        assert errors == []
    finally:
        context.close()
