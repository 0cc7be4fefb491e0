"""Pages sent without the theme's indentation look and read exactly as the theme wrote them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from build_site import build_site
from mkdocs.utils.yaml import yaml_load
from serve import serve
from sitebuilder import ROOT

from mkdocs_closer.compact_html import compacted

pytestmark = pytest.mark.browser

# Each kind of page, and the ones with the most code (the authors' guide) and pictures (a link sheet's QR codes).
PAGES = ("", "lessons/safe-harbour/", "quizzes/safe-harbour/", "quizzes/feeling-safe/", "journal/", "glossary/",
         "facilitators/links/session-1/", "authoring/", "404.html")
# Every element's box and the page's text as rendered, outside the search dialog (whose text changes once its index
# has loaded, sooner or later).
LAYOUT = """async () => {
  // Transitions (the header's, after a resize) end first; one cancelled by another rejects.
  const running = () => document.getAnimations().filter((a) => a.playState === "running");
  while (running().length) await Promise.all(running().map((a) => a.finished.catch(() => {})));
  const boxes = [...document.querySelectorAll("body *")].filter((e) => !e.closest(".md-search"))
    .map((e) => [e.tagName, e.className, ...Object.values(e.getBoundingClientRect().toJSON())]);
  const search = document.querySelector(".md-search");
  search.style.display = "none";
  const text = document.body.innerText;
  search.style.display = "";
  return [text, boxes];
}"""


@pytest.fixture(scope="module")
def uncompacted(tmp_path_factory: pytest.TempPathFactory, site_prefix: str) -> Iterator[tuple[Path, str]]:
    """The course built with its pages left as the theme wrote them, and its URL, served as the course is."""
    plugins = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["plugins"]
    options = next(plugin["closer"] for plugin in plugins if isinstance(plugin, dict) and "closer" in plugin)
    assert options["compact_html"] is True
    options["compact_html"] = False
    tmp = tmp_path_factory.mktemp("uncompacted")
    site = build_site(ROOT / "mkdocs.yml", tmp / "site", plugins=plugins)[0]
    with serve(site, site_prefix) as url:
        yield site, url


def layouts(browser, url: str) -> list[object]:
    """Return the text and every element's box of the page at `url` once it has settled, on a phone, then wider."""
    context = browser.new_context(viewport={"width": 360, "height": 800})
    try:
        page = context.new_page()
        page.goto(url, wait_until="load")
        phone = page.evaluate(LAYOUT)
        page.set_viewport_size({"width": 1280, "height": 800})
        return [phone, page.evaluate(LAYOUT)]
    finally:
        context.close()


@pytest.mark.parametrize("path", PAGES)
def test_a_compacted_page_moves_nothing(browser, repo_url: str, repo_site: Path, uncompacted: tuple[Path, str],
                                        path: str) -> None:
    file = path if path.endswith(".html") else path + "index.html"
    sent, written = ((site / file).read_text(encoding="utf-8") for site in (repo_site, uncompacted[0]))
    assert sent == compacted(written) != written
    assert layouts(browser, repo_url + path) == layouts(browser, uncompacted[1] + path)
