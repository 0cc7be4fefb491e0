"""Interface text of the course's pages: one table per language in `locales/`, overridable from the site settings."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

LOCALES = Path(__file__).parent / "locales"
DEFAULT_LANGUAGE = "en"


def _table(language: str) -> dict[str, str]:
    table: dict[str, str] = json.loads((LOCALES / f"{language}.json").read_text(encoding="utf-8"))
    return table


DEFAULT_STRINGS: dict[str, str] = _table(DEFAULT_LANGUAGE)


def languages() -> list[str]:
    """Return the languages that have a complete table."""
    return sorted(path.stem for path in LOCALES.glob("*.json"))


def merge_strings(overrides: Mapping[str, str] | None, language: str = DEFAULT_LANGUAGE) -> dict[str, str]:
    """Return the table for `language` (English where we have none), updated with a site's overrides."""
    overrides = overrides or {}
    unknown = sorted(set(overrides) - set(DEFAULT_STRINGS))
    if unknown:
        raise KeyError(", ".join(unknown))
    base = language.split("-")[0].lower()
    table = _table(base) if base in languages() else {}
    return {**DEFAULT_STRINGS, **table, **overrides}
