"""Author text is data, never code: every text field of a quiz, filled with attacks, on every page it reaches."""

from __future__ import annotations

from pathlib import Path

import pytest
from build_site import build_site
from hostile import built_pages, expected_pages, make_hostile_project, page_problems


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(make_hostile_project(tmp_path_factory.mktemp("hostile")))[0]


def test_the_hostile_site_builds_every_expected_page(hostile_site: Path) -> None:
    assert built_pages(hostile_site) == expected_pages()


@pytest.mark.parametrize("page", expected_pages())
def test_no_author_text_becomes_code(hostile_site: Path, page: str) -> None:
    html = (hostile_site / page).read_text(encoding="utf-8")
    assert page_problems(html) == []


def test_the_checks_see_an_attack_that_got_through() -> None:
    page = (
        '<html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="script-src '
        "'sha256-sbCFL26+0Ab1hDI2FjQOMgtSxRGw1NZUyr2zwIID4NE='\"><title>x<b>y</b></title></head><body>"
        '<p id="closer-config"></p><p id="closer-config"></p><a href="javascript:PWN()">a</a>'
        '<img src=x onerror="PWN()"><span name="addEventListener"></span><script>PWN()</script></body></html>'
    )
    problems = page_problems(page)
    assert any("onerror" in p for p in problems) and any("javascript:" in p for p in problems)
    assert any("name=addEventListener" in p for p in problems) and any("<script>PWN" in p for p in problems)
    assert any("closer-config appears 2 times" in p for p in problems)
    assert "the policy allows author script PWN()" in problems
    assert "the <title> element holds markup" in problems
