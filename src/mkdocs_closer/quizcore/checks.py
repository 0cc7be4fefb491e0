"""Rules the JSON Schema cannot express: unique ids, correct answers, band coverage, links.

Every check tolerates malformed data (it skips what it cannot read), so that all problems of a
file are reported together with the schema's.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal, InvalidOperation
from functools import cache
from string import ascii_lowercase
from typing import Any, TypeVar

from mkdocs_closer.quizcore.errors import Path, Problem
from mkdocs_closer.quizcore.links import broken_links
from mkdocs_closer.quizcore.loader import Document
from mkdocs_closer.quizcore.schema import schema_document
from mkdocs_closer.quizcore.scoring import ScoreRange, as_decimal, round_score, score_range

Report = Callable[[Path, str], None]
FRAGMENT_MARKER = "<!-- quiz-fragment: {} -->"
"""What quiz pages put before each piece of author text (see `fragments`); author text may not contain it."""
_MARKER_START = FRAGMENT_MARKER.split("{")[0].rstrip()
# Code spans and fenced blocks show tags as text; a backslash-escaped `\<` is text too.
_CODE = re.compile(r"^ {0,3}(`{3,}|~{3,}).*?^ {0,3}\1|(`+).+?\2|\\<", re.S | re.M)
_TAG = re.compile(r"<(?P<closing>/?)(?P<name>[A-Za-z][A-Za-z0-9-]*)(?=[\s/>])[^<>]*?(?P<self_closing>/?)>")
# Unicode's control characters (category Cc) but for tab and line feed, which text may hold.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_VISIBLE_ASCII = re.compile(r"[!-~]")
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
T = TypeVar("T")
K = TypeVar("K")


def default_choice_id(index: int) -> str:
    """Return the id a choice gets when the author gives none: a, b, c and so on."""
    return ascii_lowercase[index] if index < len(ascii_lowercase) else f"choice-{index + 1}"


def group_by(entries: Iterable[T], key: Callable[[T], K]) -> dict[K, list[T]]:
    """Return `entries` grouped by `key`, each group in the entries' order, in one pass however many groups."""
    groups: dict[K, list[T]] = {}
    for entry in entries:
        groups.setdefault(key(entry), []).append(entry)
    return groups


def _dicts(value: object) -> Iterator[tuple[int, dict[Any, Any]]]:
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
    markdown_keys = _markdown_keys()
    for path, text in _texts(data, ()):
        _check_characters(text, path, report)
        if _MARKER_START in text:
            report(path, f"contains `{_MARKER_START} … -->`, a marker quiz pages use for themselves; remove it.")
        elif path and path[-1] in markdown_keys:
            _check_html(text, path, report)
            for message in broken_links(text, known_pages):
                report(path, message)
    _check_page(data.get("lesson"), ("lesson",), known_pages, report)
    _check_unique_ids(data.get("questions"), "questions", "question", report)
    _check_questions(data.get("questions"), report)
    _check_unique_ids(data.get("items"), "items", "statement", report)
    _check_unique_ids(data.get("subscales"), "subscales", "subscale", report)
    _check_assessment(data, known_pages, report)
    return problems


def _texts(value: object, path: Path) -> Iterator[tuple[Path, str]]:
    """Yield (path, text) for every text in the quiz data."""
    stack: list[tuple[Path, object]] = [(path, value)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, str):
            yield path, value
        elif isinstance(value, dict):
            stack += [((*path, key), entry) for key, entry in reversed(value.items())]
        elif isinstance(value, list):
            stack += [((*path, i), entry) for i, entry in reversed(list(enumerate(value)))]


def _check_characters(text: str, path: Path, report: Report) -> None:
    control = _CONTROL.search(text)
    if control is not None:
        report(path, f"contains the control character U+{ord(control[0]):04X}, which pages cannot show; remove it "
                     "(in double quotes, look for a backslash escape).")
    if _VISIBLE_ASCII.search(text):
        return  # most texts: a visible ASCII character, so not only invisible ones
    invisible = [c for c in text if not c.isspace()]
    if invisible and all(unicodedata.category(c) == "Cf" for c in invisible):
        # Whitespace alone is refused by the schema; zero-width characters look just as empty on the page.
        report(path, f"has only invisible characters (U+{ord(invisible[0]):04X}); write visible text.")


@cache
def _markdown_keys() -> frozenset[str]:
    """Return the keys whose values the site renders as Markdown (and so as HTML), read from the schema."""
    kinds = {"#/definitions/markdown", "#/definitions/inline_markdown"}
    return frozenset(
        key
        for definition in [schema_document(), *schema_document()["definitions"].values()]
        for key, spec in definition.get("properties", {}).items()
        if isinstance(spec, dict) and spec.get("$ref") in kinds
    )


