"""The repository itself: the real site builds strictly, the code is lint-clean, the quiz files are valid."""

from __future__ import annotations

import gzip
import json
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

ROOT = Path(__file__).resolve().parents[1]
INSTALL = "pip install --no-deps --no-build-isolation -e ."
TEST_COMMAND = f"pip install -r requirements-dev.lock && {INSTALL} && npm ci && python -m pytest"


def test_course_site_builds_with_strict_validation(repo_site: Path) -> None:
    assert (repo_site / "quizzes").is_dir() and (repo_site / "index.html").is_file()


def test_quiz_schema_is_a_valid_json_schema() -> None:
    schema = json.loads((ROOT / "quizzes" / "schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)


def test_every_quiz_file_declares_the_schema_for_editors() -> None:
    for path in (ROOT / "quizzes").glob("*.yml"):
        assert path.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=schema.json\n"), path


PACKAGE = ROOT / "src" / "mkdocs_closer"
CORE = ["quizcore", "reader", "facilitation", "newcourse", "placeholders.py", "data.py"]
"""The engine's parts that work without MkDocs: what survives a move to another site generator."""


@pytest.mark.parametrize("part", CORE)
def test_the_engines_core_imports_nothing_from_mkdocs(part: str) -> None:
    paths = [PACKAGE / part] if part.endswith(".py") else sorted((PACKAGE / part).rglob("*.py"))
    assert paths
    for path in paths:
        assert not re.search(r"^\s*(from|import) (mkdocs|properdocs|material)\b(?!_)", path.read_text(encoding="utf-8"),
                             re.M), path


def test_the_course_keeps_only_its_own_hooks() -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    hooks = sorted(path.name for path in (ROOT / "hooks").glob("*.py"))
    assert hooks == ["external_links.py", "glossary.py", "lesson_sections.py", "minify_assets.py", "reading_time.py"]
    assert all(f"hooks/{name}" in config for name in hooks)
    assert "  - closer:\n" in config


def test_the_sites_quiz_schema_is_the_engines() -> None:
    assert (ROOT / "quizzes" / "schema.json").read_bytes() == (PACKAGE / "quizcore" / "schema.json").read_bytes()


def test_readme_starts_with_the_two_commands() -> None:
    head = "\n".join((ROOT / "README.md").read_text(encoding="utf-8").splitlines()[:15])
    assert f"pip install -r requirements.lock && {INSTALL} && NO_MKDOCS_2_WARNING=1 mkdocs serve --livereload" in head
    assert TEST_COMMAND in head


def test_ci_runs_the_readme_test_command() -> None:
    assert (ROOT / ".ci" / "run").read_text(encoding="utf-8").rstrip().splitlines()[-1] == TEST_COMMAND


def test_code_is_ruff_clean() -> None:
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "."], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


SHIPPED = {
    "quiz.js": "assets/quiz/quiz.js",
    "quiz.css": "assets/quiz/quiz.css",
    "closer.js": "assets/javascripts/closer.js",
    "actions.js": "assets/javascripts/actions.js",
    "closer.css": "assets/stylesheets/closer.css",
    "storage.js": "assets/javascripts/storage.js",
    "reader.js": "assets/javascripts/reader.js",
    "reader.css": "assets/stylesheets/reader.css",
}


def test_shipped_assets_are_minified_and_fit_the_budget_the_guide_states(repo_site: Path) -> None:
    sizes = {name: len(gzip.compress((repo_site / path).read_bytes(), 9, mtime=0)) for name, path in SHIPPED.items()}
    for path in SHIPPED.values():
        assert len((repo_site / path).read_bytes()) < len((PACKAGE / "theme" / path).read_bytes()) * 0.9, path
    assert sizes["quiz.js"] + sizes["quiz.css"] <= 6000, sizes
    assert sizes["closer.js"] + sizes["closer.css"] <= 4000, sizes
    assert sizes["reader.js"] + sizes["reader.css"] <= 4000, sizes
    assert sizes["storage.js"] <= 2500, sizes
    assert sizes["actions.js"] <= 2000, sizes
    guide = (ROOT / "docs" / "authoring.md").read_text(encoding="utf-8")
    for name, size in sizes.items():
        assert f"`{name}` {size:,} bytes" in guide, f"docs/authoring.md should state {name} = {size:,} bytes"
    for script, style in (("quiz.js", "quiz.css"), ("closer.js", "closer.css"), ("reader.js", "reader.css")):
        total = f"{(sizes[script] + sizes[style]) / 1000:.1f} kB"
        assert f"{total}\n(`{script}`" in guide or f"{total} (`{script}`" in guide, f"{script} and {style}: {total}"


def test_each_script_has_the_strings_it_shows_on_the_pages_it_runs_on() -> None:
    from mkdocs_closer.reader_pages import READER_STRINGS, SITE_STRINGS

    keys = {*SITE_STRINGS, *READER_STRINGS}
    scripts = PACKAGE / "theme" / "assets" / "javascripts"
    texts = {path.name: path.read_text(encoding="utf-8") for path in scripts.glob("*.js")}
    named = {name: {k for k in keys if f'"{k}"' in text} for name, text in texts.items()}
    assert named["closer.js"] and named["reader.js"]
    # closer.js runs on every page, which carries only the site's strings; what storage.js names (the outcomes of
    # loading a file) only reader.js shows.
    assert named["closer.js"] <= set(SITE_STRINGS), named["closer.js"] - set(SITE_STRINGS)
    assert named["storage.js"] and named["storage.js"] <= set(READER_STRINGS)
    assert named["reader.js"] & set(READER_STRINGS) and not set(SITE_STRINGS) & set(READER_STRINGS)


@pytest.mark.parametrize("page", ["index.html", "lessons/listening/index.html", "quizzes/listening/index.html",
                                  "progress/index.html", "journal/index.html"])
def test_the_reader_pages_assets_load_only_on_those_pages(repo_site: Path, page: str) -> None:
    html = (repo_site / page).read_text(encoding="utf-8")
    # The home page shows where the reader left off, as My progress does.
    mine = page.startswith(("progress/", "journal/")) or page == "index.html"
    assert ("assets/javascripts/reader.js" in html) is mine
    assert ("assets/stylesheets/reader.css" in html) is mine
    assert ('id="closer-reader-strings"' in html) is mine
    assert "assets/javascripts/closer.js" in html and "assets/javascripts/storage.js" in html


TABLE_PAGES = {"get-help/index.html": True, "facilitators/session-1/index.html": True,
               "lessons/listening/index.html": False, "index.html": False}


@pytest.mark.parametrize(("page", "tables"), TABLE_PAGES.items())
def test_the_styles_that_stack_tables_load_only_on_pages_with_tables(repo_site: Path, page: str, tables: bool) -> None:
    html = (repo_site / page).read_text(encoding="utf-8")
    assert ("<table>" in html) is tables
    # Once for the first paint, once in the content that instant navigation swaps in.
    assert html.count("assets/stylesheets/tables.css") == (2 if tables else 0)
