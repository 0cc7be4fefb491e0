"""Watch Jinja compile templates from source, in this process."""

from __future__ import annotations

import jinja2
import pytest


def compiles(monkeypatch: pytest.MonkeyPatch, *, files: bool = False) -> list[str]:
    """Return the list that every template Jinja compiles from source is named in (or its file) from now on."""
    names: list[str] = []
    original = jinja2.Environment.compile

    def compile_and_note(self: jinja2.Environment, source: str, name: str | None = None,
                         filename: str | None = None, *args: object, **kwargs: object) -> object:
        names.append((filename if files else name) or "")
        return original(self, source, name, filename, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(jinja2.Environment, "compile", compile_and_note)
    return names
