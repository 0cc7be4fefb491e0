"""Validate quiz data against `quizzes/schema.json` and explain each error in an author's words."""

from __future__ import annotations

import difflib
import json
from functools import cache
from pathlib import Path as FsPath
from typing import TYPE_CHECKING, Any

from mkdocs_closer.data import package_path
from mkdocs_closer.quizcore.errors import Path, Problem
from mkdocs_closer.quizcore.itemrules import RULES
from mkdocs_closer.quizcore.loader import Document

if TYPE_CHECKING:
    import jsonschema

SCHEMA_FILE = package_path("quizcore", "schema.json")

_SIZE_LIMITS = {"maxItems", "maxLength"}
_TYPE_WORDS = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "array": "a list (lines starting with `- `)",
    "object": "a mapping of keys (`key: value` lines)",
    "null": "nothing",
}


@cache
def schema_document(schema_file: FsPath = SCHEMA_FILE) -> dict[str, Any]:
    """Return the quiz schema as data."""
    schema: dict[str, Any] = json.loads(schema_file.read_text(encoding="utf-8"))
    return schema


@cache
def validator(schema_file: FsPath = SCHEMA_FILE) -> jsonschema.Draft7Validator:
    """Return a (cached) validator for the quiz schema, its `$ref`s resolved once rather than per value."""
    # Imported here: builds whose quiz files are all cached never need it, and it takes a while to import.
    import jsonschema

    schema = schema_document(schema_file)
    definitions = schema.get("definitions", {})

    def inline(node: Any) -> Any:  # any part of the JSON schema
        if isinstance(node, list):
            return [inline(entry) for entry in node]
        if not isinstance(node, dict):
            return node
        if "$ref" in node:
            # The schema's references are all local and none is recursive, so each can be copied in place.
            target = inline(definitions[node["$ref"].rsplit("/", 1)[-1]])
            return {**target, **{k: inline(v) for k, v in node.items() if k != "$ref"}}
        return {k: inline(v) for k, v in node.items()}

    return jsonschema.Draft7Validator(inline(schema))


def is_valid(data: object) -> bool:
    """Say whether `data` is a valid quiz, by the schema's compiled code: no explanation, and many times faster."""
    from mkdocs_closer.quizcore import schema_check

    try:
        schema_check.validate(data)  # type: ignore[no-untyped-call]  # generated code
    except schema_check.JsonSchemaValueException:
        return False
    return True


def schema_problems(doc: Document, schema_file: FsPath = SCHEMA_FILE) -> tuple[list[Problem], bool]:
    """Return every schema violation in `doc`, each located and explained, and whether it breaks a size limit."""
    # Most files are valid: the compiled check says so without jsonschema, which is needed (and imported) only to
    # explain what is wrong.
    if schema_file == SCHEMA_FILE and is_valid(doc.data):
        return [], False
    errors = list(validator(schema_file).iter_errors(doc.data))
    suggested: set[Path] = set()
    too_short: set[Path] = set()
    for error in errors:
        if error.validator == "additionalProperties" and isinstance(error.schema, dict):
            allowed = list(error.schema.get("properties", {}))
            for key in (k for k in error.instance if k not in allowed):
                suggested.update((*error.absolute_path, m) for m in difflib.get_close_matches(str(key), allowed, n=1))
        if error.validator == "minLength":
            too_short.add(tuple(error.absolute_path))
    problems: list[Problem] = []
    for error in errors:
        path = tuple(error.absolute_path)
        if error.validator == "required" and (*path, _missing_key(error)) in suggested:
            # "unknown key `questoins`; did you mean `questions`?" says it already; "missing `questions`" repeats it.
            continue
        if error.validator == "pattern" and path in too_short:
            continue  # An empty text also fails the pattern; "must not be empty" is the clearer message.
        problems.extend(_explain(doc, error))
    return list(dict.fromkeys(problems)), any(error.validator in _SIZE_LIMITS for error in errors)


def _missing_key(error: jsonschema.ValidationError) -> str:
    """Return the key a `required` error is about (jsonschema names it only in the message)."""
    return error.message.removesuffix(" is a required property").strip("'\"")


def _instance_at(data: object, path: Path) -> dict[Any, Any]:
    for part in path:
        data = data[part]  # type: ignore[index]
    return data if isinstance(data, dict) else {}


def _subschema_at(root: dict[str, Any], parts: list[str | int]) -> object:
    node: object = root
    for part in parts:
        node = node[part]  # type: ignore[index]
    return node


def _kind_of(value: object) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if value is None:
        return "nothing (an empty value)"
    return type(value).__name__


def _type_fix(value: object, expected: list[str]) -> str:
    """Say how to turn a value of the wrong type into the expected one."""
    if isinstance(value, float) and "integer" in expected:
        return "Use a whole number."
    if "array" in expected:
        return "Put each entry on its own line starting with `- `, or write `[first, second]`."
    if "object" in expected:
        return "Write `key: value` lines, indented under this one."
    if value is None:
        what = "the text" if "string" in expected else "a value"
        return f"Write {what} after the colon, or remove the key."
    if isinstance(value, list | dict):
        return "Write a single value here; put text that starts with `[`, `{` or `- ` in quotes."
    if "string" in expected and isinstance(value, bool):
        return "YAML reads yes, no, on, off, true and false as true/false; put the text in quotes."
    if "string" in expected and isinstance(value, int | float):
        return "Put it in quotes to use it as text."
    if isinstance(value, str) and {"number", "integer"} & set(expected) and _looks_numeric(value):
        return "Write it as a plain number like 2.5, without quotes."
    if "boolean" in expected:
        quoted = isinstance(value, str) and value.lower() in {"true", "false", "yes", "no"}
        return "Write true or false without quotes." if quoted else "Write true or false."
    return ""


