"""The schema's compiled check: written from the schema as it is, and of one mind with jsonschema on every input."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from compile_schema import TARGET, compiled
from hypothesis import given, settings
from hypothesis import strategies as st
from quiz_files import LOADED, ROOT

from mkdocs_closer.quizcore.loader import read_document
from mkdocs_closer.quizcore.schema import is_valid, validator

JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 12) | st.floats(-2, 12, allow_nan=False) | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=6,
)


def data_of(path: Path) -> object:
    """Return a quiz file's data as the build reads it."""
    return read_document(path.read_bytes(), path.name).data


def jsonschema_valid(data: object) -> bool:
    """Say whether jsonschema, which explains every error, finds none."""
    return not any(True for _ in validator().iter_errors(data))


def test_the_compiled_check_is_written_from_the_schema_as_it_is() -> None:
    assert TARGET.read_text(encoding="utf-8") == compiled(), "run `python scripts/compile_schema.py`"


@pytest.mark.parametrize("path", LOADED, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_the_compiled_check_agrees_with_jsonschema_on_every_quiz_file(path: Path) -> None:
    data = data_of(path)
    assert is_valid(data) == jsonschema_valid(data)


def test_the_files_hold_both_valid_and_invalid_quizzes() -> None:
    assert len(LOADED) > 80
    assert {is_valid(data_of(path)) for path in LOADED} == {True, False}


BASES = [data_of(path) for path in sorted((ROOT / "quizzes").glob("*.yml"))]


@settings(max_examples=300, deadline=None)
@given(base=st.sampled_from(BASES), steps=st.lists(st.tuples(st.integers(0, 10_000), JSON), min_size=1, max_size=3))
def test_the_compiled_check_agrees_with_jsonschema_on_changed_quizzes(base: object,
                                                                     steps: list[tuple[int, object]]) -> None:
    data = copy.deepcopy(base)
    for where, value in steps:
        _replace(data, where, value)
    assert is_valid(data) == jsonschema_valid(data)


def _replace(data: object, where: int, value: object) -> None:
    """Put `value` in place of the `where`-th value of `data` (counted depth first, modulo their number)."""
    slots: list[tuple[object, object]] = []

    def walk(node: object) -> None:
        children = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else []
        for key, child in list(children):
            slots.append((node, key))
            walk(child)

    walk(data)
    if slots:
        parent, key = slots[where % len(slots)]
        parent[key] = value  # type: ignore[index]
