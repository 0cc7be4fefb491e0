"""Write the quiz schema's compiled validator, `quizcore/schema_check.py`, from `quizcore/schema.json`.

Run it after changing the schema; a test fails while the two disagree. The compiled validator answers "valid or
not" many times faster than jsonschema, whose explanations are only needed for a file that is not valid.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import fastjsonschema

ROOT = Path(__file__).resolve().parents[1]
CORE = ROOT / "src" / "mkdocs_closer" / "quizcore"
TARGET = CORE / "schema_check.py"
HEADER = '''"""The quiz schema as compiled code, to tell valid data fast. Written by scripts/compile_schema.py."""
# fmt: off
'''
# The code needs only fastjsonschema's two exceptions: defined here, a build need not import fastjsonschema at all.
IMPORT = "from fastjsonschema import JsonSchemaValueException, JsonSchemaValuesException\n"
EXCEPTIONS = '''

class JsonSchemaValueException(ValueError):
    """The data does not follow the schema (jsonschema explains how)."""

    def __init__(self, message, value=None, name=None, definition=None, rule=None):
        super().__init__(message)
        self.value, self.name, self.definition, self.rule = value, name, definition, rule


class JsonSchemaValuesException(JsonSchemaValueException):
    """Several ways in which the data does not follow the schema."""
'''


def compiled() -> str:
    """Return the module's text for the schema as it is now."""
    schema = json.loads((CORE / "schema.json").read_text(encoding="utf-8"))
    code = fastjsonschema.compile_to_code(schema)
    name = code.split("\ndef ", 1)[1].split("(", 1)[0]
    if IMPORT not in code:
        raise SystemExit("fastjsonschema's compiled code imports something else now: update compile_schema.py.")
    return f"{HEADER}{code.replace(IMPORT, EXCEPTIONS, 1).rstrip()}\n\n\nvalidate = {name}\n"


def main() -> int:
    """Write the module; say whether it changed."""
    text = compiled()
    changed = not TARGET.is_file() or TARGET.read_text(encoding="utf-8") != text
    TARGET.write_text(text, encoding="utf-8")
    print(f"{TARGET.relative_to(ROOT)} {'written' if changed else 'unchanged'}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