def _check_html(text: str, path: Path, report: Report) -> None:
    """Report HTML tags that close an element the text did not open, or open one it never closes.

    Either would reshape the page around the text: a stray `</li>` ends the list that holds every choice.
    """
    if "<" not in text:
        return  # most texts: no tag at all
    opened: list[str] = []
    for match in _TAG.finditer(_CODE.sub("", text)):
        closing, name = match["closing"], match["name"].lower()
        if name in _VOID or match["self_closing"]:
            continue
        if not closing:
            opened.append(name)
        elif name in opened:
            del opened[len(opened) - 1 - opened[::-1].index(name):]
        else:
            report(path, f"`</{name}>` closes an HTML element this text did not open, which would break the page "
                         "around it; remove it, or put it in backticks to show it as code.")
            return
    if opened:
        report(path, f"`<{opened[0]}>` opens an HTML element this text never closes, which would swallow the page "
                     f"after it; close it with `</{opened[0]}>`, or put it in backticks to show it as code.")


def _check_page(page: object, path: Path, known_pages: set[str], report: Report) -> None:
    # A path the schema already refuses (absolute, `../`, an anchor) needs no second message.
    if not isinstance(page, str) or not re.match(schema_document()["definitions"]["page"]["pattern"], page):
        return
    if page not in known_pages:
        match = difflib.get_close_matches(page, sorted(known_pages), n=1, cutoff=0.85)
        fix = (f"did you mean `{match[0]}`?" if match
               else "give the path of an existing page, like `lessons/opening-up.md`.")
        report(path, f"`{page}` does not exist in docs/; {fix}")


def _check_unique_ids(entries: object, key: str, noun: str, report: Report) -> None:
    first: dict[str, int] = {}
    for i, entry in _dicts(entries):
        ident = entry.get("id")
        if not isinstance(ident, str):
            continue
        if ident.startswith("quiz-"):
            report((key, i, "id"),
                   f"ids starting with `quiz-` are reserved for the quiz page itself; rename `{ident}`.")
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
        unreadable = any(not isinstance(c.get("correct", False), bool) for _, c in _dicts(choices))
        if not isinstance(choices, list) or unreadable:
            # A `correct: "true"` is reported by the schema; counting it as wrong would add a misleading second message.
            continue
        kind = question.get("type")
        if kind == "single" and correct != 1:
            report(("questions", qi, "choices"),
                   f"a single-choice question needs exactly one choice with `correct: true`; found {correct}. "
                   "Use `type: multiple` if several are right.")
        if kind == "multiple" and correct == 0:
            report(("questions", qi, "choices"),
                   "a multiple-choice question needs at least one choice with `correct: true`.")


def _check_assessment(data: dict[Any, Any], known_pages: set[str], report: Report) -> None:
    scale = data.get("scale")
    points = [p for _, p in _dicts(scale)]
    values: list[Any] = [p.get("value") for p in points]
    numeric = bool(values) and all(isinstance(v, int) and not isinstance(v, bool) for v in values)
    categorical = bool(values) and all(isinstance(v, str) for v in values)
    plain = all(isinstance(v, int | str) and not isinstance(v, bool) for v in values)
    if values and plain and not numeric and not categorical:
        # Other values (1.5, true, a list) are wrong in themselves, and the schema says so.
        report(("scale",),
               "scale values must be all whole numbers (a scored scale) or all words (an unscored one), not a mix.")
    if numeric and values != list(range(values[0], values[0] + len(values))):
        report(("scale",), f"scale values must count up by one from the lowest, like 1, 2, 3, 4, 5; found {values}.")
        numeric = False
    _check_duplicates(scale, "value", "scale", "value", report)
    _check_duplicates(scale, "label", "scale", "label", report)

    items = list(_dicts(data.get("items")))
    subscales = [s for _, s in _dicts(data.get("subscales"))]
    subscale_ids = {s["id"] for s in subscales if isinstance(s.get("id"), str)}
    # With an unreadable subscale id (reported by the schema), "not defined" could be wrong.
    ids_readable = all(isinstance(s.get("id"), str) for s in subscales)
    suggested: set[str] = set()
    for i, item in items:
        if item.get("reverse") is True and categorical:
            report(("items", i, "reverse"),
                   "reverse scoring needs a numeric scale; this scale's values are words. Remove `reverse`.")
        sub = item.get("subscale")
        if isinstance(sub, str) and sub not in subscale_ids and ids_readable:
            match = difflib.get_close_matches(sub, sorted(subscale_ids), n=1, cutoff=0.6)
            fix = f"did you mean `{match[0]}`?" if match else "add it there with an `id` and a `title`."
            suggested.update(match)
            report(("items", i, "subscale"), f"subscale `{sub}` is not defined under `subscales`; {fix}")

    if categorical:
        for key in ("scoring", "bands"):
            if key in data:
                report((key,),
                       f"`{key}` needs a numeric scale; this scale's values are words. Remove `{key}` or use numbers.")
        for si, sub in _dicts(data.get("subscales")):
            if "bands" in sub:
                report(("subscales", si, "bands"),
                       "bands need a numeric scale; this scale's values are words. Remove `bands` or use numbers.")
        return
    if not numeric:
        return

    scoring: dict[Any, Any] = data["scoring"] if isinstance(data.get("scoring"), dict) else {}
    method = "sum" if scoring.get("method") == "sum" else "mean"
    if "bands" in data:
        _check_bands(data["bands"], ("bands",), score_range(values, len(items), method), known_pages, report)
    # A subscale that is not text (reported by the schema) is grouped as written: no id looks like `[]` or `None`.
    groups = group_by((item for _, item in items), lambda item: str(item.get("subscale", "")))
    for si, sub in _dicts(data.get("subscales")):
        if not isinstance(sub.get("id"), str):
            continue
        members = groups.get(sub["id"], [])
        if not members and sub["id"] not in suggested:
            # A subscale suggested for a misspelt one above is empty only because of that typo.
            report(("subscales", si),
                   f"subscale `{sub.get('id')}` has no statements; set `subscale: {sub.get('id')}` on some items.")
        elif members and "bands" in sub:
            _check_bands(sub["bands"], ("subscales", si, "bands"), score_range(values, len(members), method),
                         known_pages, report)


