"""Shared fixtures: the repository root and a quiet MkDocs environment."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
os.environ.setdefault("DISABLE_MKDOCS_2_WARNING", "true")


@pytest.fixture(scope="session")
def root() -> Path:
    """The repository root."""
    return ROOT


def pytest_addoption(parser: pytest.Parser) -> None:
    """Add `--regen-golden` to rewrite the expected HTML of the golden tests."""
    parser.addoption("--regen-golden", action="store_true", help="rewrite tests/golden/*.html from the current output")
