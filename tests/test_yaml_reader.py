"""The quiz files' reader: PyYAML's data, with the position of every value and key, built from the parser's events."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from quiz_files import FILES, LOADED, ROOT

from mkdocs_closer.quizcore.loader import read_document


def test_most_files_are_readable() -> None:
    assert len(LOADED) > 0.8 * len(FILES)


@pytest.mark.parametrize("path", LOADED, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_the_data_is_what_pyyaml_reads(path: Path) -> None:
    text = path.read_bytes().decode("utf-8-sig")
    assert read_document(path.read_bytes(), path.name).data == yaml.load(text, Loader=yaml.CSafeLoader)


@pytest.mark.parametrize("path", LOADED, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_key_and_value_is_where_the_file_has_it(path: Path) -> None:
    text = path.read_bytes().decode("utf-8-sig")
    lines = text.splitlines()
    doc = read_document(path.read_bytes(), path.name)
    node = yaml.compose(text, Loader=yaml.CSafeLoader)

    def walk(node: yaml.Node, where: tuple[object, ...]) -> None:
        mark = node.start_mark
        assert doc.values[where] == (mark.line + 1, mark.column + 1), where
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                assert doc.keys[(*where, key.value)] == (key.start_mark.line + 1, key.start_mark.column + 1)
                assert lines[key.start_mark.line][key.start_mark.column:].startswith(key.value)
                walk(value, (*where, key.value))
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                walk(item, (*where, index))

    walk(node, ())
    assert len(doc.values) == sum(1 for _ in _nodes(node))


def _nodes(node: yaml.Node) -> Iterator[yaml.Node]:
    yield node
    if isinstance(node, yaml.MappingNode):
        for _, value in node.value:
            yield from _nodes(value)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _nodes(item)


SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-1000, 1000), st.text(max_size=20),
                    st.floats(allow_nan=False, allow_infinity=False, width=32))
KEYS = st.from_regex(r"[a-z][a-z_-]{0,8}", fullmatch=True)


def nested(inner: st.SearchStrategy[object]) -> st.SearchStrategy[object]:
    """Return lists and mappings of `inner` values."""
    return st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=4)


DATA = st.recursive(SCALARS, nested, max_leaves=12)


@settings(max_examples=300, deadline=None)
@given(data=st.dictionaries(KEYS, DATA, min_size=1, max_size=5),
       flow=st.booleans())
def test_any_mapping_reads_back_as_pyyaml_reads_it(data: dict[str, object], flow: bool) -> None:
    text = yaml.safe_dump(data, default_flow_style=flow, allow_unicode=True)
    assert read_document(text.encode(), "any.yml").data == yaml.safe_load(text)


@pytest.mark.parametrize("depth", [60, 64])
def test_nesting_a_quiz_never_needs_is_still_read(depth: int) -> None:
    text = "a: " + "[" * depth + "]" * depth + "\n"
    value = read_document(text.encode(), "deep.yml").data
    for _ in range(depth):
        assert isinstance(value, dict | list) and value
        value = value["a"] if isinstance(value, dict) else value[0]
    assert value == []


def test_an_anchor_without_an_alias_is_harmless() -> None:
    assert read_document(b"title: &t Hello\nlesson: x.md\n", "a.yml").data == {"title": "Hello", "lesson": "x.md"}
