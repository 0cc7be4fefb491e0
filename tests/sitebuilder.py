"""Build throw-away MkDocs projects that use the closer plugin and this course's templates, assets and hooks."""

from __future__ import annotations

import html
import json
import re
import shutil
import textwrap
from pathlib import Path

import yaml
from build_site import build_site

ROOT = Path(__file__).resolve().parents[1]
FIXTURE_QUIZZES = ROOT / "tests" / "fixtures" / "quizzes"

CONFIG = """\
site_name: Test site
site_url: http://127.0.0.1/
theme:
  name: material
  custom_dir: {root}/overrides
  font: false
  features: [navigation.instant, navigation.footer, content.action.edit]
markdown_extensions:
  [attr_list, md_in_html, admonition, pymdownx.details, pymdownx.superfences, {{toc: {{permalink: true}}}}]
validation:
  omitted_files: warn
  absolute_links: warn
  unrecognized_links: warn
  anchors: warn
plugins:
  - search
  - closer: {closer}
nav:
  - Home: index.md
  - Lesson one: lessons/one.md
  - Lesson two: lessons/two.md
"""


def make_project(
    tmp: Path,
    quizzes: dict[str, str] | None = None,
    *,
    fixture_quizzes: bool = True,
    config_extra: str = "",
    closer: str = "{facilitators: {enabled: false}}",
) -> Path:
    """Write a small project to `tmp` and return its mkdocs.yml; `quizzes` maps file names to YAML text.

    `closer` holds the plugin's options, as a YAML flow mapping, with `csp` and `compact_html` on unless it says
    otherwise; `config_extra` is added to the settings as it is.
    """
    (tmp / "docs" / "lessons").mkdir(parents=True, exist_ok=True)
    (tmp / "quizzes").mkdir(exist_ok=True)
    (tmp / "docs" / "index.md").write_text("# Home\n\nWelcome.\n", encoding="utf-8")
    for name in ("one", "two"):
        (tmp / "docs" / "lessons" / f"{name}.md").write_text(
            f"# Lesson {name}\n\nSome text about lesson {name}.\n", encoding="utf-8"
        )
    if fixture_quizzes:
        for path in FIXTURE_QUIZZES.glob("*.yml"):
            shutil.copy(path, tmp / "quizzes" / path.name)
    for name, text in (quizzes or {}).items():
        (tmp / "quizzes" / name).write_text(textwrap.dedent(text), encoding="utf-8")
    config = tmp / "mkdocs.yml"
    # The course's policy and compact pages, unless a test says otherwise.
    options = {"csp": True, "compact_html": True, **(yaml.safe_load(closer) or {})}
    config.write_text(CONFIG.format(root=ROOT.as_posix(), closer=json.dumps(options)) + config_extra, encoding="utf-8")
    return config


def build_project(config: Path, *, strict: bool = True) -> Path:
    """Build the project at `config` like `mkdocs build --strict` and return its site directory."""
    return build_site(config, strict=strict)[0]


def table_of_contents(page_html: str) -> list[str]:
    """The entries of a built page's table of contents, as text, nested ones included."""
    start = page_html.index('<nav class="md-nav md-nav--secondary" aria-label="Table of contents">')
    depth = 0
    for tag in re.finditer(r"<(/?)nav\b", page_html[start:]):
        depth += -1 if tag[1] else 1
        if depth == 0:
            toc = page_html[start : start + tag.start()]
            break
    return [html.unescape(entry.strip()) for entry in re.findall(r'<span class="md-ellipsis">(.*?)</span>', toc, re.S)]
