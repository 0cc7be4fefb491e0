"""Validate quiz data against `quizzes/schema.json` and explain each error in an author's words."""

from __future__ import annotations

import difflib
import json
from functools import cache
from pathlib import Path as FsPath

import jsonschema

from quizcore.errors import Problem
from quizcore.loader import Document

SCHEMA_FILE = FsPath(__file__).resolve().parents[2] / "quizzes" / "schema.json"

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
def validator(schema_file: FsPath = SCHEMA_FILE) -> jsonschema.Draft7Validator:
    """Return a (cached) validator for the quiz schema."""
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema)


def schema_problems(doc: Document, schema_file: FsPath = SCHEMA_FILE) -> list[Problem]:
    """Return every schema violation in `doc`, each located and explained."""
    problems: list[Problem] = []
    for error in validator(schema_file).iter_errors(doc.data):
        problems.extend(_explain(doc, error))
    return list(dict.fromkeys(problems))


def _instance_at(data: object, path: tuple) -> dict:
    for part in path:
        data = data[part]  # type: ignore[index]
    return data if isinstance(data, dict) else {}


def _subschema_at(root: dict, parts: list) -> object:
    node: object = root
    for part in parts:
        while isinstance(node, dict) and part not in node and "$ref" in node:
            node = root["definitions"][node["$ref"].rsplit("/", 1)[-1]]
        node = node[part]  # type: ignore[index]
    return node


def _kind_of(value: object) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if value is None:
        return "nothing (an empty value)"
    return type(value).__name__


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


def _explain(doc: Document, error: jsonschema.ValidationError) -> list[Problem]:
    path = tuple(error.absolute_path)
    schema = error.schema if isinstance(error.schema, dict) else {}
    value = error.instance
    kind = error.validator

    if kind == "additionalProperties":
        allowed = list(schema.get("properties", {}))
        extras = [k for k in value if k not in allowed]
        return [doc.problem((*path, k), f"unknown key `{k}`; {_suggest(str(k), allowed)}", key=True) for k in extras]
    if kind == "required":
        # jsonschema reports each missing key as its own error, naming it in the message.
        missing = error.message.removesuffix(" is a required property").strip("'\"")
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
        expected = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        words = " or ".join(_TYPE_WORDS.get(t, t) for t in expected)
        message = f"expected {words}, found {_kind_of(value)}."
        if isinstance(value, bool) and "string" in expected:
            message += " YAML reads yes, no, on, off, true and false as true/false; put the text in quotes."
        elif value is None and "string" in expected:
            message += " Write the text after the colon, or remove the key."
        return [doc.problem(path, message)]
    if kind in {"enum", "const"}:
        options = error.validator_value if kind == "enum" else [error.validator_value]
        listed = ", ".join(f"`{o}`" for o in options)
        hint = _suggest(str(value), [str(o) for o in options]) if isinstance(value, str) else ""
        hint = hint if hint.startswith("did") else ""
        return [doc.problem(path, f"`{value}` is not allowed; use one of {listed}. {hint}".rstrip())]
    if kind == "pattern":
        hint = schema.get("x-hint", f"it must match {error.validator_value}")
        shown = value if len(value) <= 40 else value[:37] + "..."
        return [doc.problem(path, f"{shown!r} is not valid here; {hint}.")]
    if kind == "minLength":
        return [doc.problem(path, "must not be empty.")]
    if kind == "maxLength":
        return [doc.problem(path, f"is {len(value):,} characters long; the limit is {error.validator_value:,}.")]
    if kind == "minItems":
        entries = "entry" if error.validator_value == 1 else "entries"
        return [doc.problem(path, f"needs at least {error.validator_value} {entries}; found {len(value)}.")]
    if kind == "maxItems":
        return [doc.problem(path, f"allows at most {error.validator_value} entries; found {len(value)}.")]
    if kind in {"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"}:
        words = {"minimum": "at least", "maximum": "at most", "exclusiveMinimum": "more than", "exclusiveMaximum": "less than"}
        return [doc.problem(path, f"must be {words[kind]} {error.validator_value}; found {value}.")]
    return [doc.problem(path, error.message)]
