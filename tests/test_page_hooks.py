"""The hooks that finish every page: a Content-Security-Policy, marked links, compact HTML, stacked tables."""

from __future__ import annotations

import base64
import hashlib
import re
from html import unescape

import markdown
import pytest
from compact_html import compacted
from csp import KnownCode, policy, with_policy, with_preloads
from external_links import marked
from stacked_tables import StackedTables

TEMPLATE = """<head><script>__md_scope=new URL("{{ base_url }}",location)</script>
<noscript><style>.quiz-js{display:none}</style></noscript></head>"""
KNOWN = KnownCode.from_templates([TEMPLATE])
THEME_SCRIPT = '__md_scope=new URL("../..",location)'
PAGE = f"""<!doctype html><html><head><meta charset="utf-8"><script>{THEME_SCRIPT}</script>
<script id="__config" type="application/json">{{"base": "."}}</script><script src="assets/bundle.js"></script>
<noscript><style>.quiz-js{{display:none}}</style></noscript></head>
<body><article class="md-content__inner"><script>alert(1)</script><td style="text-align: center">x</td></article>
<script>__md_scope=new URL("x",location);alert(2)</script><script>__md_scope=new URL("x"+alert(3),location)</script>
<style>body{{display:none}}</style><p style="background: url(x)">y</p></body></html>"""


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_the_policy_allows_the_theme_scripts_by_hash_and_nothing_an_author_writes() -> None:
    directives = dict(d.split(" ", 1) for d in policy(PAGE, KNOWN).split("; "))
    # Code the templates write, wherever it stands; nothing else, even outside the article or shaped like it.
    assert directives["script-src"] == f"'self' {sha256(THEME_SCRIPT)}"
    assert directives["style-src"] == (
        f"'self' {sha256('.quiz-js{display:none}')} 'unsafe-hashes' {sha256('text-align: center')}"
    )
    assert directives["default-src"] == "'none'" and directives["connect-src"] == "'self'"


@pytest.mark.parametrize("value", ['"+alert(1)+"', "x);alert(1);(", "x\\u0022", "</script><script>alert(1)"])
def test_template_values_cannot_carry_code(value: str) -> None:
    assert not KNOWN.allows(f'__md_scope=new URL("{value}",location)')


def test_the_theme_templates_are_read_for_their_inline_code() -> None:
    from mkdocs.config import load_config
    from sitebuilder import ROOT

    config = load_config(str(ROOT / "mkdocs.yml"))
    config = config.plugins.on_config(config)  # the closer plugin adds its templates to the theme's
    env = config.theme.get_env()
    known = KnownCode.from_env(env)
    assert known.allows(
        '__md_scope=new URL("..",location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),'
        '__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set='
        '(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}'
    )
    assert any(p.pattern.startswith(re.escape(".quiz-js")) for p in known.styles), "the plugin's templates are read"


def test_the_policy_comes_right_after_the_character_set() -> None:
    html = with_policy(PAGE, KNOWN)
    assert html.index('<meta charset="utf-8">') < html.index("Content-Security-Policy") < html.index("<script")


def test_the_body_scripts_of_the_site_are_named_together_just_before_the_first() -> None:
    body = ('<article><p>Text</p></article><script>var inline = 1</script>'
            '<script src="assets/quiz.js"></script><script src="assets/bundle.js"></script>'
            '<script src="assets/quiz.js"></script><script src="https://example.org/x.js"></script>'
            '<script src="//example.org/y.js"></script><script type="module" src="assets/m.js"></script>'
            '<script>alert(1)</script>')
    html = with_preloads(with_policy(PAGE.replace("</body>", body + "</body>"), KNOWN))
    head, _, rest = html.partition("</head>")
    hints = re.findall(r"<link rel=\"preload\"[^>]*>", html)
    # The body's scripts in order, each once; not the head's own, which the parser reaches first anyway.
    assert hints == [f'<link rel="preload" href="assets/{name}.js" as="script" fetchpriority="low">'
                     for name in ("quiz", "bundle")]
    # Not in the head: a script already fetched when the parser reaches it can run before the article is painted.
    assert "preload" not in head
    assert rest.index("</article>") < rest.index("var inline") < rest.index(hints[0])
    assert rest.index(hints[-1]) + len(hints[-1]) == rest.index('<script src="assets/quiz.js">')


def test_a_page_without_scripts_in_its_body_gets_no_hints() -> None:
    html = with_policy(PAGE, KNOWN).replace('<script src="assets/bundle.js"></script>', "")
    assert with_preloads(html) == html
    assert with_preloads("<p>no head</p>") == "<p>no head</p>"


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


@pytest.mark.parametrize(
    ("heading", "label"),
    [
        ("When", "When"),
        ("**Time** of *day*", "Time of day"),
        ('Q&A "quoted" `<b>`', 'Q&A "quoted" <b>'),
        (r"Not \*starred\*", "Not *starred*"),
        ("Raw <b>bold</b> text", "Raw bold text"),
    ],
)
def test_every_table_cell_carries_its_columns_heading_as_text(heading: str, label: str) -> None:
    table = f"| {heading} | Other |\n|---|---|\n| one | two |\n| three | |\n"
    html = markdown.markdown(table, extensions=["tables", StackedTables()])
    cells = re.findall(r'<td data-label="([^"]*)">([^<]*)</td>', html)
    labelled = [(unescape(found), text) for found, text in cells]
    assert labelled == [(label, "one"), ("Other", "two"), (label, "three"), ("Other", "")]


def test_a_heading_with_no_text_gives_its_cells_no_label() -> None:
    html = markdown.markdown("|  | Other |\n|---|---|\n| one | two |\n", extensions=["tables", StackedTables()])
    assert "<td>one</td>" in html and '<td data-label="Other">two</td>' in html
