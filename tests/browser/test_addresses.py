"""Every relative address is made absolute as the parser adds it, as instant navigation's bundle then finds it."""

from __future__ import annotations

import re

import pytest
from bundle_writes import RECORDER

pytestmark = pytest.mark.browser

# An `href` or `src` that is neither a full address nor one that starts with `//`.
RELATIVE = re.compile(r'\s(?:href|src)="(?![a-z]+:|//)[^"]')
PAGES = ["", "lessons/one/", "quizzes/check-one/", "quizzes/assess-two/"]
# Records each write of Material's bundle to an element's `href` or `src`, and which of them changed the attribute.
WATCH_BUNDLE = RECORDER + r"""
const owners = {
  href: [HTMLAnchorElement, HTMLAreaElement, HTMLLinkElement],
  src: [HTMLScriptElement, HTMLImageElement, HTMLIFrameElement, HTMLSourceElement, HTMLMediaElement],
};
for (const [name, kinds] of Object.entries(owners))
  for (const kind of kinds) {
    const property = Object.getOwnPropertyDescriptor(kind.prototype, name);
    Object.defineProperty(kind.prototype, name, { ...property, set(value) {
      const watched = fromBundle(), before = this.getAttribute(name);
      property.set.call(this, value);
      if (watched) note(`${this.localName}.${name}`, before, this.getAttribute(name));
    } });
  }
"""


@pytest.mark.parametrize("path", PAGES)
def test_materials_bundle_finds_every_address_already_absolute(page, fixture_url, path):
    page.add_init_script(WATCH_BUNDLE)
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(fixture_url + path)
    page.wait_for_function("window.document$ !== undefined")
    page.wait_for_load_state("load")
    # The page as sent has relative addresses (its stylesheets, its links), for the bundle to make absolute.
    assert len(RELATIVE.findall(page.request.get(fixture_url + path).text())) >= 10
    # By the time the bundle runs, all are already absolute: it writes none.
    assert page.evaluate("window.__bundleWrites") == {"all": 0, "changed": []}
    # Made absolute while it was being fetched, no file was asked for twice.
    assert sorted(requested) == sorted(set(requested))
