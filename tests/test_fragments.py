"""The pieces of author text on a quiz page: kept inline where they must be, and found again after rendering."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import markdown
import pytest

from mkdocs_closer.quizcore import load_quiz
from mkdocs_closer.quizcore.fragments import (
    BLOCK,
    PARAGRAPH,
    PieceError,
    _travels_as,
    field_path,
    inline_markdown,
    page_source,
    question_labels,
    split,
)
from mkdocs_closer.quizcore.model import build_quiz
from mkdocs_closer.quizcore.strings import DEFAULT_STRINGS

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
    html = markdown.markdown(f"- {inline_markdown(text)}", extensions=["pymdownx.tasklist"])
    assert html == f"<ul>\n<li>{rendered}</li>\n</ul>"


def test_pieces_are_found_again_after_rendering() -> None:
    quiz = load_quiz(FIXTURE, root=FIXTURE.parent, known_pages={"lessons/one.md"})
    html = markdown.markdown(page_source(quiz, DEFAULT_STRINGS), extensions=["attr_list", "toc"])
    title, pieces = split(html, quiz, DEFAULT_STRINGS)
    assert title.startswith("<h1") and "Check: what intimacy is" in title
    assert pieces["choice/core-of-intimacy/c"] == "Agreeing with each other about the things that matter most"
    assert pieces["prompt/core-of-intimacy"].startswith('<h2 class="quiz-question__prompt" id="core-of-intimacy">')
    assert "Reis &amp; Shaver, 1988" in pieces["explanation/core-of-intimacy"]
    assert pieces["choice/needs-to-be-dramatic/true"] == "True"


def test_reshaped_pieces_are_an_error_not_a_garbled_page() -> None:
    quiz = load_quiz(FIXTURE, root=FIXTURE.parent, known_pages={"lessons/one.md"})
    html = markdown.markdown(page_source(quiz, DEFAULT_STRINGS), extensions=["attr_list"])
    with pytest.raises(ValueError, match="inline pieces"):
        split(html.replace("<li>", "<p>", 1), quiz, DEFAULT_STRINGS)


@pytest.mark.parametrize(
    "text",
    [
        "One plain paragraph, with *emphasis* and a [link](../lessons/one.md).",
        "A paragraph written\nover two lines (Reis & Shaver, 1988).",
    ],
)
def test_a_one_paragraph_block_travels_with_the_one_line_pieces(text: str) -> None:
    assert _travels_as(BLOCK, text) == PARAGRAPH
    html = markdown.markdown(f"- {inline_markdown(text)}\n- next")
    assert html == markdown.markdown(f"- {text}\n- next")
    assert f"<p>{html.split('<li>')[1].split('</li>')[0]}</p>" == markdown.markdown(text)


@pytest.mark.parametrize(
    "text",
    [
        "First paragraph.\n\nSecond paragraph.",
        "Intro:\n- a list item",
        "Intro:\n1. a numbered item",
        "Some code:\n\n    indented",
        "A line with a hard break  \nand more",
        "A paragraph with a class { .note }",
        "A paragraph with {: #an-id }",
        "A paragraph with { data-x=1 }",
        "!!! note\n    An admonition",
        "| a | b |\n|---|---|",
        "Text\n---",
        "<div>HTML</div>",
        "Term\n: definition",
        "See [the guide][g].\n[g]: ../lessons/one.md",
        "",
    ],
)
def test_anything_more_than_one_plain_paragraph_keeps_its_own_marker(text: str) -> None:
    assert _travels_as(BLOCK, text) == BLOCK


def test_question_numbers_are_added_after_rendering() -> None:
    quiz = load_quiz(FIXTURE, root=FIXTURE.parent, known_pages={"lessons/one.md"})
    source = page_source(quiz, DEFAULT_STRINGS)
    assert "quiz-question__number" not in source, "numbers are not author text: they need no Markdown"
    _, pieces = split(markdown.markdown(source, extensions=["attr_list", "toc"]), quiz, DEFAULT_STRINGS)
    assert '<span class="quiz-question__number">Question 1.</span> ' in pieces["prompt/core-of-intimacy"]
    # Reflections are counted apart, and their number stays outside the label that names their text box.
    assert '<span class="quiz-question__number">Reflection 1.</span> <label' in pieces["prompt/your-moment"]
    assert question_labels(quiz, DEFAULT_STRINGS) == {"core-of-intimacy": "Question 1", "parts-of-the-process":
        "Question 2", "needs-to-be-dramatic": "Question 3", "your-moment": "Reflection 1"}


def _with_choice_text(text: str) -> object:
    """The fixture quiz with the first question's third choice changed, as if no check had looked at it."""
    quiz = load_quiz(FIXTURE, root=FIXTURE.parent, known_pages={"lessons/one.md"})
    first = quiz.questions[0]
    choices = (*first.choices[:2], dataclasses.replace(first.choices[2], text=text))
    return dataclasses.replace(quiz, questions=(dataclasses.replace(first, choices=choices), *quiz.questions[1:]))


def test_a_piece_that_reshapes_its_list_is_named() -> None:
    quiz = _with_choice_text("Never</li><li>Always")
    html = markdown.markdown(page_source(quiz, DEFAULT_STRINGS), extensions=["attr_list"])
    with pytest.raises(PieceError, match="inline pieces") as info:
        split(html, quiz, DEFAULT_STRINGS)
    assert info.value.key == "choice/core-of-intimacy/c"
    assert field_path(quiz, info.value.key) == ("questions", 0, "choices", 2, "text")


@pytest.mark.parametrize(
    ("key", "path"),
    [
        ("intro", ("intro",)),
        ("prompt/core-of-intimacy", ("questions", 0, "prompt")),
        ("feedback/core-of-intimacy/a", ("questions", 0, "choices", 0, "feedback")),
        ("explanation/parts-of-the-process", ("questions", 1, "explanation")),
        ("choice/needs-to-be-dramatic/true", ("questions", 2)),
        ("feedback/needs-to-be-dramatic/true", ("questions", 2, "feedback_true")),
        ("back", None),
    ],
)
def test_field_path_of_each_kind_of_piece(key: str, path: tuple | None) -> None:
    quiz = load_quiz(FIXTURE, root=FIXTURE.parent, known_pages={"lessons/one.md"})
    assert field_path(quiz, key) == path


def test_field_path_of_a_band_follows_the_file_not_the_score_order() -> None:
    data = {
        "title": "Rate", "type": "self-assessment", "lesson": "lessons/one.md",
        "scale": [{"value": 1, "label": "Disagree"}, {"value": 2, "label": "Agree"}],
        "items": [{"id": "share", "text": "I share."}],
        "bands": [{"min": 1.6, "max": 2, "title": "High", "text": "High."},
                  {"min": 1, "max": 1.5, "title": "Low", "text": "Low."}],
    }
    quiz = build_quiz("rate", "quizzes/rate.yml", data)
    assert [band.title for band in quiz.bands] == ["Low", "High"]
    assert field_path(quiz, "band/overall/0") == ("bands", 1, "text")
    assert field_path(quiz, "next/overall/1") == ("bands", 0, "read_next")
