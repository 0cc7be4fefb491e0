"""The hooks that finish every page: valid markup for Material's own parts, a Content-Security-Policy, marked links."""

from __future__ import annotations

import base64
import hashlib

from csp import policy, with_policy
from external_links import marked
from theme_fixes import fixed

THEME_SCRIPT = "__md_scope=new URL('.',location)"
PAGE = f"""<!doctype html><html><head><meta charset="utf-8"><script>{THEME_SCRIPT}</script>
<script id="__config" type="application/json">{{"base": "."}}</script><script src="assets/bundle.js"></script></head>
<body><article class="md-content__inner"><script>alert(1)</script><td style="text-align: center">x</td></article>
</body></html>"""


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_the_policy_allows_the_theme_scripts_by_hash_and_nothing_an_author_writes() -> None:
    directives = dict(d.split(" ", 1) for d in policy(PAGE).split("; "))
    assert directives["script-src"] == f"'self' {sha256(THEME_SCRIPT)}"
    assert sha256("alert(1)") not in directives["script-src"]
    assert directives["style-src"] == f"'self' 'unsafe-hashes' {sha256('text-align: center')}"
    assert directives["default-src"] == "'none'" and directives["connect-src"] == "'self'"


def test_the_policy_comes_right_after_the_character_set() -> None:
    html = with_policy(PAGE)
    assert html.index('<meta charset="utf-8">') < html.index("Content-Security-Policy") < html.index("<script")


def test_material_markup_is_made_valid() -> None:
    html = (
        '<input class="md-toggle" type="checkbox" id="__drawer" autocomplete="off">'
        '<label class="md-nav__link" for="__nav_2" tabindex="">'
        '<div class="md-search" data-md-component="search" role="dialog">'
        '<input type="text" class="md-search__input" name="query" aria-label="Suche" autocomplete="off">'
    )
    assert fixed(html) == (
        '<input class="md-toggle" type="checkbox" id="__drawer">'
        '<label class="md-nav__link" for="__nav_2">'
        '<div class="md-search" data-md-component="search" role="dialog" aria-label="Suche">'
        '<input type="text" class="md-search__input" name="query" aria-label="Suche" autocomplete="off">'
    )


def test_links_that_leave_the_site_are_marked_in_the_article_only() -> None:
    page = ('<a href="https://elsewhere.org/">nav</a><article><a href="https://thehotline.org">a</a> '
            '<a href="../lessons/x/">b</a> <a href="https://closer.example/closer/lessons/">c</a> '
            '<a data-external href="http://x.org">d</a></article>')
    assert marked(page, "https://closer.example/closer/") == (
        '<a href="https://elsewhere.org/">nav</a><article><a data-external href="https://thehotline.org">a</a> '
        '<a href="../lessons/x/">b</a> <a href="https://closer.example/closer/lessons/">c</a> '
        '<a data-external href="http://x.org">d</a></article>'
    )
