"""Read a quiz file into plain data, remembering where every key and value stands."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import yaml

from mkdocs_closer.quizcore.errors import Path, Problem, format_path

MAX_BYTES = 1_000_000
"""Quiz files are small; anything larger is a mistake (or an attack) and is refused unread."""

_ALIASES = "anchors and aliases (&name, *name) are not supported; write the value out."


class _AliasNode(yaml.ScalarNode):
    """Stands where an alias (`*name`) is written, so that it is reported there and never expanded."""


class _Composer(yaml.composer.Composer):
    """PyYAML's composer, with aliases left unresolved.

    It is used even with libyaml: libyaml's own composer recurses in C and crashes the interpreter on
    deeply nested input (100,000 `[`), where this one raises a RecursionError that we report.
    """

    # The parser it is mixed with provides these (typed as PyYAML's stubs type them).
    check_event: Callable[..., bool]
    peek_event: Callable[[], Any]
    get_event: Callable[[], Any]

    def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node | None:
        """Compose as usual, except that a known alias becomes an `_AliasNode` at the alias's own position."""
        if self.check_event(yaml.AliasEvent) and self.peek_event().anchor in self.anchors:
            event = self.get_event()
            return _AliasNode("alias", event.anchor, event.start_mark, event.end_mark)
        return super().compose_node(parent, index)  # type: ignore[arg-type]  # a key node, too, not only an int


if yaml.__with_libyaml__:

    class _Loader(_Composer, yaml._yaml.CParser, yaml.resolver.Resolver):
        """libyaml's parser under the Python composer.

        libyaml, unlike PyYAML's parser, reads `{prompt: Why?}` as the text `Why?`, as YAML 1.2 does.
        """

        def __init__(self, stream: str) -> None:
            yaml._yaml.CParser.__init__(self, stream)
            _Composer.__init__(self)
            yaml.resolver.Resolver.__init__(self)

else:  # pragma: no cover - PyYAML built without libyaml

    class _Loader(_Composer, yaml.SafeLoader):  # type: ignore[no-redef]
        """PyYAML's own parser under the alias-keeping composer."""


_MAP_TAG = "tag:yaml.org,2002:map"
_SEQ_TAG = "tag:yaml.org,2002:seq"
_CORE = "tag:yaml.org,2002:"
_SCALAR_TAGS = {f"{_CORE}{name}" for name in ("null", "bool", "int", "float", "str")}
# Plain scalars YAML 1.1 resolves to types no quiz field uses (`2024-05-01`, `=`): keep the written text.
_TEXT_TAGS = {f"{_CORE}timestamp", f"{_CORE}value"}
_KEY_ONLY = re.compile(r"^\s*(- )?[\w-]+$")
# libyaml 0.2.6 stops at its own depth limit; older versions and PyYAML's parser reach Python's recursion limit.
_NESTING = re.compile(r"nesting (depth|level)", re.I)
# libyaml says "unknown escape character" or "expected hexdecimal number"; PyYAML's parser, "escape sequence".
_BAD_ESCAPE = re.compile(r"escape|hexdecimal")
_TOO_DEEP = "the YAML is nested too deeply to be a quiz; look for an unclosed `[` or `{`."


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
        raise fail(1, 1, f"file is {len(raw):,} bytes; a quiz file may be at most {MAX_BYTES:,} bytes. "
                         "Split it into several quizzes.")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise fail(1, 1, "the file is saved as UTF-16; save it as UTF-8.") from None
        raw_before = raw[: exc.start]
        line = raw_before.count(b"\n") + 1
        column = exc.start - (raw_before.rfind(b"\n") + 1) + 1
        raise fail(line, column, f"byte 0x{raw[exc.start]:02x} is not valid UTF-8; save the file as UTF-8.") from None
    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()):
        raise fail(1, 1, "file is empty; a quiz needs at least `title`, `type` and `lesson` (see the authoring guide).")
    try:
        node = yaml.compose(text, Loader=_Loader)  # type: ignore[arg-type]  # the stubs know only PyYAML's loaders
    except yaml.MarkedYAMLError as exc:
        if _NESTING.search(exc.problem or ""):
            raise fail(1, 1, _TOO_DEEP) from None
        line, column = _yaml_position(exc, text)
        raise fail(line, column, _yaml_message(exc, text, line, column)) from None
    except yaml.reader.ReaderError as exc:
        # libyaml counts `position` in UTF-8 bytes; the first such character is the one refused.
        found = text.find(chr(exc.character)) if isinstance(exc.character, int) else -1
        position = found if found >= 0 else min(exc.position, len(text))
        before = text[:position]
        line, column = before.count("\n") + 1, position - (before.rfind("\n") + 1) + 1
        shown = f"U+{exc.character:04X}" if isinstance(exc.character, int) else repr(exc.character)
        message = f"the control character {shown} is not allowed in YAML; delete it."
        raise fail(line, column, message) from None
    except yaml.YAMLError as exc:
        raise fail(1, 1, f"invalid YAML: {exc}") from None
    except RecursionError:
        raise fail(1, 1, _TOO_DEEP) from None
    if node is None:
        raise fail(1, 1, "file is empty; a quiz needs at least `title`, `type` and `lesson` (see the authoring guide).")
    problems: list[Problem] = []
    try:
        doc.data = _Builder(doc, problems).build(node, ())
    except RecursionError:
        raise fail(1, 1, _TOO_DEEP) from None
    if problems:
        raise LoadError(problems)
    if not isinstance(doc.data, dict):
        kind = "a list" if isinstance(doc.data, list) else "a single value"
        raise fail(node.start_mark.line + 1, node.start_mark.column + 1,
                   f"the top level is {kind}; a quiz file must be a mapping of keys such as `title:` and `type:`.")
    return doc


