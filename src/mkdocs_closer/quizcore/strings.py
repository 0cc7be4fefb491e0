"""Interface text of the course's pages: one table per language in `locales/`, overridable from the site settings."""

from __future__ import annotations

import json
from collections.abc import Mapping

from mkdocs_closer.data import package_path

LOCALES = package_path("quizcore", "locales")
DEFAULT_LANGUAGE = "en"


def _table(language: str) -> dict[str, str]:
    table: dict[str, str] = json.loads((LOCALES / f"{language}.json").read_text(encoding="utf-8"))
    return table


DEFAULT_STRINGS: dict[str, str] = _table(DEFAULT_LANGUAGE)


def languages() -> list[str]:
    """Return the languages that have a complete table."""
    return sorted(path.stem for path in LOCALES.glob("*.json"))


def merge_strings(
    overrides: Mapping[str, str] | None, language: str = DEFAULT_LANGUAGE, *, site: str | None = None
) -> dict[str, str]:
    """Return the table for `language` (English where we have none), updated with a site's overrides.

    Given the `site`'s name, `{site}` in any text becomes it.
    """
    overrides = overrides or {}
    unknown = sorted(set(overrides) - set(DEFAULT_STRINGS))
    if unknown:
        raise KeyError(", ".join(unknown))
    base = language.split("-")[0].lower()
    table = _table(base) if base in languages() else {}
    merged = {**DEFAULT_STRINGS, **table, **overrides}
    if site is None:
        return merged
    return {key: text.replace("{site}", site) for key, text in merged.items()}
