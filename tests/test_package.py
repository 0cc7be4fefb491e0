"""The engine as a package: installed into a fresh virtual environment, used by a minimal site under MkDocs and
ProperDocs, overridden from a site's own templates, and its `closer` command."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import textwrap
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
QUIZ = """\
type: knowledge-check
title: A first check
lesson: lessons/one.md
questions:
  - id: colour
    type: single
    prompt: Which colour do you get by mixing blue and yellow?
    choices:
      - text: Green
        correct: true
      - text: Purple
        feedback: Purple comes from blue and red.
      - text: Orange
        feedback: Orange comes from red and yellow.
    explanation: Blue and yellow paint mix to green.
"""
SITE = """\
site_name: A minimal course
site_url: https://example.org/course/
theme:
  name: material
{custom_dir}
plugins:
  - search
  - closer
"""


def run(command: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """Run `command` with the MkDocs notices off; return what it did, output included."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true", **env}
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=environment, timeout=300)


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new virtual environment with the repository installed into it by pip, as an educator would install it.

    The engine's dependencies come from the tests' own environment (a path file), so nothing is downloaded; the
    engine itself is built from the repository and installed into the new environment.
    """
    env_dir = tmp_path_factory.mktemp("fresh") / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    purelib = run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], ROOT).stdout
    Path(purelib.strip(), "tests-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n",
                                                              encoding="utf-8")
    build = env_dir.parent / "build"
    result = run([str(python), "-m", "pip", "install", "--no-deps", "--no-build-isolation", "--no-index",
                  str(ROOT)], build.parent, PIP_CACHE_DIR=str(build))
    assert result.returncode == 0, result.stdout + result.stderr
    where = run([str(python), "-c", "import mkdocs_closer; print(mkdocs_closer.__file__)"], ROOT).stdout
    assert Path(where.strip()).is_relative_to(env_dir), "the installed copy is used, not the repository's"
    return env_dir


def minimal_site(folder: Path, *, custom_dir: bool = False) -> Path:
    """Write a Material site with one page, one quiz file and the plugin; return its folder."""
    (folder / "docs" / "lessons").mkdir(parents=True)
    (folder / "quizzes").mkdir()
    (folder / "docs" / "index.md").write_text("# Welcome\n\nStart with [lesson one](lessons/one.md).\n",
                                              encoding="utf-8")
    (folder / "docs" / "lessons" / "one.md").write_text("# Colours\n\nBlue and yellow make green.\n",
                                                        encoding="utf-8")
    (folder / "quizzes" / "first-check.yml").write_text(QUIZ, encoding="utf-8")
    (folder / "mkdocs.yml").write_text(
        SITE.format(custom_dir="  custom_dir: overrides" if custom_dir else ""), encoding="utf-8")
    return folder


@pytest.mark.parametrize("builder", ["mkdocs", "properdocs"])
def test_a_minimal_material_site_builds_strictly_with_the_plugin(fresh: Path, tmp_path: Path, builder: str) -> None:
    site = minimal_site(tmp_path)
    result = run([str(fresh / "bin" / "python"), "-m", builder, "build", "--strict", "-f", "mkdocs.yml"], site)
    assert result.returncode == 0, result.stderr
    quiz = (site / "site" / "quizzes" / "first-check" / "index.html").read_text(encoding="utf-8")
    generator = "mkdocs-ProperDocs" if builder == "properdocs" else "mkdocs-1."
    assert f'<meta name="generator" content="{generator}' in quiz
    assert '<form class="quiz' in quiz and "assets/quiz/quiz.js" in quiz
    assert (site / "site" / "assets" / "quiz" / "quiz.js").is_file()
    assert "Which colour do you get" in quiz
    for page in ("progress/index.html", "journal/index.html", "facilitators/answer-key/index.html"):
        assert (site / "site" / page).is_file(), page


def test_a_site_overrides_a_template_of_the_plugin(fresh: Path, tmp_path: Path) -> None:
    site = minimal_site(tmp_path, custom_dir=True)
    (site / "overrides" / "reader").mkdir(parents=True)
    (site / "overrides" / "reader" / "progress.html").write_text("Our own progress page.\n", encoding="utf-8")
    result = run([str(fresh / "bin" / "python"), "-m", "mkdocs", "build", "--strict"], site)
    assert result.returncode == 0, result.stderr
    assert "Our own progress page." in (site / "site" / "progress" / "index.html").read_text(encoding="utf-8")
    assert '<form class="quiz' in (site / "site" / "quizzes" / "first-check" / "index.html").read_text("utf-8")


def test_the_command_says_its_version(fresh: Path) -> None:
    from mkdocs_closer import __version__

    result = run([str(fresh / "bin" / "closer"), "--version"], ROOT)
    assert result.returncode == 0 and result.stdout.strip() == f"closer {__version__}"


def test_check_finds_a_broken_quiz_with_its_file_and_line(fresh: Path, tmp_path: Path) -> None:
    site = minimal_site(tmp_path)
    broken = QUIZ.replace("      - text: Purple\n", "      - text: Purple\n        correct: true\n")
    (site / "quizzes" / "first-check.yml").write_text(broken, encoding="utf-8")
    result = run([str(fresh / "bin" / "closer"), "check"], site)
    assert result.returncode == 1
    assert result.stdout.startswith("quizzes/first-check.yml:9:")
    assert "exactly one choice with `correct: true`; found 2" in result.stdout
    assert "Traceback" not in result.stderr


def test_check_passes_a_good_quiz_and_fails_on_warnings_when_strict(fresh: Path, tmp_path: Path) -> None:
    site = minimal_site(tmp_path)
    closer = str(fresh / "bin" / "closer")
    assert run([closer, "check", "--strict"], site).returncode == 0
    cued = QUIZ.replace("      - text: Green\n", "      - text: Green, the colour that blue and yellow paint make\n")
    (site / "quizzes" / "first-check.yml").write_text(cued, encoding="utf-8")
    assert run([closer, "check"], site).returncode == 0
    strict = run([closer, "check", "--strict"], site)
    assert strict.returncode == 1
    assert "quizzes/first-check.yml:9:9: questions[0].choices[0]: length-cue" in strict.stdout


def test_schema_writes_the_schema_the_engine_validates_with(fresh: Path, tmp_path: Path) -> None:
    result = run([str(fresh / "bin" / "closer"), "schema", "-o", "quizzes/schema.json"], tmp_path)
    assert result.returncode == 0, result.stderr
    written = (tmp_path / "quizzes" / "schema.json").read_bytes()
    assert written == (ROOT / "quizzes" / "schema.json").read_bytes()
    assert json.loads(written)["$schema"].startswith("http://json-schema.org/")


def test_an_article_becomes_a_course_in_three_commands(fresh: Path, tmp_path: Path) -> None:
    article = tmp_path / "article.md"
    article.write_text(textwrap.dedent("""\
        # Caring for houseplants

        Most houseplants die from too much care rather than too little.

        ## Light

        Place each plant where its leaves get the light its species needs.

        ## Water

        Water when the top of the soil is dry, and let the pot drain.
        """), encoding="utf-8")
    made = run([str(fresh / "bin" / "closer"), "new", "course", "--from", str(article)], tmp_path)
    assert made.returncode == 0, made.stderr
    built = run([str(fresh / "bin" / "python"), "-m", "mkdocs", "build"], tmp_path / "course")
    assert built.returncode == 0, built.stderr
    site = tmp_path / "course" / "site"
    assert "<title>Caring for houseplants</title>" in (site / "index.html").read_text(encoding="utf-8")
    assert len(list((site / "lessons").glob("*/index.html"))) == 2
    assert len(list((site / "quizzes").glob("*/index.html"))) == 2


def test_the_packages_requirements_agree_with_the_courses() -> None:
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    ranges = {line.split("#")[0].strip() for line in (ROOT / "requirements.txt").read_text("utf-8").splitlines()}
    assert set(project["dependencies"]) <= ranges
    assert project["entry-points"]["mkdocs.plugins"] == {"closer": "mkdocs_closer.plugin:CloserPlugin"}
    assert project["scripts"] == {"closer": "mkdocs_closer.cli:main"}


def test_the_course_builds_strictly_with_properdocs(tmp_path: Path) -> None:
    result = run([sys.executable, "-m", "properdocs", "build", "--strict", "-f", "mkdocs.yml", "-d", str(tmp_path)],
                 ROOT)
    assert result.returncode == 0, result.stderr
    home = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert '<meta name="generator" content="mkdocs-ProperDocs 1.6' in home
    assert (tmp_path / "facilitators" / "pack" / "index.html").is_file()
    assert len(list((tmp_path / "quizzes").glob("*/index.html"))) == len(list((ROOT / "quizzes").glob("*.yml")))
