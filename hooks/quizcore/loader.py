"""Read a quiz file into plain data, remembering where every key and value stands."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import yaml

from quizcore.errors import Path, Problem, format_path

MAX_BYTES = 1_000_000
"""Quiz files are small; anything larger is a mistake (or an attack) and is refused unread."""

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_MAP_TAG = "tag:yaml.org,2002:map"
_SEQ_TAG = "tag:yaml.org,2002:seq"


@dataclass
class Document:
    """Parsed quiz data with the 1-based (line, column) of each value and each mapping key."""

    file: str
    data: object = None
    values: dict[Path, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path, tuple[int, int]] = field(default_factory=dict)

    def where(self, path: Path, *, key: bool = False) -> tuple[int, int]:
        """Return the position of `path`, or of its nearest known ancestor."""
        table = self.keys if key else self.values
        for end in range(len(path), -1, -1):
            prefix = path[:end]
            if prefix in table:
                return table[prefix]
            if prefix in self.values:
                return self.values[prefix]
        return (1, 1)

    def problem(self, path: Path, message: str, *, key: bool = False) -> Problem:
        """Build a problem located at `path`."""
        line, column = self.where(path, key=key)
        return Problem(self.file, line, column, format_path(path), message)


class LoadError(Exception):
    """The file could not be read into data at all."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__(problems)


def read_document(raw: bytes, file: str) -> Document:
    """Decode and parse `raw` YAML bytes; raise LoadError with located problems."""
    doc = Document(file)

    def fail(line: int, column: int, message: str) -> LoadError:
        return LoadError([Problem(file, line, column, "(file)", message)])

    if len(raw) > MAX_BYTES:
        raise fail(1, 1, f"file is {len(raw):,} bytes; a quiz file may be at most {MAX_BYTES:,} bytes. Split it into several quizzes.")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        raise fail(line, column, f"byte 0x{raw[exc.start]:02x} is not valid UTF-8; save the file as UTF-8.") from None
    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()):
        raise fail(1, 1, "file is empty; a quiz needs at least `title`, `type` and `lesson` (see the authoring guide).")
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise fail(line, column, _yaml_message(exc, text, line)) from None
    except yaml.YAMLError as exc:
        raise fail(1, 1, f"invalid YAML: {exc}") from None
    except RecursionError:
        raise fail(1, 1, "the YAML is nested too deeply to be a quiz.") from None
    if node is None:
        raise fail(1, 1, "file is empty; a quiz needs at least `title`, `type` and `lesson` (see the authoring guide).")
    problems: list[Problem] = []
    try:
        doc.data = _Builder(doc, problems).build(node, ())
    except RecursionError:
        raise fail(1, 1, "the YAML is nested too deeply to be a quiz.") from None
    if problems:
        raise LoadError(problems)
    if not isinstance(doc.data, dict):
        kind = "a list" if isinstance(doc.data, list) else "a single value"
        raise fail(node.start_mark.line + 1, node.start_mark.column + 1,
                   f"the top level is {kind}; a quiz file must be a mapping of keys such as `title:` and `type:`.")
    return doc


def _yaml_message(exc: yaml.MarkedYAMLError, text: str, line: int) -> str:
    """Explain a YAML syntax error in words, with a hint for the usual causes."""
    problem = (exc.problem or "syntax error").rstrip(".")
    lines = text.splitlines()
    source = lines[line - 1] if 0 < line <= len(lines) else ""
    if "\t" in source or "'\\t'" in problem:
        hint = "YAML does not allow tabs for indentation; indent with spaces."
    elif "mapping values are not allowed" in problem:
        hint = "a value containing `: ` must be quoted, e.g. prompt: \"Why: a reason\"."
    elif "expected <block end>" in problem or "did not find expected key" in problem:
        hint = "check that this line is indented like its neighbours."
    elif "found character" in problem and "`" in source:
        hint = "a value starting with a backtick or another special character must be quoted."
    else:
        hint = "check quotes, colons and indentation on this line."
    return f"invalid YAML ({problem}); {hint}"


class _Builder:
    """Turn a composed YAML node tree into Python data, refusing what quizzes never need."""

    def __init__(self, doc: Document, problems: list[Problem]) -> None:
        self.doc = doc
        self.problems = problems
        self.constructor = yaml.SafeLoader("")
        self.visited: set[int] = set()

    def _report(self, node: yaml.Node, path: Path, message: str) -> None:
        self.problems.append(
            Problem(self.doc.file, node.start_mark.line + 1, node.start_mark.column + 1, format_path(path), message)
        )

    def build(self, node: yaml.Node, path: Path) -> object:
        """Build the value of `node`, recording its position under `path`."""
        self.doc.values[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if id(node) in self.visited:
            # The composer turns an alias into a second reference to the same node.
            line, column = self.doc.keys.get(path, (node.start_mark.line + 1, node.start_mark.column + 1))
            self.problems.append(Problem(self.doc.file, line, column, format_path(path), "anchors and aliases (&name, *name) are not supported; write the value out."))
            return None
        self.visited.add(id(node))
        if isinstance(node, yaml.MappingNode):
            if node.tag != _MAP_TAG:
                self._report(node, path, f"the tag {node.tag!r} is not allowed; remove it.")
                return None
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _SEQ_TAG:
                self._report(node, path, f"the tag {node.tag!r} is not allowed; remove it.")
                return None
            return [self.build(child, (*path, i)) for i, child in enumerate(node.value)]
        try:
            value = self.constructor.construct_object(node)
        except yaml.YAMLError:
            self._report(node, path, f"the tag {node.tag!r} is not allowed; remove it.")
            return None
        if isinstance(value, float) and not math.isfinite(value):
            self._report(node, path, "use an ordinary number, not infinity or NaN.")
            return None
        return value

    def _mapping(self, node: yaml.MappingNode, path: Path) -> dict[object, object]:
        result: dict[object, object] = {}
        seen: dict[object, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
                self._report(key_node, path, "keys must be plain words; merge keys (<<) and complex keys are not supported.")
                continue
            key = self.constructor.construct_object(key_node)
            if not isinstance(key, str):
                key = str(key).lower() if isinstance(key, bool) else str(key)
            key_path = (*path, key)
            if key in seen:
                self._report(key_node, key_path, f"duplicate key `{key}` (first given on line {seen[key]}); keep only one.")
                continue
            seen[key] = key_node.start_mark.line + 1
            self.doc.keys[key_path] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            result[key] = self.build(value_node, key_path)
        return result
