"""Links in quiz text: found relative to the quiz pages, and a broken one reported against the quiz file."""

from __future__ import annotations

from pathlib import Path

import pytest

from mkdocs_closer.quizcore import QuizError, load_quizzes
from mkdocs_closer.quizcore.links import broken_links, page_targets


@pytest.mark.parametrize(("text", "pages"), [
    ("See [a](../lessons/a.md) and ![b](../img/b.png).", ["lessons/a.md"]),
    ("[x](../lessons/a.md#part 'title') [y](<../lessons/b.md>)", ["lessons/a.md", "lessons/b.md"]),
    ("Text.\n\n[ref]: ../lessons/c.md\n", ["lessons/c.md"]),
    ('<a href="../lessons/d.md?x=1">d</a>', ["lessons/d.md"]),
    ("[e](https://example.org/e.md) [f](#f) [g](/abs/g.md) [h](mailto:h@example.org)", []),
    ("[same](other-quiz.md)", ["quizzes/other-quiz.md"]),
])
def test_links_in_quiz_text_are_found_relative_to_the_quiz_pages(text: str, pages: list[str]) -> None:
    assert [page for _, page in page_targets(text)] == pages


def test_a_broken_link_in_quiz_text_says_where_it_leads() -> None:
    assert broken_links("[a](../lessons/a.md) [b](../lesson/b.md)", {"lessons/a.md"}) == [
        "the link `../lesson/b.md` leads to `lesson/b.md`, which does not exist in docs/; links in quiz text are "
        "relative to the quiz page in `quizzes/`, so a lesson is `../lessons/<name>.md`."
    ]


def test_broken_links_are_reported_against_the_quiz_file_once(tmp_path: Path) -> None:
    (tmp_path / "x.yml").write_text(
        "title: X\ntype: knowledge-check\nlesson: lessons/one.md\nquestions:\n"
        "  - id: a\n    type: true-false\n    prompt: Is it?\n    answer: true\n"
        "    explanation: See [nowhere](../lessons/nowhere.md).\n"
        "  - id: r\n    type: reflection\n    prompt: Think about [that](../lessons/one.md).\n",
        encoding="utf-8",
    )
    with pytest.raises(QuizError) as raised:
        load_quizzes(tmp_path, root=tmp_path.parent, known_pages={"lessons/one.md"})
    assert [str(p) for p in raised.value.problems] == [
        f"{tmp_path.name}/x.yml:9:18: questions[0].explanation: the link `../lessons/nowhere.md` leads to "
        "`lessons/nowhere.md`, which does not exist in docs/; links in quiz text are relative to the quiz page in "
        "`quizzes/`, so a lesson is `../lessons/<name>.md`."
    ]
