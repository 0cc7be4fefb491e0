"""A course just made with `closer new`, before its author has written a word: axe finds nothing, nothing is blocked."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from build_site import build_site
from serve import serve
from test_every_page import WATCH_CSP, axe_violations

from mkdocs_closer.compact_html import compacted
from mkdocs_closer.newcourse import create_course
from mkdocs_closer.newcourse.article import read_article

pytestmark = pytest.mark.browser

ARTICLE = Path(__file__).resolve().parents[1] / "fixtures" / "articles" / "headings.txt"
SLUGS = [section.slug for section in read_article(ARTICLE.read_text(encoding="utf-8")).sections]
PAGES = sorted(["", "404.html", "about/", "facilitators/answer-key/", "facilitators/links/", "journal/", "progress/",
                *(f"{part}/{slug}/" for part in ("lessons", "quizzes") for slug in SLUGS)])


@pytest.fixture(scope="module")
def new_course(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """The course `closer new` makes of an article, built as it comes (placeholders and all) and served."""
    tmp = tmp_path_factory.mktemp("new-course")
    create_course(tmp / "course", ARTICLE)
    site = build_site(tmp / "course" / "mkdocs.yml", tmp / "site", strict=False)[0]
    with serve(site) as url:
        yield site, url


def test_every_page_of_a_new_course_is_checked(new_course: tuple[Path, str]) -> None:
    site = new_course[0]
    assert sorted(p.relative_to(site).as_posix().removesuffix("index.html") for p in site.rglob("*.html")) == PAGES


def test_a_new_course_sends_its_pages_compacted(new_course: tuple[Path, str]) -> None:
    pages = [page.read_text(encoding="utf-8") for page in new_course[0].rglob("*.html")]
    assert len(pages) == len(PAGES) and all(compacted(page) == page for page in pages)


@pytest.mark.parametrize("path", PAGES, ids=lambda path: path or "home")
def test_every_page_of_a_new_course_passes_axe_under_its_policy(browser, new_course: tuple[Path, str],
                                                                path: str) -> None:
    # The engine mends Material's markup and writes the policy itself: a course has none of this course's hooks.
    page = browser.new_page()
    page.add_init_script(WATCH_CSP)
    try:
        page.goto(new_course[1] + path, wait_until="load")
        page.wait_for_timeout(100)
        violations = axe_violations(page)
        blocked = page.evaluate("window.__cspViolations")
        policies = page.locator('meta[http-equiv="Content-Security-Policy"]').count()
    finally:
        page.close()
    assert not violations, json.dumps(violations, indent=1)
    assert (policies, blocked) == (1, [])
