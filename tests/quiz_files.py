"""Every quiz file of the repository (the course's, the fixtures, the bad inputs, the item-writing cases)."""

from __future__ import annotations

from pathlib import Path

from mkdocs_closer.quizcore.loader import LoadError, read_document

ROOT = Path(__file__).resolve().parents[1]
FILES = sorted(
    [*(ROOT / "quizzes").glob("*.yml"), *(ROOT / "tests" / "fixtures" / "quizzes").glob("*.yml"),
     *(ROOT / "tests" / "bad_inputs").glob("*.yml"), *(ROOT / "tests" / "item_writing").rglob("*.yml")]
)


def loads(path: Path) -> bool:
    """Say whether a file is YAML that loads (some bad inputs are refused already there)."""
    try:
        read_document(path.read_bytes(), path.name)
    except LoadError:
        return False
    return True


LOADED = [path for path in FILES if loads(path)]
