"""The root's classes are set before the first paint, as Material's bundle sets them; without the bundle, `no-js`."""

from __future__ import annotations

import pytest
from bundle_writes import BUNDLE, RECORDER
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PAGES = ["lessons/one/", "quizzes/check-one/"]
# Records each write of Material's bundle to the root's classes, and which of them changed the class attribute.
WATCH_BUNDLE = RECORDER + r"""
const root = () => document.documentElement;
for (const name of ["add", "remove", "toggle", "replace"]) {
  const method = DOMTokenList.prototype[name];
  DOMTokenList.prototype[name] = function (...tokens) {
    const watched = this === root().classList && fromBundle();
    const before = root().getAttribute("class");
    const result = method.apply(this, tokens);
    if (watched) note(`${name}(${tokens})`, before, root().getAttribute("class"));
    return result;
  };
}
"""


@pytest.mark.parametrize("path", PAGES)
def test_materials_bundle_finds_the_root_classes_already_set(page, fixture_url, path):
    page.add_init_script(WATCH_BUNDLE)
    page.goto(fixture_url + path)
    page.wait_for_function("window.document$ !== undefined")
    writes = page.evaluate("window.__bundleWrites")
    # The bundle did set them (its focus-visible polyfill, then `no-js` out and `js` in), to the classes already there.
    assert writes["all"] >= 3, writes
    assert writes["changed"] == []
    assert sorted(page.evaluate("[...document.documentElement.classList]")) == ["js", "js-focus-visible"]


@pytest.mark.parametrize("path", PAGES)
def test_a_page_whose_bundle_failed_is_styled_as_without_scripts(page, fixture_url, path):
    page.route(BUNDLE, lambda route: route.abort())
    page.goto(fixture_url + path)
    assert page.evaluate("[...document.documentElement.classList]") == ["no-js"]
    # Material's styles for pages without scripts hide the search, which could not work.
    expect(page.locator(".md-header__button[for=__search]")).to_be_hidden()
    expect(page.locator(".md-search")).to_be_hidden()


def test_without_scripts_the_root_keeps_no_js(browser, fixture_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(fixture_url + PAGES[0])
        assert page.evaluate("document.documentElement.className") == "no-js"
    finally:
        context.close()