def _check_duplicates(entries: object, field: str, key: str, noun: str, report: Report) -> None:
    seen: set[object] = set()
    for i, entry in _dicts(entries):
        value = entry.get(field)
        if not isinstance(value, str | int) or isinstance(value, bool):
            continue
        if value in seen:
            report((key, i, field), f"{noun} `{value}` appears twice; each point of the scale needs its own.")
        seen.add(value)


def _on_grid(scores: ScoreRange, value: Decimal) -> bool:
    """Like `ScoreRange.on_grid`, but a number too large for Decimal's precision is simply off the grid."""
    try:
        return scores.on_grid(value)
    except InvalidOperation:
        return False


def _shown(value: Decimal, scores: ScoreRange) -> str:
    """Show a computed score as readers see it: `3.0` for a mean, `30` for a sum."""
    try:
        exponent = scores.step.as_tuple().exponent
        decimals = -exponent if isinstance(exponent, int) else 0  # A step is finite: never NaN or infinity.
        return str(round_score(value, decimals)) if scores.low <= value <= scores.high else str(value)
    except InvalidOperation:  # More digits than Decimal's precision: show it as it is.
        return str(value)


def _check_bands(bands: object, path: Path, scores: ScoreRange, known_pages: set[str], report: Report) -> None:
    for i, band in _dicts(bands):
        pages = band.get("read_next")
        for j, page in enumerate(pages if isinstance(pages, list) else []):
            _check_page(page, (*path, i, "read_next", j), known_pages, report)
    step = "one decimal" if scores.step < 1 else "whole numbers"
    span = f"from {_shown(scores.low, scores)} to {_shown(scores.high, scores)}"
    readable: list[tuple[int, Decimal, Decimal]] = []
    for i, band in _dicts(bands):
        if not (_number(band.get("min")) and _number(band.get("max"))):
            continue
        low, high = as_decimal(band["min"]), as_decimal(band["max"])
        for key, value in (("min", low), ("max", high)):
            if not _on_grid(scores, value):
                report((*path, i, key),
                       f"{value} is not a possible score (scores here are {step}, {span}); {_nearest(value, scores)}.")
        if low > high:
            report((*path, i), f"`min` ({low}) is greater than `max` ({high}); swap them.")
        else:
            # An upside-down band has no place in the order; checking coverage with it would add confusing messages.
            readable.append((i, low, high))
    if not readable:
        return
    ordered = sorted(readable, key=lambda entry: (entry[1], entry[2]))
    first_i, first_low, _ = ordered[0]
    if first_low != scores.low:
        report((*path, first_i, "min"),
               f"the lowest band must start at the lowest possible score, {_shown(scores.low, scores)}; "
               f"it starts at {first_low}.")
    top_i, _, top = max(readable, key=lambda entry: entry[2])
    if top != scores.high:
        report((*path, top_i, "max"),
               f"the highest band must end at the highest possible score, {_shown(scores.high, scores)}; "
               f"it ends at {top}.")
    reach = ordered[0][2]
    for i, start, high in ordered[1:]:
        if start <= reach and high <= reach:
            # Moving its start would turn it upside down: the band is redundant, not misplaced.
            report((*path, i), f"this band lies inside the one ending at {reach}; remove it or narrow that one.")
        elif start <= reach:
            report((*path, i, "min"),
                   f"this band overlaps the one ending at {reach}; start it at {reach + scores.step}.")
        elif start != reach + scores.step and _on_grid(scores, start) and _on_grid(scores, reach):
            # Off-grid ends are reported above; a "gap" computed from them would point at impossible scores.
            report((*path, i, "min"),
                   f"gap between {reach} and {start}: a score of {reach + scores.step} would fall in no band; "
                   f"start this band at {reach + scores.step}.")
        reach = max(reach, high)


def _nearest(value: Decimal, scores: ScoreRange) -> str:
    """Suggest the possible scores on either side of an impossible one."""
    if not scores.low < value < scores.high:
        return "use one in that range"
    try:
        below = scores.low + (value - scores.low) // scores.step * scores.step
    except InvalidOperation:
        return "use one in that range"
    return f"use {_shown(below, scores)} or {_shown(below + scores.step, scores)}"
