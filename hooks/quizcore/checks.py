"""Rules the JSON Schema cannot express: unique ids, correct answers, band coverage, links.

Every check tolerates malformed data (it skips what it cannot read), so that all problems of a
file are reported together with the schema's.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from string import ascii_lowercase

from quizcore.errors import Path, Problem
from quizcore.loader import Document
from quizcore.scoring import ScoreRange, as_decimal, score_range

Report = Callable[[Path, str], None]


def default_choice_id(index: int) -> str:
    """Return the id a choice gets when the author gives none: a, b, c…"""
    return ascii_lowercase[index] if index < len(ascii_lowercase) else f"choice-{index + 1}"


def _dicts(value: object) -> Iterator[tuple[int, dict]]:
    if isinstance(value, list):
        for i, entry in enumerate(value):
            if isinstance(entry, dict):
                yield i, entry


def _number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def semantic_problems(doc: Document, known_pages: set[str]) -> list[Problem]:
    """Return every problem the schema cannot see."""
    problems: list[Problem] = []

    def report(path: Path, message: str) -> None:
        problems.append(doc.problem(path, message))

    data = doc.data if isinstance(doc.data, dict) else {}
    _check_page(data.get("lesson"), ("lesson",), known_pages, report)
    _check_unique_ids(data.get("questions"), "questions", "question", report)
    _check_questions(data.get("questions"), report)
    _check_unique_ids(data.get("items"), "items", "statement", report)
    _check_unique_ids(data.get("subscales"), "subscales", "subscale", report)
    _check_assessment(data, known_pages, report)
    return problems


def _check_page(page: object, path: Path, known_pages: set[str], report: Report) -> None:
    if isinstance(page, str) and page.endswith(".md") and page not in known_pages:
        report(path, f"`{page}` does not exist in docs/; give the path of an existing page, like `lessons/opening-up.md`.")


def _check_unique_ids(entries: object, key: str, noun: str, report: Report) -> None:
    first: dict[str, int] = {}
    for i, entry in _dicts(entries):
        ident = entry.get("id")
        if not isinstance(ident, str):
            continue
        if ident.startswith("quiz-"):
            report((key, i, "id"), f"ids starting with `quiz-` are reserved for the quiz page itself; rename `{ident}`.")
        if ident in first:
            report((key, i, "id"), f"{noun} id `{ident}` is already used by {key}[{first[ident]}]; ids must be unique.")
        else:
            first[ident] = i


def _check_questions(questions: object, report: Report) -> None:
    for qi, question in _dicts(questions):
        choices = question.get("choices")
        seen: dict[str, int] = {}
        correct = 0
        for ci, choice in _dicts(choices):
            ident = choice.get("id", default_choice_id(ci))
            if isinstance(ident, str) and ident in seen:
                report(("questions", qi, "choices", ci, "id"),
                       f"choice id `{ident}` is already used by choices[{seen[ident]}]; give each choice its own id.")
            elif isinstance(ident, str):
                seen[ident] = ci
            correct += choice.get("correct") is True
        if not isinstance(choices, list):
            continue
        kind = question.get("type")
        if kind == "single" and correct != 1:
            report(("questions", qi, "choices"),
                   f"a single-choice question needs exactly one choice with `correct: true`; found {correct}. "
                   "Use `type: multiple` if several are right.")
        if kind == "multiple" and correct == 0:
            report(("questions", qi, "choices"), "a multiple-choice question needs at least one choice with `correct: true`.")


def _check_assessment(data: dict, known_pages: set[str], report: Report) -> None:
    scale = data.get("scale")
    points = [p for _, p in _dicts(scale)]
    values = [p.get("value") for p in points]
    numeric = bool(values) and all(isinstance(v, int) and not isinstance(v, bool) for v in values)
    categorical = bool(values) and all(isinstance(v, str) for v in values)
    if values and not numeric and not categorical:
        report(("scale",), "scale values must be all whole numbers (a scored scale) or all words (an unscored one), not a mix.")
    if numeric and values != list(range(values[0], values[0] + len(values))):
        report(("scale",), f"scale values must count up by one from the lowest, like 1, 2, 3, 4, 5; found {values}.")
        numeric = False
    _check_duplicates(scale, "value", "scale", "value", report)
    _check_duplicates(scale, "label", "scale", "label", report)

    items = list(_dicts(data.get("items")))
    subscale_ids = {s.get("id") for _, s in _dicts(data.get("subscales"))}
    for i, item in items:
        if item.get("reverse") is True and categorical:
            report(("items", i, "reverse"), "reverse scoring needs a numeric scale; this scale's values are words. Remove `reverse`.")
        sub = item.get("subscale")
        if isinstance(sub, str) and sub not in subscale_ids:
            listed = ", ".join(f"`{s}`" for s in sorted(x for x in subscale_ids if isinstance(x, str))) or "none defined"
            report(("items", i, "subscale"), f"subscale `{sub}` is not defined under `subscales` (defined: {listed}).")

    if categorical:
        for key in ("scoring", "bands"):
            if key in data:
                report((key,), f"`{key}` needs a numeric scale; this scale's values are words. Remove `{key}` or use numbers.")
        for si, sub in _dicts(data.get("subscales")):
            if "bands" in sub:
                report(("subscales", si, "bands"), "bands need a numeric scale; this scale's values are words.")
        return
    if not numeric:
        return

    scoring = data.get("scoring") if isinstance(data.get("scoring"), dict) else {}
    method = scoring.get("method", "mean") if scoring.get("method") in {"mean", "sum"} else "mean"
    if "bands" in data:
        _check_bands(data["bands"], ("bands",), score_range(values, len(items), method), known_pages, report)
    for si, sub in _dicts(data.get("subscales")):
        members = [item for _, item in items if item.get("subscale") == sub.get("id")]
        if not members:
            report(("subscales", si), f"subscale `{sub.get('id')}` has no statements; set `subscale: {sub.get('id')}` on some items.")
        elif "bands" in sub:
            _check_bands(sub["bands"], ("subscales", si, "bands"), score_range(values, len(members), method),
                         known_pages, report)


def _check_duplicates(entries: object, field: str, key: str, noun: str, report: Report) -> None:
    seen: set[object] = set()
    for i, entry in _dicts(entries):
        value = entry.get(field)
        if value in seen and isinstance(value, str | int):
            report((key, i, field), f"{noun} `{value}` appears twice; each point of the scale needs its own.")
        seen.add(value)


def _check_bands(bands: object, path: Path, scores: ScoreRange, known_pages: set[str], report: Report) -> None:
    readable = [(i, band) for i, band in _dicts(bands) if _number(band.get("min")) and _number(band.get("max"))]
    for i, band in _dicts(bands):
        for j, page in enumerate(band.get("read_next") or []):
            _check_page(page, (*path, i, "read_next", j), known_pages, report)
    step = "one decimal" if scores.step < 1 else "whole numbers"
    for i, band in readable:
        low, high = as_decimal(band["min"]), as_decimal(band["max"])
        for key, value in (("min", low), ("max", high)):
            if not scores.on_grid(value):
                report((*path, i, key), f"{value} is not a possible score; scores here are {step} (from {scores.low} to {scores.high}).")
        if low > high:
            report((*path, i), f"`min` ({low}) is greater than `max` ({high}).")
    ordered = sorted(readable, key=lambda entry: as_decimal(entry[1]["min"]))
    if not ordered:
        return
    first_i, first = ordered[0]
    if as_decimal(first["min"]) != scores.low:
        report((*path, first_i, "min"),
               f"the lowest band must start at the lowest possible score, {scores.low}; it starts at {as_decimal(first['min'])}.")
    last_i, last = ordered[-1]
    if as_decimal(last["max"]) != scores.high:
        report((*path, last_i, "max"),
               f"the highest band must end at the highest possible score, {scores.high}; it ends at {as_decimal(last['max'])}.")
    for (_, before), (i, after) in zip(ordered, ordered[1:], strict=False):
        end, start = as_decimal(before["max"]), as_decimal(after["min"])
        if start <= end:
            report((*path, i, "min"), f"this band overlaps the one ending at {end}; start it at {end + scores.step}.")
        elif start != end + scores.step:
            report((*path, i, "min"),
                   f"gap between {end} and {start}: a score of {end + scores.step} would fall in no band; start this band at {end + scores.step}.")
