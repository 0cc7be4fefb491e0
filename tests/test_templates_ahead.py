"""A first build's theme templates, compiled by a child while the build reads its pages: the same code, used only
where it fits the environment the pages are rendered in."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest
from compile_templates import environment
from compiling import compiles
from in_process import InProcess

from mkdocs_closer import compiled as index
from mkdocs_closer.quizcore import forked
from mkdocs_closer.quizcore.cache import TemplateCache
from mkdocs_closer.templates import precompiled
from mkdocs_closer.templates_ahead import TemplatesAhead, compile_reachable

THEME = {
    "main.html": '{% extends "base.html" %}{% block body %}{% include "partials/shout.html" %}{% endblock %}',
    "base.html": '{% import "macros.html" as m %}<body>{% block body %}{% endblock %}{{ m.icon(icon) }}</body>',
    "macros.html": '{% macro icon(name) %}{% include "icons/" ~ name ~ ".svg" %}{% endmacro %}',
    "partials/shout.html": "{{ text|shout }}",
    "partials/broken.html": "{{ text|unknown }}",
    "icons/star.svg": "<svg>*</svg>",
    "unused.html": "never rendered",
}


def theme(shout: object = str.upper, **extra: str) -> jinja2.Environment:
    """Return an environment over `THEME` (and `extra` templates) with the filter `shout`."""
    env = jinja2.Environment(loader=jinja2.DictLoader(THEME | extra))
    env.filters["shout"] = shout
    return env


@pytest.fixture
def ahead_here(monkeypatch: pytest.MonkeyPatch) -> None:
    """Have `TemplatesAhead` do its child's work in this process, where it can be watched."""
    monkeypatch.setattr(forked, "can_fork", lambda: False)
    monkeypatch.setattr("mkdocs_closer.templates_ahead.Forked", InProcess)


def test_the_templates_a_page_reaches_are_compiled_ahead_and_not_again(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    found = compile_reachable(theme(), TemplateCache(tmp_path / "compiled"), ("main.html",))
    cache = TemplateCache(tmp_path / "compiled")
    cache.stored.update({key: code for key, (code, _) in found.items()})
    env = theme()
    env.bytecode_cache = cache
    names = compiles(monkeypatch)
    assert env.get_template("main.html").render(text="hi", icon="star") == "<body>HI<svg>*</svg></body>"
    # Extended, included and imported templates came compiled; a name made as the page renders is compiled then.
    assert len(found) == 4 and names == ["icons/star.svg"]


def test_templates_in_the_cache_or_that_do_not_compile_are_left_to_the_build(tmp_path: Path) -> None:
    cache = TemplateCache(tmp_path / "compiled")
    env = theme()
    env.bytecode_cache = cache
    env.get_template("partials/shout.html")  # compiled by an earlier build
    roots = ("main.html", "partials/broken.html", "missing.html")
    found = compile_reachable(theme(), cache, roots)
    keys = {cache.get_bucket(env, name, None, THEME[name]).key: name for name in THEME}
    assert sorted(keys[key] for key in found) == ["base.html", "macros.html", "main.html"]


def test_the_plugin_s_own_templates_are_not_compiled_ahead(tmp_path: Path) -> None:
    # The plugin ships them compiled: the child would only redo that work.
    cache = TemplateCache(tmp_path / "compiled")
    assert compile_reachable(precompiled(environment()), cache, tuple(index.TEMPLATES)) == {}


def test_code_that_calls_a_filter_otherwise_than_the_build_s_environment_is_compiled_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ahead_here: None) -> None:
    # A plugin's `on_env` may give the environment a filter that takes the context, after the child compiled.
    cache = TemplateCache(tmp_path / "compiled")
    ahead = TemplatesAhead(theme, cache, ["main.html"])
    env = theme(shout=jinja2.pass_context(lambda context, text: f"{text}!"))
    ahead.add_to(env, cache)
    env.bytecode_cache = cache
    names = compiles(monkeypatch)
    assert env.get_template("main.html").render(text="hi", icon="star") == "<body>hi!<svg>*</svg></body>"
    assert names == ["partials/shout.html", "icons/star.svg"] and len(cache.stored) == 3


def test_nothing_is_compiled_ahead_with_a_cache_that_has_templates_or_without_a_child(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = TemplateCache(tmp_path / "compiled")
    monkeypatch.setattr(forked, "can_fork", lambda: False)
    assert TemplatesAhead(theme, cache, ["main.html"]).work is None
    monkeypatch.setattr("mkdocs_closer.templates_ahead.Forked", InProcess)
    cache.stored["compiled by an earlier build"] = b""
    assert TemplatesAhead(theme, cache, ["main.html"]).work is None
