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


if yaml.__with_libyaml__:
    # libyaml, unlike PyYAML's parser, reads `{prompt: Why?}` as the text `Why?`, as YAML 1.2 does.
    _Parser: Callable[[str], Any] = yaml._yaml.CParser
else:  # pragma: no cover - PyYAML built without libyaml
    _Parser = yaml.SafeLoader

_MAP_TAG = "tag:yaml.org,2002:map"
_SEQ_TAG = "tag:yaml.org,2002:seq"
_STR_TAG = "tag:yaml.org,2002:str"
_MERGE_TAG = "tag:yaml.org,2002:merge"
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
_MAX_DEPTH = 64
"""A quiz nests six levels deep; YAML far deeper is a mistake (an unclosed `[`) or an attack."""
_PLAIN_KEYS = "keys must be plain words; merge keys (<<) and complex keys are not supported."


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
    problems: list[Problem] = []
    try:
        found = _Reader(doc, problems, text).read()
    except yaml.MarkedYAMLError as exc:
        if _NESTING.search(exc.problem or ""):
            raise fail(1, 1, _TOO_DEEP) from None
        line, column = _yaml_position(exc, text)
        raise fail(line, column, _yaml_message(exc, text, line, column)) from None
    except yaml.reader.ReaderError as exc:
        # libyaml counts `position` in UTF-8 bytes; the first such character is the one refused.
        found_at = text.find(chr(exc.character)) if isinstance(exc.character, int) else -1
        position = found_at if found_at >= 0 else min(exc.position, len(text))
        before = text[:position]
        line, column = before.count("\n") + 1, position - (before.rfind("\n") + 1) + 1
        shown = f"U+{exc.character:04X}" if isinstance(exc.character, int) else repr(exc.character)
        message = f"the control character {shown} is not allowed in YAML; delete it."
        raise fail(line, column, message) from None
    except yaml.YAMLError as exc:
        raise fail(1, 1, f"invalid YAML: {exc}") from None
    except _TooDeepError:
        raise fail(1, 1, _TOO_DEEP) from None
    if found is None:
        raise fail(1, 1, "file is empty; a quiz needs at least `title`, `type` and `lesson` (see the authoring guide).")
    if problems:
        raise LoadError(problems)
    doc.data, start = found
    if not isinstance(doc.data, dict):
        kind = "a list" if isinstance(doc.data, list) else "a single value"
        raise fail(start.line + 1, start.column + 1,
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


class _TooDeepError(Exception):
    """The YAML nests deeper than `_MAX_DEPTH`."""


class _Reader:
    """Build Python data straight from the parser's events, recording positions, refusing what quizzes never need.

    It does what PyYAML's composer and constructor do, without their tree of nodes, their recursion without limit
    (libyaml's composer crashes the interpreter on 100,000 `[`) or expanding aliases, which it reports instead.
    """

    def __init__(self, doc: Document, problems: list[Problem], text: str) -> None:
        self.doc = doc
        self.problems = problems
        self.next_event: Callable[[], Any] = _Parser(text).get_event
        self.anchors: dict[str, Any] = {}
        resolver = yaml.resolver.Resolver()
        self.resolve: Callable[[type, str, tuple[bool, bool]], str] = resolver.resolve
        # Plain text whose first character starts no implicit type (`true`, `3`, `~`, `2024-…`) is text.
        self.typed_starts = frozenset(resolver.yaml_implicit_resolvers)
        self.constructor = yaml.SafeLoader("")

    def read(self) -> tuple[object, Any] | None:
        """Return the document's data and the mark where it starts, or None for a stream without a document."""
        self.next_event()  # the stream's start
        start = self.next_event()
        if isinstance(start, yaml.StreamEndEvent):
            return None
        first = self.next_event()
        data = self.value(first, (), 0)
        self.next_event()  # the document's end
        after = self.next_event()
        if not isinstance(after, yaml.StreamEndEvent):
            raise yaml.composer.ComposerError("expected a single document in the stream", start.start_mark,
                                              "but found another document", after.start_mark)
        return data, first.start_mark

    def _report(self, event: Any, path: Path, message: str) -> None:
        mark = event.start_mark
        self.problems.append(Problem(self.doc.file, mark.line + 1, mark.column + 1, format_path(path), message))

    def _known(self, event: Any, depth: int) -> bool:
        """Check the depth and the event's anchor, as PyYAML's composer would; return False for an alias."""
        if depth > _MAX_DEPTH:
            raise _TooDeepError
        anchor, mark = event.anchor, event.start_mark
        if isinstance(event, yaml.AliasEvent):
            if anchor not in self.anchors:
                raise yaml.composer.ComposerError(None, None, f"found undefined alias {anchor!r}", mark)
            return False
        if anchor is not None:
            if anchor in self.anchors:
                raise yaml.composer.ComposerError(f"found duplicate anchor {anchor!r}; first occurrence",
                                                  self.anchors[anchor], "second occurrence", mark)
            self.anchors[anchor] = mark
        return True

    def _skip(self, event: Any, depth: int) -> None:
        """Read past the value that starts with `event` without building it."""
        if self._known(event, depth) and not isinstance(event, yaml.ScalarEvent):
            self._skip_children(event, depth)

    def _skip_children(self, event: Any, depth: int) -> None:
        end = yaml.SequenceEndEvent if isinstance(event, yaml.SequenceStartEvent) else yaml.MappingEndEvent
        while not isinstance(child := self.next_event(), end):
            self._skip(child, depth + 1)

    def _tag(self, event: Any) -> str:
        """Return a scalar's tag, as written or as YAML 1.1 resolves plain text (`true`, `3`, `~`)."""
        tag: str | None = event.tag
        if tag is not None and tag != "!":
            return tag
        plain, value = event.implicit[0], event.value
        if not plain or (value and value[0] not in self.typed_starts and None not in self.typed_starts):
            return _STR_TAG
        return self.resolve(yaml.ScalarNode, value, event.implicit)

    def value(self, event: Any, path: Path, depth: int) -> object:
        """Build the value that starts with `event`, recording its position under `path`."""
        mark = event.start_mark
        self.doc.values[path] = (mark.line + 1, mark.column + 1)
        if not self._known(event, depth):
            self._report(event, path, _ALIASES)
            return None
        if isinstance(event, yaml.ScalarEvent):
            return self._scalar(event, path)
        is_list = isinstance(event, yaml.SequenceStartEvent)
        if event.tag not in (None, "!", _SEQ_TAG if is_list else _MAP_TAG):
            self._report(event, path, _tag_message(event.tag))
            self._skip_children(event, depth)
            return None
        if not is_list:
            return self._mapping(path, depth)
        items: list[object] = []
        while not isinstance(child := self.next_event(), yaml.SequenceEndEvent):
            items.append(self.value(child, (*path, len(items)), depth + 1))
        return items

    def _scalar(self, event: Any, path: Path) -> object:
        tag = self._tag(event)
        if tag == _STR_TAG or tag in _TEXT_TAGS:
            return event.value
        if tag not in _SCALAR_TAGS:
            # Refused before construction: `!!binary`, `!!python/…` and unknown `!tags` never reach a constructor.
            self._report(event, path, _tag_message(tag))
            return None
        node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
        value = self.constructor.construct_object(node)
        if isinstance(value, float) and not math.isfinite(value):
            self._report(event, path, "use an ordinary number, not infinity or NaN.")
            return None
        return value

    def _key(self, event: Any, path: Path, depth: int) -> str | None:
        """Return a mapping key's text as written (`null:` stays `null`), or None for a key that is refused."""
        if not self._known(event, depth):
            self._report(event, path, _ALIASES)
            return None
        if not isinstance(event, yaml.ScalarEvent):
            self._report(event, path, _PLAIN_KEYS)
            self._skip_children(event, depth)
            return None
        tag = self._tag(event)
        if tag == _MERGE_TAG:
            self._report(event, path, _PLAIN_KEYS)
            return None
        if tag not in _SCALAR_TAGS and tag not in _TEXT_TAGS:
            self._report(event, path, _tag_message(tag))
            return None
        return str(event.value)

    def _mapping(self, path: Path, depth: int) -> dict[object, object]:
        result: dict[object, object] = {}
        seen: dict[str, int] = {}
        while not isinstance(event := self.next_event(), yaml.MappingEndEvent):
            key = self._key(event, path, depth + 1)
            if key is not None and key in seen:
                message = f"duplicate key `{key}` (first given on line {seen[key]}); keep only one."
                self._report(event, (*path, key), message)
                key = None
            if key is None:
                self._skip(self.next_event(), depth + 1)
                continue
            mark = event.start_mark
            seen[key] = mark.line + 1
            self.doc.keys[(*path, key)] = (mark.line + 1, mark.column + 1)
            result[key] = self.value(self.next_event(), (*path, key), depth + 1)
        return result
