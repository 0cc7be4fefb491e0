"""The pieces of author text on a quiz page: kept inline where they must be, and found again after rendering."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from quizcore import load_quiz
from quizcore.fragments import _inline, page_source, split
from quizcore.strings import DEFAULT_STRINGS

FIXTURE = Path(__file__).parent / "fixtures" / "quizzes" / "check-one.yml"


@pytest.mark.parametrize(
    ("text", "rendered"),
    [
        ("1. first", "1. first"),
        ("- dash", "- dash"),
        ("# hash", "# hash"),
        ("> quote", "&gt; quote"),
        ("[x] done", "[x] done"),
        ("***", "***"),
        ("*stress* stays", "<em>stress</em> stays"),
    ],
)
def test_one_line_pieces_stay_one_line_of_text(text: str, rendered: str) -> None:
    html = markdown.markdown(f"- {_inline(text)}", extensions=["pymdownx.tasklist"])
    assert html == f"<ul>\n<li>{rendered}</li>\n</ul>"


def test_pieces_are_found_again_after_rendering() -> None:
    quiz = load_quiz(FIXTURE, root=FIXTURE.parent, known_pages={"lessons/one.md"})
    html = markdown.markdown(page_source(quiz, DEFAULT_STRINGS), extensions=["attr_list", "toc"])
    title, pieces = split(html, quiz, DEFAULT_STRINGS)
    assert title.startswith("<h1") and "what emotional intimacy is" in title
    assert pieces["choice/core-of-intimacy/c"] == "Never disagreeing about anything important"
    assert pieces["prompt/core-of-intimacy"].startswith('<h2 class="quiz-question__prompt" id="core-of-intimacy">')
    assert "Reis &amp; Shaver, 1988" in pieces["explanation/core-of-intimacy"]
    assert pieces["choice/needs-to-be-dramatic/true"] == "True"


def test_reshaped_pieces_are_an_error_not_a_garbled_page() -> None:
    quiz = load_quiz(FIXTURE, root=FIXTURE.parent, known_pages={"lessons/one.md"})
    html = markdown.markdown(page_source(quiz, DEFAULT_STRINGS), extensions=["attr_list"])
    with pytest.raises(ValueError, match="inline pieces"):
        split(html.replace("<li>", "<p>", 1), quiz, DEFAULT_STRINGS)
