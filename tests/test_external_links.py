"""The course's hook that finishes every page: links that leave the site are marked."""

from __future__ import annotations

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
