"""The plugin's templates compiled ahead: written from the templates as they are, used only where they fit."""

from __future__ import annotations

from importlib.machinery import SourceFileLoader
from pathlib import Path
from types import CodeType

import jinja2
import pytest
from compile_templates import TARGET, compiled, environment
from compiling import compiles
from sitebuilder import build_project, make_project

from mkdocs_closer import compiled as index
from mkdocs_closer import templates
from mkdocs_closer.data import THEME
from mkdocs_closer.templates import PrecompiledLoader, precompiled

NAMES = sorted(index.TEMPLATES)


def test_the_compiled_templates_are_written_from_the_templates_as_they_are() -> None:
    files = compiled()
    on_disk = {path.name: path.read_text(encoding="utf-8") for path in TARGET.glob("*.py")}
    assert on_disk == files, "run `python scripts/compile_templates.py`"


def test_every_template_of_the_package_is_compiled() -> None:
    assert NAMES == sorted(path.relative_to(THEME).as_posix() for path in THEME.rglob("*.html"))


def precompiled_env(*folders: Path) -> jinja2.Environment:
    """Return a build-like environment over `folders`, then the package's templates, taking compiled ones."""
    env = environment()
    env.loader = jinja2.FileSystemLoader([*map(str, folders), str(THEME)])
    return precompiled(env)


@pytest.mark.parametrize("name", NAMES)
def test_a_compiled_template_is_the_code_jinja_would_compile(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    env = precompiled_env()
    names = compiles(monkeypatch)
    template = env.get_template(name)
    assert names == []
    source, filename, _ = env.loader.get_source(env, name)  # type: ignore[union-attr]
    assert template.filename == filename  # errors name the template, not the compiled module
    expected = jinja2.Environment.compile(env, source, name, filename)
    assert isinstance(expected, CodeType)
    assert template.root_render_func.__code__.co_filename == filename
    compiled_root = env.template_class.from_code(env, expected, {}, None).root_render_func.__code__
    assert template.root_render_func.__code__ == compiled_root


def test_each_template_s_code_is_read_once_for_all_the_environments_of_a_process(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # Every build, and every rebuild of `mkdocs serve`, makes new environments.
    read: list[str] = []

    class CountingLoader(SourceFileLoader):
        def get_code(self, fullname: str) -> CodeType | None:
            read.append(fullname)
            return super().get_code(fullname)

    monkeypatch.setattr(templates, "SourceFileLoader", CountingLoader)
    templates._code.cache_clear()
    loaded = [precompiled_env().get_template("quiz/lesson-links.html") for _ in range(3)]
    assert read == [f"mkdocs_closer.compiled.{index.TEMPLATES['quiz/lesson-links.html'][0]}"]
    assert len({template.filename for template in loaded}) == 1
    assert loaded[0].filename == str(THEME / "quiz" / "lesson-links.html")


def test_a_template_the_site_overrides_is_compiled_from_the_site_s_file(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "quiz").mkdir()
    (tmp_path / "quiz" / "search.html").write_text("<p>the site's own: {{ title }}</p>", encoding="utf-8")
    env = precompiled_env(tmp_path)
    names = compiles(monkeypatch)
    assert env.get_template("quiz/search.html").render(title="T") == "<p>the site's own: T</p>"
    assert names == ["quiz/search.html"]
    env.get_template("quiz/page.html")
    assert names == ["quiz/search.html"]


@pytest.mark.parametrize(
    "change",
    ["another Jinja", "other settings", "a filter called otherwise", "a missing filter"],
)
def test_templates_are_compiled_as_usual_where_the_compiled_code_does_not_fit(
        change: str, monkeypatch: pytest.MonkeyPatch) -> None:
    env = precompiled_env()
    if change == "another Jinja":
        monkeypatch.setattr(index, "JINJA", "0.0")
    elif change == "other settings":
        env.trim_blocks = True
    elif change == "a filter called otherwise":
        env.filters["plain_markdown"] = jinja2.pass_context(lambda context, value: value)
    else:
        del env.filters["plain_markdown"]
    names = compiles(monkeypatch)
    try:
        env.get_template("facilitators/pack.html")
    except jinja2.TemplateAssertionError as exc:
        assert change == "a missing filter" and "plain_markdown" in str(exc)
    assert names == ["facilitators/pack.html"]


def test_the_loader_is_wrapped_once_and_keeps_the_theme_s_folders() -> None:
    env = precompiled_env()
    loader = env.loader
    assert precompiled(env).loader is loader
    assert isinstance(loader, PrecompiledLoader)
    assert loader.searchpath == [str(THEME)]
    assert "quiz/page.html" in loader.list_templates()


def test_a_build_compiles_none_of_the_plugin_s_templates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = make_project(tmp_path, closer="{}")
    files = compiles(monkeypatch, files=True)
    monkeypatch.setattr("mkdocs_closer.quizcore.forked.can_fork", lambda: False)  # every template compiled here
    site = build_project(config)
    assert (site / "quizzes").is_dir() and (site / "facilitators").is_dir()
    assert any(Path(file).name == "main.html" for file in files), "the site's own main.html is compiled as usual"
    assert [file for file in files if Path(file).is_relative_to(THEME)] == []
