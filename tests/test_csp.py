"""The plugin's Content-Security-Policy: the theme's inline code by its hashes, nothing else; the scripts' hints."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from pathlib import Path

import pytest
from sitebuilder import build_project, make_project

from mkdocs_closer.csp import KnownCode, PagePolicy, is_shim, policy

META = '<meta http-equiv="Content-Security-Policy" content="'

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
    no_script = re.escape(".no-js .quiz-js")
    assert any(p.pattern.startswith(no_script) for p in known.styles), "the plugin's templates are read"


def test_the_policy_comes_right_after_the_character_set() -> None:
    html = PagePolicy(KNOWN).secured(PAGE)
    assert html.index('<meta charset="utf-8">') < html.index("Content-Security-Policy") < html.index("<script")


def test_the_body_scripts_of_the_site_are_named_together_just_before_the_first() -> None:
    body = ('<article><p>Text</p></article><script>var inline = 1</script>'
            '<script src="assets/quiz.js"></script><script src="assets/bundle.js"></script>'
            '<script src="assets/quiz.js"></script><script src="https://example.org/x.js"></script>'
            '<script src="//example.org/y.js"></script><script type="module" src="assets/m.js"></script>'
            '<script>alert(1)</script>')
    html = PagePolicy(KNOWN).secured(PAGE.replace("</body>", body + "</body>"))
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
    html = PagePolicy(KNOWN).secured(PAGE.replace('<script src="assets/bundle.js"></script>', ""))
    assert "preload" not in html and "Content-Security-Policy" in html
    assert PagePolicy(KNOWN).secured("<p>no head</p>") == "<p>no head</p>"




def test_is_shim_knows_the_offline_builds_shim_and_nothing_else() -> None:
    assert is_shim("assets/javascripts/iframe-worker-shim.js") and is_shim("iframe-worker.js")
    assert not is_shim("assets/iframe-worker/readme.md") and not is_shim("assets/javascripts/bundle.js")


@pytest.mark.parametrize("csp", [True, False])
def test_every_page_gets_the_policy_when_the_site_asks_for_it(tmp_path: Path, csp: bool) -> None:
    site = build_project(make_project(tmp_path, closer=json.dumps({"csp": csp, "facilitators": {"enabled": False}})))
    pages = {page.relative_to(site).as_posix(): page.read_text(encoding="utf-8") for page in site.rglob("*.html")}
    assert {"404.html", "index.html", "quizzes/check-one/index.html"} <= set(pages)
    secured = sorted(path for path, html in pages.items() if html.count(META) == 1)
    assert secured == (sorted(pages) if csp else [])


@pytest.mark.parametrize(("attribute", "allowed"), [
    ('style="text-align: right;"', True),
    ('style="text-align:justify"', True),
    ('style="text-align: center; color: red"', False),
    ('style="color: red; text-align: left"', False),
    ('style="text-align: left" style="background: url(x)"', True),
])
def test_only_a_table_cells_alignment_is_allowed_as_a_style_attribute(attribute: str, allowed: bool) -> None:
    page = f'<html><head><meta charset="utf-8"></head><body><td {attribute}>x</td></body></html>'
    value = attribute.split('"')[1]
    assert (sha256(value) in policy(page, KNOWN)) is allowed
    assert "background" not in policy(page, KNOWN) and sha256("background: url(x)") not in policy(page, KNOWN)


def test_while_serving_inline_scripts_run_for_live_reload_and_every_other_rule_holds() -> None:
    served = dict(d.split(" ", 1) for d in policy(PAGE, KNOWN, live_reload=True).split("; "))
    built = dict(d.split(" ", 1) for d in policy(PAGE, KNOWN).split("; "))
    # A hash in the list would make browsers ignore 'unsafe-inline'.
    assert served.pop("script-src") == "'self' 'unsafe-inline'" and built.pop("script-src") != "'self' 'unsafe-inline'"
    assert served == built