def _looks_numeric(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _owner(instance: object) -> str:
    """Describe the object an error is about, for messages like 'single questions need …'."""
    if isinstance(instance, dict) and isinstance(instance.get("type"), str):
        kind = instance["type"]
        return f"a {kind}" if kind in {"knowledge-check", "self-assessment"} else f"`{kind}` questions"
    return "this entry"


def _suggest(word: str, options: list[str]) -> str:
    match = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    if match:
        return f"did you mean `{match[0]}`?"
    return "valid keys here: " + ", ".join(f"`{o}`" for o in sorted(options)) + "."


def _unknown_key(path: Path, key: str, allowed: list[str]) -> str:
    if path[-1:] == ("waive",) and key in RULES:
        # A check that exists, waived at the wrong level: a quiz-wide pattern on a question, or the reverse.
        where = "on the question it is about" if RULES[key].scope == "question" else "at the top of the quiz file"
        return f"`{key}` is waived {where}, not here; move it there."
    return f"unknown key `{key}`; {_suggest(key, allowed)}"


def _explain(doc: Document, error: jsonschema.ValidationError) -> list[Problem]:
    path = tuple(error.absolute_path)
    schema = error.schema if isinstance(error.schema, dict) else {}
    value: Any = error.instance  # the quiz data at fault, of any type
    spec: Any = error.validator_value  # the schema keyword's value: a number, a pattern, a list of types...
    kind = error.validator

    if kind == "additionalProperties":
        allowed = list(schema.get("properties", {}))
        extras = [k for k in value if k not in allowed]
        return [doc.problem((*path, k), _unknown_key(path, str(k), allowed), key=True) for k in extras]
    if kind == "required":
        # jsonschema reports each missing key as its own error, naming it in the message.
        missing = _missing_key(error)
        if "then" in error.relative_schema_path:
            return [doc.problem(path, f"`{missing}` is required for {_owner(value)}; add it.")]
        return [doc.problem(path, f"missing required key `{missing}`; add it.")]
    if kind is None:
        # A `false` subschema under `then.properties`: a key this kind of entry does not use.
        # jsonschema leaves the key out of the error path, so read it back from the schema.
        parent = _instance_at(doc.data, path)
        forbidden = _subschema_at(validator().schema, list(error.absolute_schema_path))
        keys = [k for k in parent if isinstance(forbidden, dict) and forbidden.get(k) is False]
        return [doc.problem((*path, k), f"`{k}` is not used by {_owner(parent)}; remove it.", key=True) for k in keys]
    if kind == "type":
        expected: list[str] = spec if isinstance(spec, list) else [spec]
        words = " or ".join(_TYPE_WORDS.get(t, t) for t in expected)
        return [doc.problem(path, f"expected {words}, found {_kind_of(value)}. {_type_fix(value, expected)}".rstrip())]
    if kind in {"enum", "const"}:
        options = spec if kind == "enum" else [spec]
        listed = ", ".join(f"`{o}`" for o in options)
        match = difflib.get_close_matches(value, [str(o) for o in options], n=1) if isinstance(value, str) else []
        if match:
            return [doc.problem(path, f"`{value}` is not allowed; did you mean `{match[0]}`? (allowed: {listed})")]
        if value is None:
            return [doc.problem(path, f"is empty; write one of {listed}.")]
        plain = isinstance(value, str | int | float) and not isinstance(value, bool)
        shown = f"`{value}`" if plain else _kind_of(value)
        return [doc.problem(path, f"{shown} is not allowed; use one of {listed}.")]
    if kind == "pattern" and "\n" in value.strip():
        lines = len(value.strip().splitlines())
        return [doc.problem(path, f"must be one line; found {lines} lines. Join them, or start the value with `>-` "
                                  "so that YAML joins them.")]
    if kind == "pattern":
        hint = schema.get("x-hint", f"it must match {spec}")
        shown = value if len(value) <= 40 else value[:37] + "..."
        return [doc.problem(path, f"{shown!r} is not valid here; {hint}.")]
    if kind == "minLength":
        return [doc.problem(path, "must not be empty.")]
    if kind == "maxLength":
        return [doc.problem(path, f"is {len(value):,} characters long; the limit is {spec:,}. "
                                  "Shorten it.")]
    if kind == "minItems":
        entries = "entry" if spec == 1 else "entries"
        return [doc.problem(path, f"needs at least {spec} {entries}; found {len(value)}.")]
    if kind == "maxItems":
        fix = "Remove some, or split the quiz into several." if len(path) == 1 else "Remove some."
        return [doc.problem(path, f"has {len(value):,} entries; the limit is {spec:,}. {fix}")]
    if kind in {"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"}:
        bounds = {"minimum": "at least", "maximum": "at most",
                  "exclusiveMinimum": "more than", "exclusiveMaximum": "less than"}
        return [doc.problem(path, f"must be {bounds[kind]} {spec}; found {value}.")]
    return [doc.problem(path, error.message)]
