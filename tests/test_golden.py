"""Golden files: each `tests/golden/<case>.yml` renders to exactly `tests/golden/<case>.html`.

Regenerate after an intended change with `pytest tests/test_golden.py --regen-golden` and review the diff.
"""

from __future__ import annotations

import json
from pathlib import Path

import markdown
import pytest

from mkdocs_closer.quizcore import load_quiz
from mkdocs_closer.quizcore.fragments import page_meta, page_source
from mkdocs_closer.quizcore.render import default_env, quiz_html
from mkdocs_closer.quizcore.strings import merge_strings

GOLDEN = Path(__file__).parent / "golden"
CASES = sorted(p.stem for p in GOLDEN.glob("*.yml"))
# Like the site's Markdown, without MkDocs' link rewriting (links stay as `.md` paths here).
EXTENSIONS = ["attr_list", "footnotes", "md_in_html", "tables", "toc"]
CONFIGS = {"toc": {"permalink": True}}

STRINGS = merge_strings(None, site="Closer")


def render_html(case: str) -> str:
    quiz = load_quiz(GOLDEN / f"{case}.yml", root=GOLDEN, known_pages={"lessons/one.md", "lessons/two.md"})
    source = page_source(quiz, STRINGS)
    rendered = markdown.Markdown(extensions=EXTENSIONS, extension_configs=CONFIGS).convert(source)
    html = quiz_html(quiz, rendered, default_env(), STRINGS)[0]
    return f"<!-- page metadata: {json.dumps(page_meta(quiz), sort_keys=True)} -->\n{html}\n"


@pytest.mark.parametrize("case", CASES)
def test_golden(case: str, request: pytest.FixtureRequest) -> None:
    expected_file = GOLDEN / f"{case}.html"
    actual = render_html(case)
    if request.config.getoption("--regen-golden"):
        expected_file.write_text(actual, encoding="utf-8")
    assert expected_file.exists(), f"no golden file for {case}; run pytest --regen-golden"
    assert actual == expected_file.read_text(encoding="utf-8")


def test_every_case_has_a_golden_file() -> None:
    assert {p.stem for p in GOLDEN.glob("*.html")} == set(CASES)
