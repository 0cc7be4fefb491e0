"""Typed, validated quizzes: what the templates and the hook work with."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from mkdocs_closer.quizcore.checks import default_choice_id, group_by
from mkdocs_closer.quizcore.scoring import ScoreRange, as_decimal, score_range

NO_WAIVERS: frozenset[str] = frozenset()
"""Shared by every question and quiz that waives no check: each empty frozenset costs 216 bytes."""


class _Record:
    """A frozen, slotted record that pickles as its class and its fields."""

    __slots__ = ()

    def __reduce__(self) -> tuple[type, tuple[object, ...]]:
        # Quizzes travel pickled from the child that loads them: this is faster both ways than dataclasses' state.
        return type(self), tuple(map(self.__getattribute__, self.__slots__))


def quiz_page(ident: str) -> str:
    """Return the path inside the docs tree of the page made from quiz `ident`."""
    return f"quizzes/{ident}.md"


@dataclass(frozen=True, slots=True)
class Choice(_Record):
    """An answer option; `text` is empty for True/False, whose labels come from the strings table."""

    id: str
    text: str
    correct: bool = False
    feedback: str = ""


@dataclass(frozen=True, slots=True)
class Question(_Record):
    """A knowledge-check question or a reflection prompt."""

    id: str
    type: str
    prompt: str
    choices: tuple[Choice, ...] = ()
    explanation: str = ""
    hint: str = ""
    waived: frozenset[str] = NO_WAIVERS

    @property
    def scored(self) -> bool:
        """Whether the question has right answers."""
        return self.type != "reflection"

    @property
    def correct_choices(self) -> tuple[Choice, ...]:
        """The right answers."""
        return tuple(c for c in self.choices if c.correct)


@dataclass(frozen=True, slots=True)
class ScalePoint(_Record):
    """One response option of a self-assessment scale."""

    value: int | str
    label: str


@dataclass(frozen=True, slots=True)
class Band(_Record):
    """A result band: scores from `low` to `high` inclusive; `position` is its place in the file's list of bands."""

    low: str
    high: str
    title: str
    text: str
    read_next: tuple[str, ...] = ()
    position: int = 0


@dataclass(frozen=True, slots=True)
class Item(_Record):
    """A statement rated on the scale."""

    id: str
    text: str
    reverse: bool = False
    subscale: str = ""
    note: str = ""


@dataclass(frozen=True, slots=True)
class Subscale(_Record):
    """A group of statements with its own score and bands."""

    id: str
    title: str
    items: tuple[str, ...]
    range: ScoreRange | None
    bands: tuple[Band, ...] = ()


@dataclass(frozen=True, slots=True)
class Quiz(_Record):
    """One validated quiz file."""

    id: str
    source: str
    title: str
    type: str
    lesson: str
    description: str = ""
    intro: str = ""
    outro: str = ""
    questions: tuple[Question, ...] = ()
    scale: tuple[ScalePoint, ...] = ()
    items: tuple[Item, ...] = ()
    method: str = "mean"
    min_answered: float = 0.8
    range: ScoreRange | None = None
    bands: tuple[Band, ...] = ()
    subscales: tuple[Subscale, ...] = ()
    safety_prompt: str = ""
    safety_help: str = ""
    waived: frozenset[str] = NO_WAIVERS

    @property
    def src_uri(self) -> str:
        """Path of the generated page inside the docs tree."""
        return quiz_page(self.id)

    @property
    def scored(self) -> bool:
        """Whether a self-assessment produces a score (its scale is numeric)."""
        return self.range is not None


def _question(data: dict[str, Any]) -> Question:
    kind = data["type"]
    if kind == "true-false":
        choices = tuple(
            Choice(ident, "", data["answer"] is value, data.get(f"feedback_{ident}", ""))
            for ident, value in (("true", True), ("false", False))
        )
    else:
        choices = tuple(
            Choice(c.get("id", default_choice_id(i)), c["text"], c.get("correct", False), c.get("feedback", ""))
            for i, c in enumerate(data.get("choices", []))
        )
    return Question(data["id"], kind, data["prompt"], choices, data.get("explanation", ""), data.get("hint", ""),
                    _waivers(data))


def _waivers(data: dict[str, Any]) -> frozenset[str]:
    return frozenset(data["waive"]) if data.get("waive") else NO_WAIVERS


def _bands(entries: list[dict[str, Any]]) -> tuple[Band, ...]:
    ordered = sorted(enumerate(entries), key=lambda entry: as_decimal(entry[1]["min"]))
    return tuple(
        Band(str(as_decimal(b["min"])), str(as_decimal(b["max"])), b["title"], b["text"], tuple(b.get("read_next", ())),
             position)
        for position, b in ordered
    )


def build_quiz(ident: str, source: str, data: dict[str, Any]) -> Quiz:
    """Build a Quiz from data that passed the schema and the semantic checks."""
    scale = tuple(ScalePoint(p["value"], p["label"]) for p in data.get("scale", []))
    items = tuple(
        Item(i["id"], i["text"], i.get("reverse", False), i.get("subscale", ""), i.get("note", ""))
        for i in data.get("items", [])
    )
    scoring = data.get("scoring", {})
    method = scoring.get("method", "mean")
    values = [p.value for p in scale]
    numeric = bool(values) and all(isinstance(v, int) for v in values)

    def range_of(count: int) -> ScoreRange | None:
        return score_range(values, count, method) if numeric else None  # type: ignore[arg-type]

    groups = group_by(items, lambda item: item.subscale)
    subscales = tuple(
        Subscale(
            s["id"], s["title"], tuple(i.id for i in groups.get(s["id"], ())),
            range_of(len(groups.get(s["id"], ()))), _bands(s.get("bands", [])),
        )
        for s in data.get("subscales", [])
    )
    safety = data.get("safety", {})
    return Quiz(
        id=ident,
        source=source,
        title=data["title"],
        type=data["type"],
        lesson=data["lesson"],
        description=data.get("description", ""),
        intro=data.get("intro", ""),
        outro=data.get("outro", ""),
        questions=tuple(_question(q) for q in data.get("questions", [])),
        scale=scale,
        items=items,
        method=method,
        min_answered=scoring.get("min_answered", 0.8),
        range=range_of(len(items)) if items else None,
        bands=_bands(data.get("bands", [])),
        subscales=subscales,
        safety_prompt=safety.get("prompt", ""),
        safety_help=safety.get("help", ""),
        waived=_waivers(data),
    )
