"""The course's hooks that finish every page: marked links and compact HTML."""

from __future__ import annotations

import pytest
from compact_html import compacted
from external_links import marked


def test_links_that_leave_the_site_are_marked_in_the_article_only() -> None:
    page = ('<a href="https://elsewhere.org/">nav</a><article><a href="https://thehotline.org">a</a> '
            '<a href="../lessons/x/">b</a> <a href="https://closer.example/closer/lessons/">c</a> '
            '<a data-external href="http://x.org">d</a></article>')
    assert marked(page, "https://closer.example/closer/") == (
        '<a href="https://elsewhere.org/">nav</a><article><a data-external href="https://thehotline.org">a</a> '
        '<a href="../lessons/x/">b</a> <a href="https://closer.example/closer/lessons/">c</a> '
        '<a data-external href="http://x.org">d</a></article>'
    )


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
