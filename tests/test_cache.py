"""The schema cache: unchanged valid files skip parsing, and nothing it remembers can hide a problem."""

from __future__ import annotations

from pathlib import Path

import pytest
from quizcore import QuizError, load_quiz
from quizcore.cache import SchemaCache

QUIZ = """\
title: T
type: knowledge-check
lesson: lessons/one.md
questions:
  - {id: q, type: reflection, prompt: Why?}
"""
PAGES = {"lessons/one.md"}


def load(tmp_path: Path, text: str, pages: set[str] = PAGES) -> object:
    path = tmp_path / "quizzes" / "t.yml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    cache = SchemaCache(tmp_path / ".cache" / "quizzes.json")
    try:
        return load_quiz(path, root=tmp_path, known_pages=pages, cache=cache)
    finally:
        cache.save()


def test_a_valid_file_is_remembered_and_read_back_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = load(tmp_path, QUIZ)
    assert (tmp_path / ".cache" / "quizzes.json").is_file()
    import quizcore.pipeline

    def no_parsing(*args: object) -> None:
        raise AssertionError("an unchanged file was parsed again")

    monkeypatch.setattr(quizcore.pipeline, "read_document", no_parsing)
    assert load(tmp_path, QUIZ) == first


def test_a_changed_file_is_checked_again(tmp_path: Path) -> None:
    load(tmp_path, QUIZ)
    with pytest.raises(QuizError, match="unknown key `titel`"):
        load(tmp_path, QUIZ.replace("title:", "titel:"))


def test_a_cached_file_whose_lesson_disappeared_is_reported_with_its_line(tmp_path: Path) -> None:
    load(tmp_path, QUIZ)
    with pytest.raises(QuizError) as error:
        load(tmp_path, QUIZ, pages={"lessons/two.md"})
    assert str(error.value).startswith("quizzes/t.yml:3:9: lesson: `lessons/one.md` does not exist in docs/")


def test_an_invalid_file_is_never_remembered(tmp_path: Path) -> None:
    with pytest.raises(QuizError):
        load(tmp_path, QUIZ.replace("title: T", "title: [T]"))
    assert not (tmp_path / ".cache" / "quizzes.json").exists()


@pytest.mark.parametrize("damage", ["{not json", "[]", '{"x": 5}'])
def test_a_damaged_cache_is_ignored(tmp_path: Path, damage: str) -> None:
    (tmp_path / ".cache").mkdir()
    (tmp_path / ".cache" / "quizzes.json").write_text(damage, encoding="utf-8")
    assert load(tmp_path, QUIZ).title == "T"