def _yaml_position(exc: yaml.MarkedYAMLError, text: str) -> tuple[int, int]:
    """Return the 1-based (line, column) where the author's mistake is, which is not always where YAML stopped."""
    mark = exc.problem_mark or exc.context_mark
    if not mark:
        return (1, 1)
    line, column = mark.line + 1, mark.column + 1
    if _BAD_ESCAPE.search(exc.problem or ""):
        # YAML stops after the backslash, at the first character that does not fit the escape.
        lines = text.splitlines()
        backslash = lines[mark.line].rfind("\\", 0, mark.column + 1) if mark.line < len(lines) else -1
        return (line, backslash + 1) if backslash >= 0 else (line, column)
    if exc.context and "quoted scalar" in exc.context and exc.context_mark:
        # The end of the file is not where the mistake is: the quote that never closes is.
        return (exc.context_mark.line + 1, exc.context_mark.column + 1)
    return (line, column)


def _yaml_message(exc: yaml.MarkedYAMLError, text: str, line: int, column: int) -> str:
    """Explain a YAML syntax error in words, with a hint for the usual causes."""
    problem = (exc.problem or "syntax error").rstrip(".")
    lines = text.splitlines()
    source = lines[line - 1] if 0 < line <= len(lines) else ""
    if "anchor" in (exc.context or "") or "alias" in problem:
        return _ALIASES
    if _BAD_ESCAPE.search(problem) and source[column - 1 : column] == "\\":
        escape = source[column - 1 : column + 1]
        return (f"invalid YAML (`{escape}` is not a valid escape in double quotes); put the value in single quotes "
                "instead, or write `\\\\` for each backslash.")
    if exc.context and "quoted scalar" in exc.context:
        return "invalid YAML (this quoted value never ends); add the closing quote."
    if "another document" in problem:
        return "invalid YAML (this `---` starts a second document); a quiz file holds one document, so remove it."
    if "\t" in source or "'\\t'" in problem:
        hint = "YAML does not allow tabs for indentation; indent with spaces."
    elif "mapping values are not allowed" in problem and _KEY_ONLY.match(source[: column - 1]):
        # The colon follows a lone key, so the key is misplaced rather than the value unquoted.
        hint = "this line is indented differently from the one above; line its key up with its neighbours."
    elif "mapping values are not allowed" in problem:
        hint = "a value containing `: ` must be quoted, e.g. prompt: \"Why: a reason\"."
    elif "expected <block end>" in problem or "did not find expected key" in problem:
        hint = "check that this line is indented like its neighbours."
    elif "found character" in problem and "`" in source:
        hint = "a value starting with a backtick or another special character must be quoted."
    else:
        hint = "check quotes, colons and indentation on this line."
    return f"invalid YAML ({problem}); {hint}"


def _tag_message(tag: str) -> str:
    """Refuse a YAML tag, shown the way it was probably written (`!!python/…`, `!include`)."""
    shown = "!!" + tag.removeprefix(_CORE) if tag.startswith(_CORE) else tag
    return f"the tag `{shown}` is not allowed; remove it and write a plain value."


class _Builder:
    """Turn a composed YAML node tree into Python data, refusing what quizzes never need."""

    def __init__(self, doc: Document, problems: list[Problem]) -> None:
        self.doc = doc
        self.problems = problems
        self.constructor = yaml.SafeLoader("")

    def _report(self, node: yaml.Node, path: Path, message: str) -> None:
        self.problems.append(
            Problem(self.doc.file, node.start_mark.line + 1, node.start_mark.column + 1, format_path(path), message)
        )

    def build(self, node: yaml.Node, path: Path) -> object:
        """Build the value of `node`, recording its position under `path`."""
        self.doc.values[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, _AliasNode):
            self._report(node, path, _ALIASES)
            return None
        if isinstance(node, yaml.MappingNode):
            if node.tag != _MAP_TAG:
                self._report(node, path, _tag_message(node.tag))
                return None
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _SEQ_TAG:
                self._report(node, path, _tag_message(node.tag))
                return None
            return [self.build(child, (*path, i)) for i, child in enumerate(node.value)]
        if node.tag in _TEXT_TAGS:
            return node.value
        if node.tag not in _SCALAR_TAGS:
            # Refused before construction: `!!binary`, `!!python/…` and unknown `!tags` never reach a constructor.
            self._report(node, path, _tag_message(node.tag))
            return None
        value = self.constructor.construct_object(node)
        if isinstance(value, float) and not math.isfinite(value):
            self._report(node, path, "use an ordinary number, not infinity or NaN.")
            return None
        return value

    def _mapping(self, node: yaml.MappingNode, path: Path) -> dict[object, object]:
        result: dict[object, object] = {}
        seen: dict[object, int] = {}
        for key_node, value_node in node.value:
            if isinstance(key_node, _AliasNode):
                self._report(key_node, path, _ALIASES)
                continue
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
                self._report(key_node, path,
                             "keys must be plain words; merge keys (<<) and complex keys are not supported.")
                continue
            if key_node.tag not in _SCALAR_TAGS | _TEXT_TAGS:
                self._report(key_node, path, _tag_message(key_node.tag))
                continue
            # The key as written: `null:` or `1:` stay `null` and `1` in messages, not None or an int.
            key = key_node.value
            key_path = (*path, key)
            if key in seen:
                self._report(key_node, key_path,
                             f"duplicate key `{key}` (first given on line {seen[key]}); keep only one.")
                continue
            seen[key] = key_node.start_mark.line + 1
            self.doc.keys[key_path] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            result[key] = self.build(value_node, key_path)
        return result
