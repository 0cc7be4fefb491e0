"""Pages sent without the theme's indentation: what is shortened, what is kept, and which pages get it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sitebuilder import build_project, make_project

from mkdocs_closer.compact_html import compacted


def test_indentation_between_and_around_text_becomes_one_line_break() -> None:
    html = '<nav>\n      <ul>\n\n        <li><a href="/">\n          Home\n        </a></li>\r\n\t</ul>\n</nav>'
    assert compacted(html) == '<nav>\n<ul>\n<li><a href="/">\nHome\n</a></li>\n</ul>\n</nav>'


@pytest.mark.parametrize("text", ["two  spaces", "tab\tand space ", "no\u00a0\nbreak", " lead"])
def test_whitespace_without_a_line_break_and_non_breaking_spaces_are_kept(text: str) -> None:
    # A no-break space is not HTML whitespace: it never collapses, so it must stay where the author put it.
    assert compacted(f"<p>{text}</p>") == f"<p>{text}</p>"


@pytest.mark.parametrize("element", ["pre", "textarea", "script", "style", "code", "kbd", "PRE", "Code"])
def test_elements_whose_whitespace_shows_or_is_code_are_copied_as_they_are(element: str) -> None:
    inner = "\n    line one\n\n        line two\n  "
    html = f'<div>\n  <{element} class="x">{inner}</{element}>\n  <p>\n  after</p></div>'
    assert compacted(html) == f'<div>\n<{element} class="x">{inner}</{element}>\n<p>\nafter</p></div>'


def test_tags_comments_and_attribute_values_are_copied_as_they_are() -> None:
    kept = [
        '<p title="first line\n    second line" data-x=\'a > b\n   c\'>',
        "<!-- a comment\n      over lines -->",
        '<meta name="description"\n      content="x">',
    ]
    assert compacted("\n   ".join(kept)) == "\n".join(kept)


def test_a_pre_inside_an_attribute_value_does_not_start_a_kept_element() -> None:
    html = '<a title="<pre>">\n   x\n   </a>\n   </pre>'
    assert compacted(html) == '<a title="<pre>">\nx\n</a>\n</pre>'


@pytest.mark.parametrize("compact", [True, False])
def test_every_page_is_compacted_when_the_site_asks_for_it(tmp_path: Path, compact: bool) -> None:
    options = {"compact_html": compact, "facilitators": {"enabled": False}}
    site = build_project(make_project(tmp_path, closer=json.dumps(options)))
    pages = {page.relative_to(site).as_posix(): page.read_text(encoding="utf-8") for page in site.rglob("*.html")}
    assert {"404.html", "index.html", "quizzes/check-one/index.html", "progress/index.html"} <= set(pages)
    compacted_pages = sorted(path for path, html in pages.items() if compacted(html) == html)
    assert compacted_pages == (sorted(pages) if compact else [])
